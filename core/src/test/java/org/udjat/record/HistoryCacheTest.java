package org.udjat.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.Flip;
import org.udjat.evaluate.Recheck;
import org.udjat.evaluate.StateType;

/** {@link HistoryLog#since(Instant, Path, boolean)}: the same answer as reading the file, from less decoding. */
class HistoryCacheTest {
    private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path tmp;
    private StateDir dir;
    private HistoryLog log;
    private Path cache;

    @BeforeEach
    void open() throws IOException {
        dir = StateDir.open(tmp);
        log = new HistoryLog(dir);
        cache = dir.historyCache();
    }

    @Test
    void everyFieldOfAChangeComesBackFromTheCache() throws IOException {
        Change full = new Change(T.plusNanos(123_456_789), "gw1", null, "UP", "DOWN",
                "no route \u00e9t\u00e9 <script>\"x\"</script>\nsecond line", ChangeKind.PROBLEM, StateType.HARD, 3, 3,
                true, "core1 DOWN", 40, List.of(new Recheck("core1", "UP", "DOWN"), new Recheck("core1/ping", "OK", null)),
                Duration.ofSeconds(3_600, 5), List.of(new Flip(T.minusSeconds(60), "DOWN"), new Flip(T.minusSeconds(30), "UP")));
        Change bare = new Change(T.plusSeconds(60), "web1", "disk", null, "OK", "");
        log.append(List.of(full, bare));

        HistoryLog.Entries first = log.since(T.minusSeconds(1), cache, true);
        assertTrue(Files.exists(cache));
        makeLinesUnreadableKeepingTheEnd();
        HistoryLog.Entries cached = log.since(T.minusSeconds(1), cache, false);

        assertEquals(List.of(full, bare), first.changes());
        assertEquals(List.of(full, bare), cached.changes(), "read from the cache, not from the damaged lines");
        assertEquals(List.of(), cached.warnings());
        assertNotEquals(cached.changes(), log.since(T.minusSeconds(1)).changes(), "the file itself no longer says so");
    }

    @Test
    void linesAppendedAfterTheCacheAreReadOnTopOfIt() throws IOException {
        List<Change> all = changes(0, 500);
        log.append(all.subList(0, 300));
        log.since(T, cache, true);
        log.append(all.subList(300, 500));

        HistoryLog.Entries entries = log.since(T, cache, true);

        assertEquals(all, entries.changes());
        assertEquals(log.since(T), entries);
        assertEquals(all, log.since(T, cache, false).changes());
    }

