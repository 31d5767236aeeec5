package org.udjat.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.evaluate.Change;

class HistoryLogTest {
    private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path tmp;
    private StateDir dir;

    @BeforeEach
    void open() throws IOException {
        dir = StateDir.open(tmp);
    }

    @Test
    void missingFile_readsAsEmpty() {
        assertEquals(new HistoryLog.Entries(List.of(), List.of()), new HistoryLog(dir).read());
    }

    @Test
    void appendsFromTwoInstances_accumulateOneLinePerChange() throws IOException {
        Change a = change(0, null, "OK", "CRITICAL", "disk full </script>\nsecond line");
        Change b = change(1, "UP", "DOWN", null, "connection refused");
        Change c = change(2, "CRITICAL", "OK", "disk", "\u00e9t\u00e9 ok");
        new HistoryLog(dir).append(List.of(a, b));
        new HistoryLog(dir).append(List.of());
        new HistoryLog(dir).append(List.of(c));

        List<String> lines = Files.readAllLines(dir.historyFile());
        assertEquals(3, lines.size());
        ObjectMapper strict = new ObjectMapper();
        for (String line : lines) {
            strict.readTree(line);
        }
        HistoryLog.Entries entries = new HistoryLog(dir).read();
        assertEquals(List.of(a, b, c), entries.changes());
        assertEquals(List.of(), entries.warnings());
        assertEquals(List.of(b, c), new HistoryLog(dir).tail(2).changes());
    }

    @Test
    void tornLastLine_isSkippedWithAWarningAndTheNextAppendStartsAFreshLine() throws IOException {
        HistoryLog log = new HistoryLog(dir);
        Change a = change(0, "OK", "WARNING", "load", "load 12");
        log.append(List.of(a));
        Files.writeString(dir.historyFile(), "{\"time\":\"2024-05-01T12:01:00Z\",\"host\":\"we", StandardOpenOption.APPEND);

        HistoryLog.Entries entries = log.read();
        assertEquals(List.of(a), entries.changes());
        assertEquals(List.of(dir.historyFile() + " line 2: incomplete last line, a run was interrupted while writing it; skipped"),
                entries.warnings());

        Change b = change(2, "WARNING", "OK", "load", "load 1");
        log.append(List.of(b));
        entries = log.read();
        assertEquals(List.of(a, b), entries.changes());
        assertEquals(List.of(dir.historyFile() + " line 2: not valid JSON; skipped"), entries.warnings());
    }

    @Test
    void badLinesAnywhere_areSkippedNotFatal() throws IOException {
        Change a = change(0, null, "OK", "ping", "");
        new HistoryLog(dir).append(List.of(a));
        Files.write(dir.historyFile(), new byte[] {(byte) 0xff, 'x', '\n', '\n', '{', '}', '\n'}, StandardOpenOption.APPEND);
        Files.writeString(dir.historyFile(), "{\"time\":\"2024-05-01T12:00:00Z\",\"host\":\"h\",\"to\":\"OK\",\"new\":1}\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        HistoryLog.Entries entries = new HistoryLog(dir).read();

        assertEquals(2, entries.changes().size());
        assertEquals(a, entries.changes().get(0));
        assertEquals(2, entries.warnings().size(), entries.warnings().toString());
        assertTrue(entries.warnings().get(0).endsWith(" line 2: not valid JSON; skipped"));
        assertTrue(entries.warnings().get(1).endsWith(" line 4: not a change (time, host or new state missing); skipped"));
    }

    @Test
    void tail_decodesOnlyTheLastLines() throws IOException {
        Files.writeString(dir.historyFile(), "not json at all\n");
        List<Change> many = java.util.stream.IntStream.range(0, 50).mapToObj(i -> change(i, "OK", "CRITICAL", "c" + i, "")).toList();
        new HistoryLog(dir).append(many);
        HistoryLog.Entries tail = new HistoryLog(dir).tail(3);
        assertEquals(many.subList(47, 50), tail.changes());
        assertEquals(List.of(), tail.warnings());
        assertEquals(1, new HistoryLog(dir).read().warnings().size());
    }

    @Test
    void sinceReadsBackToTheCutoffOnly() throws IOException {
        HistoryLog log = new HistoryLog(dir);
        List<Change> all = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            all.add(change(i, "OK", "CRITICAL", "check" + i, "a summary long enough to span several chunks " + i));
        }
        log.append(all);

        HistoryLog.Entries recent = log.since(T.plusSeconds(60L * 2990));
        HistoryLog.Entries many = log.since(T.plusSeconds(60L * 5 - 30));
        HistoryLog.Entries everything = log.since(Instant.MIN);

        assertEquals(all.subList(2990, 3000), recent.changes());
        assertEquals(all.subList(5, 3000), many.changes());
        assertEquals(all, everything.changes());
        assertEquals(List.of(), everything.warnings());
        assertEquals(List.of(), log.since(T.plusSeconds(60L * 3000)).changes());
        assertEquals(new HistoryLog.Entries(List.of(), List.of()), new HistoryLog(StateDir.open(tmp.resolve("x"))).since(T));
    }

    @Test
    void sinceReadsALineWithMalformedUtf8AsReadDoes() throws IOException {
        HistoryLog log = new HistoryLog(dir);
        log.append(List.of(change(0, "OK", "WARNING", "load", "MARK")));
        byte[] bytes = Files.readAllBytes(dir.historyFile());
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = text.indexOf("MARK");
        bytes[at] = (byte) 0xff;
        Files.write(dir.historyFile(), bytes);

        assertEquals(log.read().changes(), log.since(T).changes());
        assertEquals("\ufffdARK", log.since(T).changes().get(0).summary());
    }

    @Test
    void sinceSkipsBadLinesWithTheirOffsetAndATornLastLine() throws IOException {
        HistoryLog log = new HistoryLog(dir);
        Change a = change(0, "OK", "WARNING", "load", "load 12");
        Change b = change(1, "WARNING", "OK", "load", "load 1");
        log.append(List.of(a));
        Files.writeString(dir.historyFile(), "not json\n", StandardOpenOption.APPEND);
        log.append(List.of(b));
        Files.writeString(dir.historyFile(), "{\"time\":\"2024-05", StandardOpenOption.APPEND);
        long badAt = Files.readString(dir.historyFile()).indexOf("not json");
        long tornAt = Files.readString(dir.historyFile()).lastIndexOf("{");

        HistoryLog.Entries entries = log.since(T);

        assertEquals(List.of(a, b), entries.changes());
        assertEquals(List.of(dir.historyFile() + " at byte " + tornAt
                        + ": incomplete last line, a run was interrupted while writing it; skipped",
                dir.historyFile() + " at byte " + badAt + ": not valid JSON; skipped"), entries.warnings());
    }

    private static Change change(int minute, String from, String to, String check, String summary) {
        return new Change(T.plusSeconds(60L * minute), "web1", check, from, to, summary);
    }
}
