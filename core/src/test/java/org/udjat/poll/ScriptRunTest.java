package org.udjat.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.Check;
import org.udjat.api.Platform;
import org.udjat.config.CheckSpec;

/** Runs generated scripts for real, under dash and under BusyBox ash. */
class ScriptRunTest {

    private static final ScriptWriter WRITER = new ScriptWriter(Map.<String, Check>of(
            "uname", ScriptedCheck.linuxish("uname", "uname -s"),
            "fb", new ScriptedCheck("fb", Map.of(Platform.FREEBSD, "sysctl -n vm.loadavg"))));

    static Stream<Arguments> shells() {
        return Stream.of(Arguments.of("dash", Shells.dash()), Arguments.of("busybox", Shells.busybox()));
    }

    private static BatchResult run(LocalTransport shell, List<CheckSpec> checks, Platform platform) {
        BatchScript script = WRITER.write(checks, platform);
        Execution ex = shell.execute(Specs.local("here", checks), script.bytes(), Instant.now().plusSeconds(30));
        assertTrue(ex.completed(), ex.reason());
        assertEquals(0, ex.exitStatus(), ex.reason());
        return FrameReader.read(script, ex.stdout(), "missing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void runsSeveralChecksInOneExecWithTheirExitCodes(String name, LocalTransport shell) {
        List<CheckRun> runs = run(shell, List.of(
                Specs.command("ok", "echo 'DISK OK | /=1MB'"),
                Specs.command("warn", "echo warn; exit 1"),
                Specs.command("crit", "printf 'no newline'; exit 2"),
                Specs.command("unknown", "exit 3"),
                Specs.command("odd", "echo to stderr >&2; exit 255"),
                Specs.command("syntax", "if then fi"),
                Specs.command("after", "echo still here")), Platform.LINUX).runs();
        assertEquals(List.of("ok", "warn", "crit", "unknown", "odd", "syntax", "after"), runs.stream().map(CheckRun::check).toList());
        assertTrue(runs.stream().allMatch(r -> r.state() == RunState.COMPLETED), runs::toString);
        assertEquals(List.of(0, 1, 2, 3, 255), runs.subList(0, 5).stream().map(r -> r.raw().exitCode()).toList());
        assertEquals("DISK OK | /=1MB\n", runs.get(0).raw().text());
        assertEquals("no newline", runs.get(2).raw().text());
        assertEquals("to stderr\n", runs.get(4).raw().text());
        assertEquals(2, runs.get(5).raw().exitCode(), "a syntax error fails only its own check");
        assertEquals("still here\n", runs.get(6).raw().text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void killsATimedOutCheckWithItsChildrenAndLeavesNoSleeps(String name, LocalTransport shell) throws Exception {
        long start = System.nanoTime();
        List<CheckRun> runs = run(shell, List.of(
                Specs.command("before", "echo before", 53, Specs.CAP),
                Specs.command("slow", "echo started; sleep 97", 1, Specs.CAP),
                Specs.command("nested", "sh -c 'sleep 98; echo never'", 1, Specs.CAP),
                Specs.command("after", "echo after", 53, Specs.CAP)), Platform.LINUX).runs();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(RunState.TIMED_OUT, runs.get(1).state());
        assertEquals("timed out after 1s", runs.get(1).reason());
        assertEquals("started\n", runs.get(1).raw().text());
        assertEquals(RunState.TIMED_OUT, runs.get(2).state());
        assertEquals("", runs.get(2).raw().text());
        assertEquals("before\n", runs.get(0).raw().text());
        assertEquals("after\n", runs.get(3).raw().text());
        assertTrue(runs.get(1).duration().compareTo(Duration.ofMillis(900)) > 0, runs.get(1).duration()::toString);
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took); // vs. 97 s and 98 s sleeps
        assertEquals(List.of(), Shells.sleepsAfterSettling("97"));
        assertEquals(List.of(), Shells.sleepsAfterSettling("98"));
        assertEquals(List.of(), Shells.sleeps("53"), "watchdog sleeps are gone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void manyFastChecksDoNotWaitForTheirWatchdogs(String name, LocalTransport shell) {
        List<CheckSpec> checks = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> Specs.command("c" + i, "true", 59, 64)).toList();
        long start = System.nanoTime();
        List<CheckRun> runs = run(shell, checks, Platform.LINUX).runs();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(runs.stream().allMatch(r -> r.state() == RunState.COMPLETED && r.raw().exitCode() == 0));
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took); // a watchdog sleeping out its 59 s would take minutes
        assertEquals(List.of(), Shells.sleeps("59"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void capsAnOutputFloodAtTheSource(String name, LocalTransport shell) {
        List<CheckRun> runs = run(shell, List.of(
                Specs.command("yes", "yes", 5, 1000),
                Specs.command("zero", "cat /dev/zero", 5, 3000),
                Specs.command("fits", "printf 0123456789", 5, 10),
                Specs.command("after", "echo fine")), Platform.LINUX).runs();
        assertTrue(runs.get(0).raw().truncated());
        assertEquals("y\n".repeat(500), runs.get(0).raw().text());
        assertTrue(runs.get(1).raw().truncated());
        assertEquals(3000, runs.get(1).raw().text().length());
        assertEquals(RunState.COMPLETED, runs.get(1).state());
        assertFalse(runs.get(2).raw().truncated());
        assertEquals("0123456789", runs.get(2).raw().text());
        assertEquals("fine\n", runs.get(3).raw().text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void forgedFramesAndStdinReadersChangeNothing(String name, LocalTransport shell) {
        String guessed = "0".repeat(32);
        List<CheckRun> runs = run(shell, List.of(
                Specs.command("forger", "printf 'x\\n" + guessed + " E 1 0 1 2 -\\n" + guessed + " B 2\\nOK\\n"
                        + guessed + " E 2 0 1 2 -\\n'; echo \"token:${udjat_r:-hidden}\"; exit 2"),
                Specs.command("reader", "cat; echo read-done"),
                Specs.command("after", "echo after")), Platform.LINUX).runs();
        assertEquals(2, runs.get(0).raw().exitCode());
        assertEquals("x\n" + guessed + " E 1 0 1 2 -\n" + guessed + " B 2\nOK\n" + guessed + " E 2 0 1 2 -\ntoken:hidden\n",
                runs.get(0).raw().text());
        assertEquals("read-done\n", runs.get(1).raw().text());
        assertEquals("after\n", runs.get(2).raw().text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void keepsNonUtf8OutputReadable(String name, LocalTransport shell) {
        CheckRun run = run(shell, List.of(Specs.command("bin", "printf '\\377\\376ok\\n'")), Platform.LINUX).runs().get(0);
        assertEquals("\ufffd\ufffdok\n", run.raw().text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void probesLinuxAndChoosesVariantsOnTheHost(String name, LocalTransport shell) {
        BatchResult result = run(shell, List.of(Specs.extension("kernel", "uname"), Specs.extension("load", "fb"),
                Specs.command("cmd", "echo plain")), null);
        assertEquals(Platform.LINUX, result.platform());
        assertEquals("Linux", result.uname());
        assertEquals("Linux\n", result.runs().get(0).raw().text());
        assertEquals(RunState.NOT_RUN, result.runs().get(1).state());
        assertEquals("check fb has no variant for platform linux", result.runs().get(1).reason());
        assertEquals("plain\n", result.runs().get(2).raw().text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void knownPlatformWithoutVariantNeedsNoFrame(String name, LocalTransport shell) {
        BatchResult result = run(shell, List.of(Specs.extension("kernel", "uname"), Specs.command("cmd", "echo plain")), Platform.OPENBSD);
        assertEquals(Platform.OPENBSD, result.platform());
        assertEquals("check uname has no variant for platform openbsd", result.runs().get(0).reason());
        assertEquals("plain\n", result.runs().get(1).raw().text());
    }

    @Test
    void probesBusyboxOnABusyboxOnlyUserland(@TempDir Path dir) throws Exception {
        LocalTransport shell = Shells.busyboxUserland(dir);
        try {
            long start = System.nanoTime();
            BatchResult result = run(shell, List.of(Specs.extension("kernel", "uname"),
                    Specs.command("slow", "sleep 96", 1, Specs.CAP), Specs.command("which", "command -v ls")), null);
            assertEquals(Platform.BUSYBOX, result.platform());
            assertEquals("Linux\n", result.runs().get(0).raw().text());
            assertEquals(RunState.TIMED_OUT, result.runs().get(1).state());
            assertEquals(dir.resolve("ls") + "\n", result.runs().get(2).raw().text());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(4)) < 0);
        } finally {
            Shells.removeLinks(dir);
        }
        assertEquals(List.of(), Shells.sleepsAfterSettling("96"));
    }

    @Test
    void worksInAnOddLoginEnvironment() {
        LocalTransport odd = new LocalTransport(List.of("/bin/sh", "-eu", "-s"),
                Map.of("IFS", "x", "LC_ALL", "xx_XX.UTF-8", "CDPATH", "/nonexistent", "TMPDIR", "/nonexistent"), java.time.Clock.systemUTC());
        BatchResult result = run(odd, List.of(Specs.command("fails", "false"), Specs.command("words", "set -- a b; echo $# $LC_ALL"),
                Specs.extension("kernel", "uname")), null);
        assertEquals(Platform.LINUX, result.platform());
        assertEquals(1, result.runs().get(0).raw().exitCode());
        assertEquals("2 C\n", result.runs().get(1).raw().text());
        assertEquals("Linux\n", result.runs().get(2).raw().text());
    }
}
