package org.udjat.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.record.StateDir;

/** Two writers at once, as two threads and as two processes: no change is lost, no id is given twice. */
@Timeout(60)
class ConcurrentWritersTest {
    static final Instant T = Instant.parse("2026-11-22T06:00:00Z");
    static final int EACH = 40;

    @TempDir
    Path dir;

    private Callable<Void> writer(String by) {
        return () -> {
            AckStore store = new AckStore(StateDir.open(dir));
            for (int i = 0; i < EACH; i++) {
                store.add(List.of(by + "-" + i), by, "", T, T.plusSeconds(1800));
            }
            return null;
        };
    }

    @Test
    void twoThreadsLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> done = new ArrayList<>();
            done.add(pool.submit(writer("alice")));
            done.add(pool.submit(writer("bob")));
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertAll(2 * EACH, Set.of("alice", "bob"));
    }

    @Test
    void twoProcessesLoseNothing() throws Exception {
        Process child = startChild("carol");
        writer("dave").call();
        String line = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(true, child.waitFor(30, TimeUnit.SECONDS));
        assertEquals("DONE", line);
        assertEquals(0, child.exitValue());
        assertAll(2 * EACH, Set.of("carol", "dave"));
    }

    private Process startChild(String by) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AckWriterMain.class.getName(),
                dir.toString(), Integer.toString(EACH), by).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void assertAll(int expected, Set<String> writers) throws Exception {
        List<Ack> acks = new AckStore(StateDir.open(dir)).load();
        assertEquals(expected, acks.size());
        Set<String> ids = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        acks.forEach(a -> {
            ids.add(a.id());
            subjects.addAll(a.subjects());
        });
        assertEquals(expected, ids.size(), "every id once");
        for (String w : writers) {
            for (int i = 0; i < EACH; i++) {
                assertEquals(true, subjects.contains(w + "-" + i), w + "-" + i);
            }
        }
    }
}