    @Test
    void theCutoffMovingOnLeavesOlderChangesOut() throws IOException {
        List<Change> all = changes(0, 100);
        log.append(all);
        log.since(T, cache, true);
        byte[] before = Files.readAllBytes(cache);

        assertEquals(all.subList(40, 100), log.since(T.plusSeconds(60L * 40), cache, true).changes());
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(cache)), "rewritten without the older changes");
        assertEquals(all.subList(40, 100), log.since(T.plusSeconds(60L * 40), cache, false).changes());
        assertEquals(all.subList(90, 100), log.since(T.plusSeconds(60L * 90), cache, false).changes());
    }

    @Test
    void anEarlierCutoffThanTheCacheReadsTheFile() throws IOException {
        List<Change> all = changes(0, 100);
        log.append(all);
        log.since(T.plusSeconds(60L * 50), cache, true);

        assertEquals(all.subList(10, 100), log.since(T.plusSeconds(60L * 10), cache, true).changes());
        assertEquals(all, log.since(T, cache, false).changes());
    }

    @Test
    void aHistoryReplacedOrCutIsReadAgain() throws IOException {
        log.append(changes(0, 50));
        log.since(T, cache, true);

        // same length, other content: rotated and refilled
        List<Change> other = new ArrayList<>();
        for (Change c : changes(0, 50)) {
            other.add(new Change(c.time(), "web2", c.check(), c.from(), c.to(), c.summary()));
        }
        Files.delete(dir.historyFile());
        log.append(other);
        assertEquals(other, log.since(T, cache, true).changes());

        // shorter: cut
        Files.delete(dir.historyFile());
        log.append(changes(0, 3));
        assertEquals(changes(0, 3), log.since(T, cache, true).changes());

        // gone
        Files.delete(dir.historyFile());
        assertEquals(new HistoryLog.Entries(List.of(), List.of()), log.since(T, cache, true));
    }

    @Test
    void aDamagedCacheIsIgnoredAndWrittenAnew() throws IOException {
        List<Change> all = changes(0, 200);
        log.append(all);
        log.since(T, cache, true);
        byte[] good = Files.readAllBytes(cache);

        for (int at : new int[] {0, 20, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x5a;
            Files.write(cache, bad);
            assertEquals(all, log.since(T, cache, true).changes(), "byte " + at + " changed");
            assertArrayEquals(good, Files.readAllBytes(cache), "written anew after byte " + at + " was changed");
        }
        Files.write(cache, java.util.Arrays.copyOf(good, good.length / 3));
        assertEquals(all, log.since(T, cache, true).changes());
        Files.write(cache, "not a cache".getBytes(StandardCharsets.UTF_8));
        assertEquals(all, log.since(T, cache, false).changes());
    }

    @Test
    void withoutSaveNothingIsWritten() throws IOException {
        log.append(changes(0, 10));

        assertEquals(changes(0, 10), log.since(T, cache, false).changes());
        assertFalse(Files.exists(cache));
    }

    @Test
    void aTornLastLineIsReadAgainUntilItIsWholeThenReportedAsTheFileIs() throws IOException {
        log.append(changes(0, 5));
        Files.writeString(dir.historyFile(), "{\"time\":\"2024-05-01T12:0", StandardOpenOption.APPEND);
        long tornAt = Files.size(dir.historyFile()) - "{\"time\":\"2024-05-01T12:0".length();

        HistoryLog.Entries torn = log.since(T, cache, true);
        assertEquals(changes(0, 5), torn.changes());
        assertEquals(List.of(dir.historyFile() + " at byte " + tornAt
                + ": incomplete last line, a run was interrupted while writing it; skipped"), torn.warnings());

        log.append(changes(5, 8)); // starts on a fresh line: the torn one is now a whole line of bad JSON
        HistoryLog.Entries cached = log.since(T, cache, true);

        assertEquals(changes(0, 8), cached.changes());
        assertEquals(List.of(dir.historyFile() + " at byte " + tornAt + ": not valid JSON; skipped"), cached.warnings());
        assertEquals(log.since(T), cached);
        assertEquals(cached, log.since(T, cache, false));
    }

    @Test
    void aLastLineWithoutNewlineIsNotKeptInTheCache() throws IOException {
        log.append(changes(0, 3));
        Change last = changes(3, 4).get(0);
        byte[] line = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(last);
        Files.write(dir.historyFile(), line, StandardOpenOption.APPEND); // whole JSON, no newline yet

        assertEquals(changes(0, 4), log.since(T, cache, true).changes());
        Files.write(dir.historyFile(), "\n".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
        assertEquals(changes(0, 4), log.since(T, cache, true).changes(), "not twice");
        assertEquals(changes(0, 4), log.since(T, cache, false).changes());
    }

    @Test
    void aBadLineIsReportedAsLongAsTheChangeBeforeIt() throws IOException {
        log.append(changes(0, 10));
        long badAt = Files.size(dir.historyFile());
        Files.writeString(dir.historyFile(), "not json\n", StandardOpenOption.APPEND);
        log.append(changes(10, 20));
        String warning = dir.historyFile() + " at byte " + badAt + ": not valid JSON; skipped";

        assertEquals(List.of(warning), log.since(T, cache, true).warnings());
        assertEquals(List.of(warning), log.since(T.plusSeconds(60L * 9), cache, true).warnings());
        assertEquals(List.of(), log.since(T.plusSeconds(60L * 10), cache, true).warnings());
        assertEquals(changes(10, 20), log.since(T.plusSeconds(60L * 10), cache, false).changes());
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheHistoryAsRead() throws IOException {
        log.append(changes(0, 20));
        Path unwritable = tmp.resolve("no-such-folder").resolve("history.cache");

        assertEquals(log.since(T), log.since(T, unwritable, true));
        assertFalse(Files.exists(unwritable));
    }

    /** Changes one minute apart from minute {@code from} to {@code to} (exclusive). */
    private static List<Change> changes(int from, int to) {
        List<Change> list = new ArrayList<>();
        for (int i = from; i < to; i++) {
            list.add(new Change(T.plusSeconds(60L * i), "web1", "check" + i % 7, i % 2 == 0 ? "OK" : "CRITICAL",
                    i % 2 == 0 ? "CRITICAL" : "OK", "value " + i + " \u00e9"));
        }
        return list;
    }

    /** Changes the history's first line (not its last bytes, nor its length) so it no longer decodes to the same. */
    private void makeLinesUnreadableKeepingTheEnd() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.historyFile());
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"gw1\"");
        bytes[at + 1] = 'x';
        Files.write(dir.historyFile(), bytes);
    }
}
