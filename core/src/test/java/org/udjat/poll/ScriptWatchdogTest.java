package org.udjat.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.Check;
import org.udjat.api.Platform;
import org.udjat.config.CheckSpec;

/** The script's one watchdog and its batched printing of frames, run for real under dash and BusyBox ash. */
class ScriptWatchdogTest {

    private static final ScriptWriter WRITER = new ScriptWriter(Map.<String, Check>of());
    private static final String MARK = "UDJAT_TEST_RUN";

    static Stream<Arguments> shells() {
        Function<Map<String, String>, LocalTransport> dash = Shells::dash;
        Function<Map<String, String>, LocalTransport> busybox = Shells::busybox;
        return Stream.of(Arguments.of("dash", dash), Arguments.of("busybox", busybox));
    }

    private static List<CheckRun> run(LocalTransport shell, List<CheckSpec> checks) {
        BatchScript script = WRITER.write(checks, Platform.LINUX);
        Execution ex = shell.execute(Specs.local("here", checks), script.bytes(), Instant.now().plusSeconds(30));
        assertTrue(ex.completed(), ex.reason());
        return FrameReader.read(script, ex.stdout(), "missing").runs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aCheckAfterAFastOneGetsItsOwnDeadlineAndTheNextOneIsSpared(String name, Function<Map<String, String>, LocalTransport> shell)
            throws Exception {
        List<CheckRun> runs = run(shell.apply(Map.of()), List.of(
                Specs.command("fast", "echo fast", 1, Specs.CAP),
                Specs.command("slow", "echo started; sleep 91", 2, Specs.CAP),
                Specs.command("next", "sleep 1; echo survived", 5, Specs.CAP)));
        assertEquals(RunState.COMPLETED, runs.get(0).state());
        assertEquals("fast\n", runs.get(0).raw().text());
        assertEquals(RunState.TIMED_OUT, runs.get(1).state());
        Duration slow = runs.get(1).duration();
        assertTrue(slow.compareTo(Duration.ofMillis(1950)) >= 0, "killed before its own 2 s: " + slow);
        assertTrue(slow.compareTo(Duration.ofSeconds(6)) < 0, "killed far too late: " + slow);
        assertEquals("started\n", runs.get(1).raw().text());
        assertEquals(RunState.COMPLETED, runs.get(2).state(), runs.get(2)::toString); // the KILL a second later hit only the old tree
        assertEquals("survived\n", runs.get(2).raw().text());
        assertEquals(List.of(), Shells.sleepsAfterSettling("91"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void leavesNoProcessBehindNotEvenTheWatchdogsSleep(String name, Function<Map<String, String>, LocalTransport> shell)
            throws Exception {
        for (int round = 0; round < 3; round++) {
            String mark = UUID.randomUUID().toString();
            // ends about 0.4 s into the watchdog's first one-second nap
            List<CheckRun> runs = run(shell.apply(Map.of(MARK, mark)), List.of(
                    Specs.command("nap", "sleep 0.4; echo rested"), Specs.command("after", "echo after")));
            assertEquals("rested\n", runs.get(0).raw().text());
            assertEquals("after\n", runs.get(1).raw().text());
            assertEquals(List.of(), Shells.withEnvironment(MARK, mark, Duration.ofMillis(250)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void deliversTheFramesFinishedBeforeTheExecIsCutOff(String name, Function<Map<String, String>, LocalTransport> shell)
            throws Exception {
        List<CheckSpec> checks = List.of(Specs.command("one", "echo one"), Specs.command("two", "echo two"),
                Specs.command("hangs", "sleep 93", 60, Specs.CAP));
        BatchScript script = WRITER.write(checks, Platform.LINUX);
        Set<Path> before = tempDirs();
        Execution ex = shell.apply(Map.of()).execute(Specs.local("here", checks), script.bytes(), Instant.now().plusSeconds(3));
        assertFalse(ex.completed());
        List<CheckRun> runs = FrameReader.read(script, ex.stdout(), "no result: cut").runs();
        assertEquals("one\n", runs.get(0).raw().text());
        assertEquals("two\n", runs.get(1).raw().text(), "the second frame left with the watchdog's batch, not at the end");
        assertEquals("no result: cut", runs.get(2).reason());
        assertEquals(List.of(), Shells.sleepsAfterSettling("93"));
        Set<Path> left = tempDirs();
        for (int i = 0; i < 50 && !before.containsAll(left); i++) {
            Thread.sleep(50);
            left = tempDirs();
        }
        left.removeAll(before);
        assertEquals(Set.of(), left, "the hung-up script removed its temp dir");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void theTokenNeverRestsInTheTempDirWhileChecksRun(String name, Function<Map<String, String>, LocalTransport> shell) {
        // the second check reads every file the script keeps, after the watchdog has printed the first frame
        List<CheckSpec> checks = List.of(Specs.command("one", "echo one"), Specs.command("snoop",
                "sleep 2; for f in \"$udjat_d\"/*; do case $f in */o.2) ;; *) echo \"== $f\"; cat \"$f\";; esac; done"));
        BatchScript script = WRITER.write(checks, Platform.LINUX);
        Execution ex = shell.apply(Map.of()).execute(Specs.local("here", checks), script.bytes(), Instant.now().plusSeconds(30));
        List<CheckRun> runs = FrameReader.read(script, ex.stdout(), "missing").runs();
        assertEquals("one\n", runs.get(0).raw().text());
        String seen = runs.get(1).raw().text();
        assertTrue(seen.contains("/o.1\n") && seen.contains("/L\ns 1 "), "the check saw the script's files: " + seen);
        assertFalse(seen.contains(script.token()), seen);
    }

    private static Set<Path> tempDirs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/tmp"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("udjat.")).collect(Collectors.toSet());
        }
    }
}
