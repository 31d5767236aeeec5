package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;

class ProcessCheckTest {
    private static final String DEBIAN = "process/debian12-procps-4.0.2.txt";
    private final ProcessCheck check = new ProcessCheck();

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', value = {
        // the kernel keeps 15 bytes of a name; the full name still matches
        DEBIAN + "                              | process | averyveryverylongprocessname | 1",
        DEBIAN + "                              | process | my prog                      | 1",
        DEBIAN + "                              | process | café ☕ x                     | 1",
        // the 15-byte cut splits the ö, which procps prints as ?
        DEBIAN + "                              | process | abcdefghijklmnöpq            | 1",
        DEBIAN + "                              | process | sleep                        | 2",
        // the zombie sh children and the script's own shells are not counted
        DEBIAN + "                              | process | sh                           | 1",
        DEBIAN + "                              | process | ps                           | 0",
        DEBIAN + "                              | process | averyveryverylo              | 1",
        DEBIAN + "                              | process | averyveryverylon             | 1",
        DEBIAN + "                              | process | averyveryveryl               | 0",
        // procps 4 cuts the long user name to averyve+
        DEBIAN + "                              | user | averyverylongusername01      | 1",
        DEBIAN + "                              | user | averyve                      | 0",
        DEBIAN + "                              | user | 4000777                      | 1",
        DEBIAN + "                              | user | 4000123                      | 1",
        DEBIAN + "                              | args | udjat-fixture-marker y{3000}  | 1",
        DEBIAN + "                              | args | ^\\./my prog 900 0$          | 1",
        // only the script's own shells carry its command line
        DEBIAN + "                              | args | LC_ALL=C.UTF-8 ps            | 0",
        "process/busybox-1.35.txt           | process | averyveryverylongprocessname | 1",
        "process/busybox-1.35.txt           | process | abcdefghijklmnöpq            | 1",
        "process/busybox-1.35.txt           | process | café ☕ x                     | 1",
        "process/busybox-1.35.txt           | process | sh                           | 1",
        "process/busybox-1.35.txt           | process | ps                           | 0",
        // BusyBox cuts user names to 8 characters without a mark, and shows unknown uids as numbers
        "process/busybox-1.35.txt           | user | averyverylongusername01      | 1",
        "process/busybox-1.35.txt           | user | 4000123                      | 1",
        "process/busybox-1.35.txt           | args | udjat-fixture-marker         | 1",
        // procps 3 prints a long user name as the uid; without C.UTF-8, non-ASCII bytes are ?
        "process/procps-3.3-numeric-user.txt | user | averyverylongusername01     | 0",
        "process/procps-3.3-numeric-user.txt | user | 4000777                     | 1",
        "process/procps-3.3-numeric-user.txt | process | café ☕ x                    | 0",
        "process/large-pids.txt             | process | sleep                        | 2",
        "process/large-pids.txt             | process | ps                           | 0",
        "process/large-pids.txt             | process | sh                           | 1",
        "process/freebsd-14.1.txt           | process | nginx                        | 3",
        "process/freebsd-14.1.txt           | user | www                          | 2",
        "process/freebsd-14.1.txt           | user | 80                           | 2",
        "process/freebsd-14.1.txt           | process | averyveryverylongprocessname | 1",
        "process/freebsd-14.1.txt           | user | averyverylongusername01      | 1",
        "process/freebsd-14.1.txt           | process | my daemon                    | 1",
        // the zombie cron does not count; the watchdog's sleep is the script's own
        "process/freebsd-14.1.txt           | process | cron                         | 1",
        "process/freebsd-14.1.txt           | process | sleep                        | 0",
        // the login shell above the script's shell is not the script's
        "process/freebsd-14.1.txt           | process | sh                           | 1",
        "process/freebsd-14.1.txt           | args | worker process                | 2",
        "process/openbsd-7.5.txt            | process | httpd                        | 2",
        "process/openbsd-7.5.txt            | process | averyveryverylongprocessname | 1",
        "process/openbsd-7.5.txt            | user | averyverylongusername01      | 1",
        "process/macos-14.txt               | process | Google Chrome Helper         | 1",
        "process/macos-14.txt               | user | _windowserver                | 1",
        "process/macos-14.txt               | args | Google Chrome Helper --type  | 1",
        "process/macos-14.txt               | process | sshd                         | 2",
    })
    void countsMatchingProcesses(String fixture, String key, String value, int expected) {
        CheckOutcome o = check.parse(raw(fixture), options(key, value, "count", "0:"));
        assertEquals(Status.OK, o.status(), o.summary());
        assertEquals(expected, o.perfData().get(0).value(), o.summary() + "\n" + o.longOutput());
    }

    @Test
    void withoutFiltersEveryProcessButTheScriptsOwnAndZombiesCounts() {
        CheckOutcome o = check.parse(raw("process/openbsd-7.5.txt"), Settings.empty());
        // 13 processes, 3 of the script, 1 zombie
        assertEquals("PROCESS OK - 9 processes", o.summary());
    }

    @Test
    void summaryNamesTheCriteriaAndTheRangeThatWasNotMet() {
        CheckOutcome o = check.parse(raw(DEBIAN), options("process", "sleep"));
        assertEquals("PROCESS OK - 2 processes named \"sleep\"", o.summary());
        assertTrue(o.longOutput().startsWith("pid 25391 ppid 1 user 4000123: sleep 900\npid 25401 ppid 25393 user root:"),
                o.longOutput());
        o = check.parse(raw(DEBIAN), options("process", "nginx", "user", "averyverylongusername01", "args", "900"));
        assertEquals("PROCESS OK - 1 process named \"nginx\", of user \"averyverylongusername01\", with args matching \"900\"",
                o.summary());
        o = check.parse(raw(DEBIAN), options("process", "sshd"));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("PROCESS CRITICAL - 0 processes named \"sshd\" (count \"1:\")", o.summary());
        assertEquals("", o.longOutput());
    }

    @ParameterizedTest(name = "count {0} warn {1} crit {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // two processes named sleep
        "-    | -    | -    | OK       | PROCESS OK - 2 processes named \"sleep\"",
        "2    | -    | -    | OK       | PROCESS OK - 2 processes named \"sleep\"",
        "3:   | -    | -    | CRITICAL | PROCESS CRITICAL - 2 processes named \"sleep\" (count \"3:\")",
        "1:1  | -    | -    | CRITICAL | PROCESS CRITICAL - 2 processes named \"sleep\" (count \"1:1\")",
        "-    | -    | 0:1  | CRITICAL | PROCESS CRITICAL - 2 processes named \"sleep\" (crit \"0:1\")",
        "-    | 1:1  | -    | WARNING  | PROCESS WARNING - 2 processes named \"sleep\" (warn \"1:1\")",
        "1:   | 3:   | -    | WARNING  | PROCESS WARNING - 2 processes named \"sleep\" (warn \"3:\")",
        // must not run: any process is critical
        "0    | -    | -    | CRITICAL | PROCESS CRITICAL - 2 processes named \"sleep\" (count \"0\")",
        "@2:3 | -    | -    | CRITICAL | PROCESS CRITICAL - 2 processes named \"sleep\" (count \"@2:3\")",
    })
    void countWarnAndCrit(String count, String warn, String crit, Status expected, String summary) {
        Settings options = options("process", "sleep");
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>(options.asMap());
        if (count != null) {
            map.put("count", count);
        }
        if (warn != null) {
            map.put("warn", warn);
        }
        if (crit != null) {
            map.put("crit", crit);
        }
        Settings all = Settings.of(map);
        assertEquals(List.of(), check.validate(all));
        CheckOutcome o = check.parse(raw(DEBIAN), all);
        assertEquals(expected, o.status());
        assertEquals(summary, o.summary());
    }

    @Test
    void perfdataIsTheCountWithItsRanges() {
        PerfDatum p = check.parse(raw(DEBIAN), options("process", "sleep", "warn", "2:")).perfData().get(0);
        assertEquals(new PerfDatum("procs", 2, "", p.warn(), p.crit(), 0.0, null), p);
        assertEquals("2:", p.warn().text());
        assertEquals("1:", p.crit().text());
        assertNull(check.parse(raw(DEBIAN), options("process", "sleep", "count", "~:5")).perfData().get(0).warn());
    }

    @Test
    void commandLinesCutByTheOutputCapGiveACertainStatusOrUnknown() {
        String text = raw(DEBIAN).text();
        // cut just after the marker's command line began: its line is dropped, later ones are unknown
        RawOutput cut = new RawOutput(text.substring(0, text.indexOf("25393 sh -c") + 30), 153, true);
        CheckOutcome o = check.parse(cut, options("args", "udjat-fixture-marker"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("PROCESS UNKNOWN - at least 0 processes with args matching \"udjat-fixture-marker\" in the part of the"
                + " ps output that fit the output cap, too few to decide; raise output_cap", o.summary());
        assertTrue(o.longOutput().contains("processes could not be matched: their command lines were cut at the output cap"),
                o.longOutput());
        // one match already found: "at least one" cannot fail however many more there are
        o = check.parse(cut, options("args", "900"));
        assertEquals(Status.OK, o.status());
        assertEquals("PROCESS OK - at least 5 processes with args matching \"900\" (ps output cut at the output cap)",
                o.summary());
        assertEquals(List.of(), o.perfData());
        // matching by name needs only the table, which is whole
        o = check.parse(cut, options("process", "sleep"));
        assertEquals("PROCESS OK - 2 processes named \"sleep\"", o.summary());
        assertEquals(2.0, o.perfData().get(0).value());
    }

    @Test
    void aTableCutByTheOutputCapGivesACertainStatusOrUnknown() {
        String text = raw(DEBIAN).text();
        RawOutput cut = new RawOutput(text.substring(0, text.indexOf("25392     1")), 153, true);
        assertEquals("PROCESS OK - at least 1 process named \"sleep\" (ps output cut at the output cap)",
                check.parse(cut, options("process", "sleep")).summary());
        assertEquals("PROCESS CRITICAL - at least 1 process named \"sleep\" (count \"0\") (ps output cut at the output cap)",
                check.parse(cut, options("process", "sleep", "count", "0")).summary());
        CheckOutcome o = check.parse(cut, options("process", "nginx"));
        assertEquals(Status.UNKNOWN, o.status());
        assertTrue(o.longOutput().contains("the process table was cut at the output cap"), o.longOutput());
    }

    @Test
    void aFailedPsIsUnknownWithItsOutput() {
        RawOutput failed = new RawOutput(raw(DEBIAN).text(), 1, false);
        CheckOutcome o = check.parse(failed, options("process", "sleep"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("PROCESS UNKNOWN - ps failed (exit 1)", o.summary());
        RawOutput old = raw("process/old-busybox-no-o.txt");
        o = check.parse(new RawOutput(old.text(), 1, false), options("process", "sleep"));
        assertEquals("PROCESS UNKNOWN - could not read the output of ps", o.summary());
        assertEquals(old.text(), o.longOutput());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"process/empty.txt", "process/garbage.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, options("process", "sshd"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("PROCESS UNKNOWN - could not read the output of ps", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void validateReportsEveryBadOption() {
        assertEquals(List.of(
                new ConfigProblem("process", "expected a command name like \"sshd\", got nothing"),
                new ConfigProblem("args", "expected a regular expression like \"-D( |$)\", got \"[a\": Unclosed character class"),
                new ConfigProblem("user", "expected a user name or uid like \"www-data\" or \"33\", got \"www data\""),
                new ConfigProblem("warn", "expected a range like \"4\", \"10:20\", got \"90%\""),
                new ConfigProblem("crit", "expected a range like \"4\", \"10:20\", got \"lots\""),
                new ConfigProblem("count", "range \"5:1\" starts above its end"),
                new ConfigProblem("count", "count is another name for crit; give only one of them")),
                check.validate(options("process", " ", "args", "[a", "user", "www data", "warn", "90%", "crit", "lots",
                        "count", "5:1")));
        CheckOutcome o = check.parse(raw(DEBIAN), options("count", "x"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("PROCESS UNKNOWN - bad options: count: expected a range like \"4\", \"10:20\", got \"x\"", o.summary());
    }

    @Test
    void commandsListEveryProcessWhateverTheOptions() {
        assertEquals(Optional.of("echo $$; LC_ALL=C.UTF-8 ps -e -ww -o pid,ppid,uid,user,stat,comm"
                + " && LC_ALL=C.UTF-8 ps -e -ww -o pid,args"), check.command(Platform.LINUX, options("process", "x")));
        assertEquals(Optional.of("echo $$; ps -o pid,ppid,user,stat,comm && ps -o pid,args"),
                check.command(Platform.BUSYBOX, Settings.empty()));
        for (Platform p : List.of(Platform.FREEBSD, Platform.OPENBSD, Platform.MACOS)) {
            assertEquals(Optional.of("echo $$; ps -ax -ww -o pid,ppid,uid,user,state,ucomm && ps -ax -ww -o pid,args"),
                    check.command(p, options("user", "root")), p.key());
        }
        assertEquals(Set.of("process", "args", "user", "count", "warn", "crit"), check.optionNames());
        assertEquals("process", check.name());
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("1\nPID PPID UID USER STAT COMMAND\n1 0 0 root Z\n", "7\nPID PPID USER STAT COMMAND\n7 7 r S sh\n",
                "1\nPID PPID UID USER STAT COMMAND\n2 1 0 root S \uFFFD\uFFFD\nPID COMMAND\n2\n", "\n\n\n")) {
            for (Settings o : List.of(Settings.empty(), options("process", "\uFFFD"), options("user", "+"), options("args", "."))) {
                CheckOutcome out = check.parse(new RawOutput(s, 0, false), o);
                assertTrue(out.summary().startsWith("PROCESS "), out.summary());
            }
        }
    }
}
