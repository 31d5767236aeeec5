package org.udjat.remedy.kill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator.Outcome;
import org.udjat.api.Settings;
import org.udjat.testkit.ShellRunner;

/**
 * Runs the kill commands for real, LINUX ones under /bin/sh and BUSYBOX ones under BusyBox sh
 * with only its {@code ps} and {@code awk} applets (and {@code sh}, for the nested shell), against {@code sleep} processes the test
 * starts under names no other process has (a copy of sleep named after a random marker). Every
 * pattern holds that marker, so nothing but the test's own processes can ever match.
 */
class KillProcessLiveTest {
    private final KillProcessRemediator kill = new KillProcessRemediator();
    private final List<Process> started = new ArrayList<>();
    @TempDir
    Path dir;
    private Path applets;
    private String marker;

    @BeforeEach
    void setUp() throws IOException {
        applets = Files.createDirectories(dir.resolve("applets"));
        for (String applet : new String[] {"ps", "awk", "sh"}) {
            Files.createSymbolicLink(applets.resolve(applet), Path.of("/usr/bin/busybox"));
        }
        marker = "udjat-kill-live-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopStartedProcesses() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    /** A sleep whose command line is {@code DIR/MARKER-NAME 300}. */
    private Process sleeper(String name) throws IOException {
        Path exe = dir.resolve(marker + "-" + name);
        if (!Files.exists(exe)) {
            Files.copy(Path.of("/bin/sleep"), exe);
            exe.toFile().setExecutable(true);
        }
        Process p = new ProcessBuilder(exe.toString(), "300").redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    /** The command inside a subshell and a nested sh -c, as a remote script may run it: more shells whose text holds the pattern. */
    private RawOutput run(Platform platform, String command) {
        String nested = "( sh -c " + org.udjat.api.Shell.quote(command + "; : end") + "; echo \"shell survived $?\" )";
        return platform == Platform.LINUX ? ShellRunner.sh(nested) : ShellRunner.busybox(nested, applets);
    }

    private static void assertKilledBy(Process p, int signal) throws InterruptedException {
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "pid " + p.pid() + " still runs");
        assertEquals(128 + signal, p.exitValue(), "pid " + p.pid());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void byMatchEveryMatchingProcessIsKilledAndNothingElse(Platform platform) throws Exception {
        Process a = sleeper("worker");
        Process b = sleeper("worker");
        Process other = sleeper("other");
        Settings options = options("match", marker + "-w[o]rker");
        RawOutput out = run(platform, kill.command(platform, "orders-worker", options).orElseThrow());
        assertKilledBy(a, 15);
        assertKilledBy(b, 15);
        assertTrue(other.isAlive());
        assertTrue(out.text().contains("shell survived 0"), out.text());
        Outcome o = kill.judge(out, "orders-worker", options);
        assertTrue(o.done(), o.summary());
        String pids = a.pid() < b.pid() ? a.pid() + " " + b.pid() : b.pid() + " " + a.pid();
        String shown = o.summary().replace("pids " + b.pid() + " " + a.pid(), "pids " + pids);
        assertEquals("killed 2 processes matching '" + marker + "-w[o]rker' with TERM (pids " + pids + ")", shown);
    }

    /**
     * The pattern is written in the script itself, so the script's shells match it, and here it
     * also matches this test's JVM (by its surefire booter's unique name) and its parent: none of
     * them may be killed. Were they, this JVM would die and the build would fail.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void neverTheScriptsOwnShellsNorTheProcessesAboveIt(Platform platform) throws Exception {
        String jvm = ProcessHandle.current().info().commandLine().orElseThrow();
        Matcher booter = Pattern.compile("surefirebooter-?[0-9_]+").matcher(jvm);
        assertTrue(booter.find(), jvm);
        Process target = sleeper("target");
        Settings options = options("match", marker + "-target|" + marker + "-nothing-else|" + booter.group(), "signal", "KILL");
        RawOutput out = run(platform, kill.command(platform, "orders-worker", options).orElseThrow());
        assertKilledBy(target, 9);
        assertTrue(out.text().contains("shell survived 0"), out.text());
        assertEquals(new Outcome(true, "killed 1 process matching '" + options.string("match").orElseThrow()
                + "' with KILL (pid " + target.pid() + ")"), kill.judge(out, "orders-worker", options));
        assertTrue(ProcessHandle.current().parent().map(ProcessHandle::isAlive).orElse(true));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void whenNothingButTheScriptMatchesNothingIsKilledAndTheSummarySaysSo(Platform platform) throws Exception {
        Settings options = options("match", marker);
        RawOutput out = run(platform, ": " + marker + "; " + kill.command(platform, "orders-worker", options).orElseThrow());
        assertTrue(out.text().contains("shell survived 0"), out.text());
        Outcome o = kill.judge(out, "orders-worker", options);
        assertFalse(o.done(), o.summary());
        assertTrue(o.summary().matches("no process matching '" + marker + "' among [1-9][0-9]*; nothing was killed"), o.summary());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void byPidFileThatProcessIsKilledWithTheGivenSignal(Platform platform) throws Exception {
        Process target = sleeper("pidfile");
        Process other = sleeper("pidfile");
        Path pidFile = dir.resolve("orders.pid");
        Files.writeString(pidFile, target.pid() + "\n");
        Settings options = options("pid_file", pidFile.toString(), "signal", "HUP");
        RawOutput out = run(platform, kill.command(platform, "orders", options).orElseThrow());
        assertKilledBy(target, 1);
        assertTrue(other.isAlive());
        assertEquals(new Outcome(true, "killed process " + target.pid() + " from " + pidFile + " with HUP"),
                kill.judge(out, "orders", options));

        // the same pid file again: its process is gone
        Outcome stale = kill.judge(run(platform, kill.command(platform, "orders", options).orElseThrow()), "orders", options);
        assertFalse(stale.done());
        assertTrue(stale.summary().startsWith("could not kill process from " + pidFile + " with HUP: " + target.pid() + ": "),
                stale.summary());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void aMissingOrBadPidFileKillsNothing(Platform platform) throws Exception {
        Process bystander = sleeper("bystander");
        Path pidFile = dir.resolve("bad.pid");
        Settings options = options("pid_file", pidFile.toString());
        assertEquals(new Outcome(false, "no pid file " + pidFile + "; nothing was killed"),
                kill.judge(run(platform, kill.command(platform, "x", options).orElseThrow()), "x", options));
        for (String content : new String[] {"1", "0", "-" + bystander.pid(), bystander.pid() + "; reboot", "", "007"}) {
            Files.writeString(pidFile, content + "\n");
            Outcome o = kill.judge(run(platform, kill.command(platform, "x", options).orElseThrow()), "x", options);
            assertFalse(o.done(), content + ": " + o.summary());
            assertTrue(o.summary().startsWith("the pid file " + pidFile + " holds \""), o.summary());
        }
        assertTrue(bystander.isAlive());
    }
}
