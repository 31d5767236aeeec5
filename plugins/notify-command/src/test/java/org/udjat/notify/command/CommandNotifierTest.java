package org.udjat.notify.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.NotifierContract.alice;
import static org.udjat.testkit.NotifierContract.hostileNotice;
import static org.udjat.testkit.NotifierContract.samplePage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.udjat.api.Contact;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.NoticeJson;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.api.Text;

/** The command notifier running real /bin/sh scripts written into a temporary folder. */
class CommandNotifierTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String SECRET = "NOTIFY_COMMAND_TEST_SECRET";
    private final CommandNotifier notifier = new CommandNotifier();

    @TempDir
    Path dir;

    private static Settings command(Path program, Object... more) {
        Map<String, Object> options = new HashMap<>();
        options.put("command", List.of(program.toString()));
        for (int i = 0; i < more.length; i += 2) {
            options.put((String) more[i], more[i + 1]);
        }
        return Settings.of(options);
    }

    private String q(String name) {
        return Shell.quote(dir.resolve(name).toString());
    }

    /** A script that keeps its environment, exactly as it was handed over, in environ. */
    private Path dumpEnvironment() throws Exception {
        return Scripts.write(dir, "dump", "cat /proc/$$/environ > " + q("environ") + "\n");
    }

    @Test
    void theEnvironmentHoldsTheNoticeAndNothingOfUdjatsOwn() throws Exception {
        assertEquals("s3cret-from-the-poller", System.getenv(SECRET), "surefire sets it in udjat's environment");
        Notice page = samplePage(alice());
        Delivery d = notifier.send(page, command(dumpEnvironment(), "env", Map.of("PAGER_QUEUE", "ops")), TIMEOUT);
        assertTrue(d.delivered(), d.reason());

        Map<String, String> env = Scripts.environ(dir.resolve("environ"));
        Set<String> expected = new TreeSet<>(Set.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "PAGER_QUEUE",
                "UDJAT_ID", "UDJAT_TIME", "UDJAT_KIND", "UDJAT_URGENCY", "UDJAT_SEVERITY", "UDJAT_SUBJECT", "UDJAT_TEXT",
                "UDJAT_REPORT_URL", "UDJAT_ITEM_COUNT", "UDJAT_FOLDED", "UDJAT_RECIPIENT", "UDJAT_RECIPIENT_EMAIL",
                "UDJAT_RECIPIENT_PHONE",
                "NAGIOS_NOTIFICATIONTYPE", "NAGIOS_HOSTNAME", "NAGIOS_HOSTSTATE", "NAGIOS_LASTHOSTSTATE",
                "NAGIOS_HOSTOUTPUT", "NAGIOS_SERVICEDESC", "NAGIOS_SERVICESTATE", "NAGIOS_LASTSERVICESTATE",
                "NAGIOS_SERVICEOUTPUT", "NAGIOS_CONTACTNAME", "NAGIOS_CONTACTEMAIL", "NAGIOS_CONTACTPAGER", "NAGIOS_TIMET"));
        assertEquals(expected, new TreeSet<>(env.keySet()));

        assertEquals(NoticeEnvironment.PATH, env.get("PATH"));
        assertEquals("C.UTF-8", env.get("LC_ALL"));
        assertEquals("ops", env.get("PAGER_QUEUE"));
        assertEquals("contract-page-1", env.get("UDJAT_ID"));
        assertEquals("2026-12-01T03:04:05Z", env.get("UDJAT_TIME"));
        assertEquals("PAGE", env.get("UDJAT_KIND"));
        assertEquals("PAGE", env.get("UDJAT_URGENCY"));
        assertEquals("DOWN", env.get("UDJAT_SEVERITY"));
        assertEquals("gw1 DOWN; 37 checks on 12 hosts behind it suppressed", env.get("UDJAT_SUBJECT"));
        assertEquals(page.text(), env.get("UDJAT_TEXT"));
        assertEquals("https://mon.example.org/", env.get("UDJAT_REPORT_URL"));
        assertEquals("2", env.get("UDJAT_ITEM_COUNT"));
        assertEquals("alice", env.get("UDJAT_RECIPIENT"));
        assertEquals("alice@example.org", env.get("UDJAT_RECIPIENT_EMAIL"));
        assertEquals("+15550100", env.get("UDJAT_RECIPIENT_PHONE"));
        assertEquals("PROBLEM", env.get("NAGIOS_NOTIFICATIONTYPE"));
        assertEquals("gw1", env.get("NAGIOS_HOSTNAME"));
        assertEquals("DOWN", env.get("NAGIOS_HOSTSTATE"));
        assertEquals("UP", env.get("NAGIOS_LASTHOSTSTATE"));
        assertEquals("connection refused", env.get("NAGIOS_HOSTOUTPUT"));
        assertEquals("", env.get("NAGIOS_SERVICEDESC"));
        assertEquals("alice@example.org", env.get("NAGIOS_CONTACTEMAIL"));
        assertEquals("+15550100", env.get("NAGIOS_CONTACTPAGER"));
        assertEquals(String.valueOf(Instant.parse("2026-12-01T03:04:05Z").getEpochSecond()), env.get("NAGIOS_TIMET"));
    }

    @Test
    void passEnvHandsOnOnlyTheNamedVariablesOfUdjatsEnvironment() throws Exception {
        Delivery d = notifier.send(samplePage(alice()), command(dumpEnvironment(), "pass_env", List.of(SECRET)), TIMEOUT);
        assertTrue(d.delivered(), d.reason());
        assertEquals("s3cret-from-the-poller", Scripts.environ(dir.resolve("environ")).get(SECRET));
    }

    @Test
    void aPassEnvVariableThatIsNotSetIsRejected() throws Exception {
        Delivery d = notifier.send(samplePage(alice()),
                command(dumpEnvironment(), "pass_env", List.of("NOTIFY_COMMAND_TEST_UNSET")), TIMEOUT);
        assertEquals(Delivery.rejected("pass_env: NOTIFY_COMMAND_TEST_UNSET is not set in udjat's environment"), d);
        assertFalse(Files.exists(dir.resolve("environ")), "not run");
    }

    @Test
    void aMessageForARoomHasEmptyRecipientVariables() throws Exception {
        Delivery d = notifier.send(samplePage(null), command(dumpEnvironment(), "per_recipient", false), TIMEOUT);
        assertTrue(d.delivered(), d.reason());
        Map<String, String> env = Scripts.environ(dir.resolve("environ"));
        for (String name : List.of("UDJAT_RECIPIENT", "UDJAT_RECIPIENT_EMAIL", "UDJAT_RECIPIENT_PHONE",
                "NAGIOS_CONTACTNAME", "NAGIOS_CONTACTEMAIL", "NAGIOS_CONTACTPAGER")) {
            assertEquals("", env.get(name), name);
        }
    }

    @Test
    void stdinHoldsTheNoticeAsJsonThatReadsBackToTheSameNotice() throws Exception {
        Path keep = Scripts.write(dir, "keep", "cat > " + q("stdin.json") + "\n");
        for (Notice notice : List.of(samplePage(alice()), hostileNotice(alice()), samplePage(null))) {
            Delivery d = notifier.send(notice, command(keep), TIMEOUT);
            assertTrue(d.delivered(), d.reason());
            assertEquals(notice, NoticeJson.read(Files.readString(dir.resolve("stdin.json"))));
        }
    }

    @ParameterizedTest(name = "exit {0}: delivered {1}, retry {2}")
    @CsvSource({
            "0,   true,  false",
            "1,   false, true",
            "2,   false, true",
            "64,  false, false",
            "65,  false, false",
            "66,  false, true",
            "67,  false, false",
            "68,  false, false",
            "69,  false, true",
            "70,  false, true",
            "75,  false, true",
            "77,  false, false",
            "78,  false, false",
            "126, false, false",
            "127, false, false",
            "137, false, true",
    })
    void theExitStatusSaysWhetherToRetry(int code, boolean delivered, boolean retry) throws Exception {
        Path script = Scripts.write(dir, "exit", "echo 'said on stdout'\necho 'said on stderr' >&2\nexit \"$CODE\"\n");
        Delivery d = notifier.send(samplePage(alice()), command(script, "env", Map.of("CODE", code)), TIMEOUT);
        assertEquals(delivered, d.delivered(), d.reason());
        assertEquals(retry, d.retry(), d.reason());
        if (!delivered) {
            assertTrue(d.reason().startsWith(script + " exited " + code), d.reason());
            assertTrue(d.reason().endsWith(": said on stdout | said on stderr"), d.reason());
        }
    }

    @Test
    void sysexitsCodesAreNamedInTheReason() throws Exception {
        Path script = Scripts.write(dir, "tempfail", "echo 'gateway busy' >&2\nexit 75\n");
        assertEquals(Delivery.retryLater(script + " exited 75 (EX_TEMPFAIL): gateway busy"),
                notifier.send(samplePage(alice()), command(script), TIMEOUT));
    }

    @Test
    void aProgramKilledByASignalIsRetried() throws Exception {
        Path script = Scripts.write(dir, "killed", "kill -KILL $$\n");
        Delivery d = notifier.send(samplePage(alice()), command(script), TIMEOUT);
        assertEquals(Delivery.retryLater(script + " exited 137: (no output)"), d);
    }

    @Test
    void aProgramThatIgnoresStdinIsJudgedByItsExitStatusAlone() throws Exception {
        // far more JSON than a pipe holds, to a program that never reads it
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(i + " " + "z".repeat(10_000));
        }
        Notice big = new Notice("big-1", Instant.EPOCH, Notice.Kind.PROBLEM, Notice.Urgency.LOW, "WARNING",
                "many lines", lines, List.of(), alice(), null, 0);
        Path ok = Scripts.write(dir, "ignore-ok", "exit 0\n");
        Path busy = Scripts.write(dir, "ignore-busy", "exit 75\n");
        Path slow = Scripts.write(dir, "ignore-slow", "exec 0<&-\nsleep 0.2\nexit 0\n");
        assertEquals(Delivery.ok(), notifier.send(big, command(ok), TIMEOUT));
        assertEquals(Delivery.retryLater(busy + " exited 75 (EX_TEMPFAIL): (no output)"), notifier.send(big, command(busy), TIMEOUT));
        assertEquals(Delivery.ok(), notifier.send(big, command(slow), TIMEOUT));
    }

    @Test
    void aChattyProgramNeitherBlocksNorFloodsTheReason() throws Exception {
        // about 12 MB of output, far beyond a pipe's buffer and the cap
        Path chatty = Scripts.write(dir, "chatty", "yes 'chatty line' | head -n 1000000\nexit \"$CODE\"\n");
        long start = System.nanoTime();
        assertEquals(Delivery.ok(), notifier.send(samplePage(alice()), command(chatty, "env", Map.of("CODE", 0)), TIMEOUT));

        Delivery failed = notifier.send(samplePage(alice()), command(chatty, "env", Map.of("CODE", 1)), TIMEOUT);
        assertTrue(failed.retry(), failed.reason());
        assertTrue(failed.reason().startsWith(chatty + " exited 1: chatty line | chatty line | "), failed.reason());
        assertTrue(failed.reason().endsWith(" [output cut at 4096 bytes]"), failed.reason());
        assertTrue(failed.reason().length() < 4096 + 200, "reason is " + failed.reason().length() + " long");

        Delivery small = notifier.send(samplePage(alice()), command(chatty, "env", Map.of("CODE", 1), "output_cap", "100B"), TIMEOUT);
        assertTrue(small.reason().endsWith(" [output cut at 100 bytes]"), small.reason());
        assertTrue(small.reason().length() < 100 + 200, small.reason());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(TIMEOUT.multipliedBy(3)) < 0);
    }

    @Test
    void aHangingProgramIsKilledWithTheProcessesItStarted() throws Exception {
        Path pid = dir.resolve("child.pid");
        Path hang = Scripts.write(dir, "hang", "sleep 600 &\necho $! > " + q("child.pid") + "\necho started\nsleep 600\n");
        long start = System.nanoTime();
        Delivery d = notifier.send(samplePage(alice()), command(hang), Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(Delivery.retryLater("timed out after 1s: " + hang + " killed with the 2 processes it started; output: started"), d);
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "returned after " + took);
        long child = Long.parseLong(Files.readString(pid).strip());
        assertTrue(Scripts.await(() -> Scripts.gone(child), Duration.ofSeconds(5)), "background child " + child + " still runs");
    }

    @Test
    void aBackgroundProcessLeftHoldingTheOutputDoesNotHoldUpTheResult() throws Exception {
        Path script = Scripts.write(dir, "leave", "sleep 30 &\necho $! > " + q("bg.pid") + "\necho queued\nexit 0\n");
        long start = System.nanoTime();
        Delivery d = notifier.send(samplePage(alice()), command(script), TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve("bg.pid")).strip())).ifPresent(ProcessHandle::destroyForcibly);
        assertEquals(Delivery.ok(), d);
        assertTrue(took.compareTo(TIMEOUT) < 0, "returned after " + took);
    }

    @Test
    void aProgramThatCannotRunIsRejectedWithAClearReason() throws Exception {
        Path missing = dir.resolve("no-such-program");
        assertEquals(Delivery.rejected("program " + missing + " does not exist"),
                notifier.send(samplePage(alice()), command(missing), TIMEOUT));

        Path plain = Files.writeString(dir.resolve("not-executable"), "#!/bin/sh\nexit 0\n");
        assertEquals(Delivery.rejected("program " + plain + " is not executable by udjat's user"),
                notifier.send(samplePage(alice()), command(plain), TIMEOUT));

        assertEquals(Delivery.rejected("program " + dir + " is not a regular file"),
                notifier.send(samplePage(alice()), command(dir), TIMEOUT));

        Path badInterpreter = Scripts.write(dir, "bad-interpreter", "exit 0\n");
        Files.writeString(badInterpreter, "#!/no/such/interpreter\nexit 0\n");
        Delivery d = notifier.send(samplePage(alice()), command(badInterpreter), TIMEOUT);
        assertFalse(d.delivered());
        assertFalse(d.retry(), d.reason());
        assertTrue(d.reason().startsWith("could not run " + badInterpreter), d.reason());
    }

    @Test
    void aProgramNameIsLookedUpOnTheProgramsPath() {
        Settings onPath = Settings.of(Map.of("command", List.of("true")));
        assertEquals(Delivery.ok(), notifier.send(samplePage(alice()), onPath, TIMEOUT));

        Settings unknown = Settings.of(Map.of("command", List.of("udjat-no-such-program")));
        assertEquals(Delivery.rejected("program udjat-no-such-program not found on PATH " + NoticeEnvironment.PATH),
                notifier.send(samplePage(alice()), unknown, TIMEOUT));
    }

    @Test
    void theProgramRunsInItsWorkingDirectory() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        Path pwd = Scripts.write(dir, "pwd", "pwd > " + q("pwd.txt") + "\n");
        assertEquals(Delivery.ok(), notifier.send(samplePage(alice()), command(pwd, "working_dir", work.toString()), TIMEOUT));
        assertEquals(work.toRealPath().toString(), Files.readString(dir.resolve("pwd.txt")).strip());
        assertEquals(Delivery.ok(), notifier.send(samplePage(alice()), command(pwd), TIMEOUT));
        assertEquals("/", Files.readString(dir.resolve("pwd.txt")).strip());

        Path gone = dir.resolve("gone");
        assertEquals(Delivery.rejected("working_dir " + gone + " is not a directory"),
                notifier.send(samplePage(alice()), command(pwd, "working_dir", gone.toString()), TIMEOUT));
    }

    @Test
    void badOptionsThatWereNotValidatedAreRejectedNotThrown() {
        assertEquals(Delivery.rejected("bad options: command: expected a list like [/usr/local/bin/page-me, --urgent],"
                        + " got \"true\"; the program runs without a shell: for one, write [/bin/sh, -c, \"...\"]"),
                notifier.send(samplePage(alice()), Settings.of(Map.of("command", "true")), TIMEOUT));
    }

    @Test
    void hostileTextReachesTheProgramAsDataAndNeverAsCode() throws Exception {
        Path pwned = dir.resolve("pwned");
        String attack = "$(touch " + pwned + ") `touch " + pwned + "` ; touch " + pwned + " \u0000nul \u001b]0;title\u0007";
        Contact mallory = new Contact("m\u0000allory$(id)", "x@example.org\r\nBcc: all@example.org", "+1;reboot", null);
        Notice hostile = new Notice("hostile-2", Instant.EPOCH, Notice.Kind.PROBLEM, Notice.Urgency.LOW, attack,
                "web1 " + attack, List.of("line " + attack, "x".repeat(20_000)),
                List.of(new Notice.Item("web1" + attack, "http" + attack, "OK", "CRITICAL", "PROBLEM", attack, null, 0, null, null)),
                mallory, null, 0);
        // a script that uses the values the way notification scripts do, quoted and unquoted
        Path script = Scripts.write(dir, "careless", String.join("\n",
                "printf '%s' \"$UDJAT_SUBJECT\" > " + q("subject"),
                "printf '%s' \"$UDJAT_TEXT\" > " + q("text"),
                "echo $UDJAT_SUBJECT $NAGIOS_SERVICEOUTPUT $UDJAT_RECIPIENT > /dev/null",
                "eval \"echo \\\"\\$NAGIOS_HOSTNAME\\\"\" > /dev/null",
                "cat > " + q("stdin.json"),
                "[ \"$UDJAT_SUBJECT\" = " + Shell.quote(Text.printable(hostile.subject())) + " ] || exit 65",
                ""));

        Delivery d = notifier.send(hostile, command(script), TIMEOUT);
        assertTrue(d.delivered(), d.reason());
        assertFalse(Files.exists(pwned), "text of the notice was run as a command");
        assertEquals(Text.printable(hostile.subject()), Files.readString(dir.resolve("subject"), StandardCharsets.UTF_8));
        String text = Files.readString(dir.resolve("text"), StandardCharsets.UTF_8);
        assertTrue(text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n'), text);
        assertTrue(text.length() <= NoticeEnvironment.MAX_TEXT && text.endsWith("…"), "cut: " + text.length());
        assertEquals(hostile, NoticeJson.read(Files.readString(dir.resolve("stdin.json"))), "stdin is the notice, unchanged");
    }
}
