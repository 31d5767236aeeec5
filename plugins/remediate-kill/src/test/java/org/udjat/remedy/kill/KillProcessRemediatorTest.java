package org.udjat.remedy.kill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator.Outcome;
import org.udjat.api.Settings;

/** The commands per platform, the validation of targets and options, the signals and the judgement. */
class KillProcessRemediatorTest {
    private final KillProcessRemediator kill = new KillProcessRemediator();
    private static final Settings BY_MATCH = options("match", "orders-worker");
    private static final Settings BY_PID_FILE = options("pid_file", "/run/orders.pid");

    @Test
    void typeAndOptions() {
        assertEquals("kill-process", kill.type());
        assertEquals(Set.of("pid_file", "match", "signal", "sudo"), kill.optionNames());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LINUX   | LC_ALL=C.UTF-8 ps -e -ww -o pid,ppid,args | awk -v self=$$
            BUSYBOX | ps -o pid,ppid,args | awk -v self=$$
            FREEBSD | ps -ax -ww -o pid,ppid,args | awk -v self=$$
            OPENBSD | ps -ax -ww -o pid,ppid,args | awk -v self=$$
            MACOS   | ps -ax -ww -o pid,ppid,args | awk -v self=$$
            """)
    void aMatchListsEveryProcessWithItsPlatformsPs(Platform platform, String listing) {
        String command = kill.command(platform, "orders", BY_MATCH).orElseThrow();
        assertTrue(command.startsWith("UDJAT_MATCH='orders-worker'; export UDJAT_MATCH; sudo='';"), command);
        assertTrue(command.contains(listing), command);
        assertTrue(command.contains("$sudo kill -s TERM \"$p\""), command);
        assertFalse(command.contains("pgrep") || command.contains("pkill"), command);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aPidFileIsReadByTheShellOnEveryPlatform(Platform platform) {
        String command = kill.command(platform, "orders", options("pid_file", "/run/it's.pid", "signal", "9", "sudo", true))
                .orElseThrow();
        assertTrue(command.startsWith("f='/run/it'\\''s.pid'; sudo='sudo -n'; if [ ! -e \"$f\" ]"), command);
        assertTrue(command.contains("$sudo kill -9 \"$p\""), command);
    }

    @Test
    void thePatternIsQuotedWhateverItHolds() {
        String command = kill.command(Platform.LINUX, "x", options("match", "a'b $(reboot) `id` \"c\"")).orElseThrow();
        assertTrue(command.startsWith("UDJAT_MATCH='a'\\''b $(reboot) `id` \"c\"'; export UDJAT_MATCH;"), command);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            TERM    | TERM      | -s TERM
            term    | TERM      | -s TERM
            SIGHUP  | HUP       | -s HUP
            sigkill | KILL      | -s KILL
            USR1    | USR1      | -s USR1
            9       | KILL      | -9
            15      | TERM      | -15
            12      | signal 12 | -12
            """)
    void signalsByNameOrNumber(String option, String name, String killArg) {
        assertEquals(Optional.of(new Signal(name, killArg)), Signal.parse(option));
        assertEquals(List.of(), kill.validate("orders", options("match", "w", "signal", option)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "32", "-9", "TERM; reboot", "SIGFOO", "", "9 9"})
    void badSignalsAreRejected(String option) {
        List<ConfigProblem> problems = kill.validate("orders", options("match", "w", "signal", option));
        assertEquals(List.of("signal"), problems.stream().map(ConfigProblem::key).toList(), problems.toString());
    }

    @Test
    void everyBadOptionIsReportedAtOnce() {
        List<ConfigProblem> problems = kill.validate("two\nlines", options("pid_file", "run/x.pid", "match", "w",
                "signal", "nope", "sudo", "yes"));
        assertEquals(List.of("target", "", "pid_file", "signal", "sudo"), problems.stream().map(ConfigProblem::key).toList());
        assertEquals("expected exactly one of pid_file (the file holding the process id) or match (a pattern of its"
                + " command line), got both", problems.get(1).message());
        assertEquals("expected exactly one of pid_file (the file holding the process id) or match (a pattern of its"
                + " command line), got neither", kill.validate("orders", Settings.empty()).get(0).message());
        assertEquals(List.of(), kill.validate("orders", BY_MATCH));
        assertEquals(List.of(), kill.validate("orders", BY_PID_FILE));
        assertEquals(Optional.empty(), kill.command(Platform.LINUX, "orders", Settings.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {".*", "", "x*", "^", "a|", "(orders)?"})
    void aPatternThatMatchesEveryProcessIsRefused(String pattern) {
        List<ConfigProblem> problems = kill.validate("orders", options("match", pattern));
        assertEquals(List.of("match"), problems.stream().map(ConfigProblem::key).toList(), problems.toString());
        for (Platform platform : Platform.values()) {
            assertEquals(Optional.empty(), kill.command(platform, "orders", options("match", pattern)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            listed 120\\nkilled 4711\\nkilled 4712\\n                        | true  | killed 2 processes matching 'orders-worker' with TERM (pids 4711 4712)
            listed 120\\nkilled 4711\\n                                      | true  | killed 1 process matching 'orders-worker' with TERM (pid 4711)
            listed 120\\nkilled 1\\nfailed 2 kill: (2) - No such process\\n | true  | killed 1 process matching 'orders-worker' with TERM (pid 1); could not kill 1: 2: kill: (2) - No such process
            listed 120\\nfailed 7 kill: (7) - Operation not permitted\\n    | false | could not kill 1 process matching 'orders-worker' with TERM: 7: kill: (7) - Operation not permitted
            listed 120\\n                                                   | false | no process matching 'orders-worker' among 120; nothing was killed
            listed 0\\n                                                     | false | ps listed no processes; nothing was killed (exit 0)
            sh: ps: not found\\n                                           | false | could not kill: exit 0: sh: ps: not found
            killed x\\nkilled 12345678901\\n                               | false | could not kill: exit 0: killed x
            """)
    void judgeByMatch(String text, boolean done, String summary) {
        assertEquals(new Outcome(done, summary), kill.judge(new RawOutput(text.strip().replace("\\n", "\n"), 0, false), "orders", BY_MATCH));
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            killed 4711\\n                                  | true  | killed process 4711 from /run/orders.pid with KILL
            failed 4711 kill: (4711) - No such process\\n   | false | could not kill process from /run/orders.pid with KILL: 4711: kill: (4711) - No such process
            nopidfile\\n                                    | false | no pid file /run/orders.pid; nothing was killed
            unreadable\\n                                   | false | cannot read the pid file /run/orders.pid; nothing was killed
            badpid 1\\n                                     | false | the pid file /run/orders.pid holds "1", not the id of a process to kill; nothing was killed
            badpid \\u001b[2Jhello\\n                       | false | the pid file /run/orders.pid holds "?[2Jhello", not the id of a process to kill; nothing was killed
            ''                                              | false | could not kill: exit 0: no output
            """)
    void judgeByPidFile(String text, boolean done, String summary) {
        String unescaped = text.strip().replace("\\n", "\n").replace("\\u001b", "\u001b");
        assertEquals(new Outcome(done, summary), kill.judge(new RawOutput(unescaped, 0, false), "orders",
                options("pid_file", "/run/orders.pid", "signal", "9")));
    }

    @Test
    void manyPidsAreCut() {
        StringBuilder out = new StringBuilder("listed 500\n");
        for (int i = 100; i < 125; i++) {
            out.append("killed ").append(i).append('\n');
        }
        Outcome o = kill.judge(new RawOutput(out.toString(), 0, false), "orders", BY_MATCH);
        assertEquals(new Outcome(true, "killed 25 processes matching 'orders-worker' with TERM"
                + " (pids 100 101 102 103 104 105 106 107 108 109 +15 more)"), o);
    }

    @Test
    void theJudgementNeverThrowsOnOddOutputOrOptions() {
        for (String text : new String[] {"", "listed", "listed x", "killed", "failed", "badpid", "\n\n", "listed 99999999999"}) {
            kill.judge(new RawOutput(text, 1, true), "orders", BY_MATCH);
            kill.judge(new RawOutput(text, 1, true), null, options("signal", "nope", "pid_file", 3));
            kill.judge(new RawOutput(text, 0, false), "orders", Settings.empty());
        }
    }
}
