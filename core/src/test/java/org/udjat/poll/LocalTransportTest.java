package org.udjat.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.udjat.api.Check;
import org.udjat.api.Platform;
import org.udjat.config.CheckSpec;

class LocalTransportTest {

    private static final ScriptWriter WRITER = new ScriptWriter(Map.<String, Check>of());

    @Test
    void returnsByTheDeadlineWithThePartialOutputAndKillsEverything() throws Exception {
        List<CheckSpec> checks = List.of(Specs.command("quick", "echo quick"),
                Specs.command("stuck", "sleep 95", 60, Specs.CAP), Specs.command("never", "echo never"));
        BatchScript script = WRITER.write(checks, Platform.LINUX);
        Set<Path> tempDirsBefore = tempDirs();
        long start = System.nanoTime();
        Execution ex = new LocalTransport().execute(Specs.local("here", checks), script.bytes(), Instant.now().plusMillis(1500));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took); // vs. a 95 s sleep, with room for a loaded CI machine
        assertTrue(took.compareTo(Duration.ofMillis(1000)) > 0, "took " + took);
        assertTrue(ex.reached());
        assertFalse(ex.completed());
        assertEquals(-1, ex.exitStatus());
        assertTrue(ex.reason().startsWith("killed at the deadline"), ex.reason());
        List<CheckRun> runs = FrameReader.read(script, ex.stdout(), "no result: cut").runs();
        assertEquals("quick\n", runs.get(0).raw().text());
        assertEquals("no result: cut", runs.get(1).reason());
        assertEquals("no result: cut", runs.get(2).reason());
        assertEquals(List.of(), Shells.sleepsAfterSettling("95"));
        assertEquals(List.of(), Shells.sleepsAfterSettling("60"), "the watchdog's sleep was killed too");
        Set<Path> left = tempDirs();
        left.removeAll(tempDirsBefore);
        for (int i = 0; i < 100 && !left.isEmpty(); i++) { // the hung-up shell cleans up asynchronously
            Thread.sleep(50);
            left = tempDirs();
            left.removeAll(tempDirsBefore);
        }
        assertEquals(Set.of(), left, "the hung-up script removed its temp dir");
    }

    private static Set<Path> tempDirs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/tmp"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("udjat.")).collect(Collectors.toCollection(HashSet::new));
        }
    }

    @Test
    void aDeadlineAlreadyPassedStillReturnsAtOnce() {
        long start = System.nanoTime();
        Execution ex = new LocalTransport().execute(Specs.local("here", List.of()), "sleep 94\n".getBytes(StandardCharsets.UTF_8),
                Instant.now().minusSeconds(1));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0); // vs. a 94 s sleep
        assertFalse(ex.completed());
    }

    @Test
    void reportsAShellThatCannotStartAsUnreachable() {
        LocalTransport missing = new LocalTransport(List.of("/nonexistent/sh", "-s"), Map.of(), Clock.systemUTC());
        Execution ex = missing.execute(Specs.local("here", List.of()), new byte[0], Instant.now().plusSeconds(5));
        assertFalse(ex.reached());
        assertTrue(ex.reason().startsWith("cannot start /nonexistent/sh -s: "), ex.reason());
    }

    @Test
    void namesTheShellsErrorWhenTheScriptFails() {
        Execution ex = new LocalTransport().execute(Specs.local("here", List.of()), "echo out; echo oops >&2; exit 3\n"
                .getBytes(StandardCharsets.UTF_8), Instant.now().plusSeconds(5));
        assertTrue(ex.completed());
        assertEquals(3, ex.exitStatus());
        assertEquals("out\n", new String(ex.stdout(), StandardCharsets.UTF_8));
        assertEquals("/bin/sh exited with status 3; stderr: oops", ex.reason());
    }

    @Test
    void capsTheWholeOutputAndSaysSo() {
        Execution ex = new LocalTransport().execute(Specs.local("here", List.of()),
                "head -c 70000000 /dev/zero; echo done >&2\n".getBytes(StandardCharsets.UTF_8), Instant.now().plusSeconds(20));
        assertEquals(LocalTransport.MAX_STDOUT_MIB << 20, ex.stdout().length);
        assertFalse(ex.completed(), "the script's output is incomplete");
        assertEquals(0, ex.exitStatus());
        assertEquals("the script printed more than 64 MiB; the rest was discarded; stderr: done", ex.reason());
    }
}
