package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.ShellRunner;

/**
 * Runs the process and zombie commands for real, with /bin/sh and with BusyBox sh and only the
 * {@code ps} applet, inside a subshell as the udjat script does, around processes the test starts.
 */
class ProcessCheckLiveTest {
    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    private final List<Process> started = new ArrayList<>();
    /** Zombies made by a test; once their parent is gone, init reaps them within seconds. */
    private final List<Long> orphans = new ArrayList<>();
    private final ProcessCheck process = new ProcessCheck();
    private final ZombieCheck zombies = new ZombieCheck();
    @TempDir
    Path bin;

    @AfterEach
    void stopStartedProcesses() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor();
        }
        // so the next test's zombie count is not swollen by this one's
        for (int attempt = 0; attempt < 100 && orphans.stream().anyMatch(pid -> Files.exists(Path.of("/proc/" + pid))); attempt++) {
            sleep();
        }
    }

    private Process start(String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    /** The command in a subshell of the shell whose pid it prints, as in the generated script. */
    private RawOutput run(Platform platform, String command) throws IOException {
        if (platform == Platform.LINUX) {
            return ShellRunner.sh("( " + command + " )");
        }
        Path ps = bin.resolve("ps");
        if (!Files.exists(ps)) {
            Files.createSymbolicLink(ps, BUSYBOX);
        }
        return ShellRunner.busybox("( " + command + " )", bin);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void countsExactlyTheMarkedProcessesAndNeverTheScriptsOwn(Platform platform) throws IOException {
        String marker = "udjat-live-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            start("/bin/sh", "-c", "sleep 300; :", marker);
        }
        // the script's own shell and subshell carry this in their command line
        String self = "udjat-self-" + UUID.randomUUID();
        // ": end" keeps the shell from replacing itself with the last ps, as BusyBox sh would
        RawOutput out = run(platform, ": " + self + "; " + process.command(platform, Settings.empty()).orElseThrow() + "; : end");
        CheckOutcome o = process.parse(out, options("args", marker, "count", "3:3"));
        assertEquals(Status.OK, o.status(), o.summary() + "\n" + out.text());
        assertEquals(3.0, o.perfData().get(0).value());
        assertEquals(3, o.longOutput().lines().filter(l -> l.contains(marker)).count(), o.longOutput());

        PsListing ps = PsListing.parse(out).orElseThrow();
        assertTrue(ps.processes().stream().anyMatch(p -> p.args() != null && p.args().contains(self)), out.text());
        CheckOutcome own = process.parse(out, options("args", self, "count", "0"));
        assertEquals(Status.OK, own.status(), own.summary() + "\n" + out.text());
        assertEquals(0.0, own.perfData().get(0).value());

        String user = System.getProperty("user.name");
        assertEquals(3.0, process.parse(out, options("args", marker, "user", user)).perfData().get(0).value());
        assertEquals(3.0, process.parse(out, options("args", marker, "process", "sh")).perfData().get(0).value());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void namesCutByTheKernelAndNamesWithSpacesAndUnicodeMatch(Platform platform, @TempDir Path dir) throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String longName = "udjat-live-long-process-name-" + tag;
        Files.copy(Path.of("/bin/sleep"), dir.resolve(longName));
        dir.resolve(longName).toFile().setExecutable(true);
        start(dir.resolve(longName).toString(), "300");
        // made by the shell from octal escapes, so the JVM's file name encoding plays no part
        start("/bin/sh", "-c", "n=$(printf 'caf\\303\\251 \\342\\230\\225 %s' \"$1\"); cp /bin/sleep \"$2/$n\"; exec \"$2/$n\" 300",
                "sh", tag.substring(0, 4), dir.toString());
        String unicodeName = "café ☕ " + tag.substring(0, 4);
        RawOutput out = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            out = run(platform, process.command(platform, Settings.empty()).orElseThrow());
            // the shell copies sleep before it runs it; wait until the copy runs under its name
            if (process.parse(out, options("process", unicodeName, "count", "1:1")).status() == Status.OK) {
                break;
            }
            sleep();
        }
        assertTrue(longName.length() > ProcessFilter.COMM_BYTES);
        for (String name : List.of(longName, unicodeName)) {
            CheckOutcome o = process.parse(out, options("process", name, "count", "1:1"));
            assertEquals(Status.OK, o.status(), o.summary() + "\n" + out.text());
            assertEquals(1.0, o.perfData().get(0).value());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void realZombiesAreCountedAndTheirParentNamed(Platform platform) throws IOException {
        // more zombies under one parent than any other parent on the machine has: zombies of
        // earlier runs may sit under a pid 1 that never reaps them
        long most = PsListing.parse(run(platform, zombies.command(platform, Settings.empty()).orElseThrow())).orElseThrow()
                .others().stream().filter(PsProcess::isZombie)
                .collect(Collectors.groupingBy(PsProcess::ppid, Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
        int n = (int) Math.max(12, most + 1);
        // one literal loop: between commands of a longer loop the shell may reap finished children
        String words = String.join(" ", IntStream.rangeClosed(1, n).mapToObj(Integer::toString).toList());
        Process parent = start("/bin/sh", "-c", "for i in " + words + "; do true & done; exec sleep 300");
        long ppid = parent.pid();
        RawOutput out = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            out = run(platform, zombies.command(platform, Settings.empty()).orElseThrow());
            List<Long> mine = PsListing.parse(out).orElseThrow().others().stream()
                    .filter(p -> p.isZombie() && p.ppid() == ppid).map(PsProcess::pid).toList();
            if (mine.size() == n) {
                orphans.addAll(mine);
                break;
            }
            sleep();
        }
        CheckOutcome o = zombies.parse(out, options("warn", "0", "crit", "100000"));
        assertEquals(Status.WARNING, o.status(), o.summary() + "\n" + out.text());
        assertTrue(o.perfData().get(0).value() >= n, o.summary());
        assertTrue(o.summary().contains(", " + n + " of them children of pid " + ppid + " (sleep)"), o.summary());
        assertTrue(o.longOutput().lines().limit(5).allMatch(l -> l.endsWith("parent pid " + ppid + " (sleep)")), o.longOutput());
        // the table was taken by the script's own ps, which was listed and left out
        PsListing ps = PsListing.parse(out).orElseThrow();
        assertTrue(ps.processes().stream().anyMatch(p -> ps.ownTree().contains(p.pid()) && p.comm().equals("ps")), out.text());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void withoutPsTheCommandFails(Platform platform) throws IOException {
        if (platform == Platform.LINUX) {
            RawOutput out = ShellRunner.sh("PATH=/nonexistent; " + process.command(platform, Settings.empty()).orElseThrow());
            assertEquals(Status.UNKNOWN, process.parse(out, Settings.empty()).status(), out.text());
            return;
        }
        RawOutput out = ShellRunner.busybox(process.command(platform, Settings.empty()).orElseThrow(), bin);
        assertEquals(127, out.exitCode(), out.text());
        assertTrue(out.text().contains("ps: not found"), out.text());
        assertEquals(Status.UNKNOWN, zombies.parse(out, Settings.empty()).status());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
