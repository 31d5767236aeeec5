package org.udjat.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.evaluate.Change;

/**
 * The append-only {@code history.jsonl}: one JSON object per {@link Change}, one per line.
 *
 * <p>Appended and read as {@link JsonLines}: a batch is appended in one write and flushed to disk;
 * lines are never rewritten. A crash in the middle of an append can leave a torn last line: reading
 * skips it with a warning, and the next append starts on a fresh line so it never glues onto the
 * torn one. Appends run under the cycle lock; reads may run at any time (they only ever see whole
 * lines or a torn last one).
 */
public final class HistoryLog {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryLog.class);

    private final Path file;
    private final ObjectMapper mapper = Json.mapper();
    private final JsonLines lines;

    /** A history file anywhere, e.g. one copied from production for {@code udjat replay}. */
    public HistoryLog(Path file) {
        this.file = file;
        this.lines = new JsonLines(file, mapper, LOG);
    }

    /** The history of {@code dir}. */
    public HistoryLog(StateDir dir) {
        this(dir.historyFile());
    }

    /**
     * What a read found.
     *
     * @param changes  the readable changes, oldest first
     * @param warnings the lines that were skipped and why, already logged
     */
    public record Entries(List<Change> changes, List<String> warnings) {
        public Entries {
            changes = List.copyOf(changes);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Appends {@code changes}, in order, and flushes them to disk. Does nothing for an empty list.
     *
     * @throws IOException naming the file; lines already in the file are untouched
     */
    public void append(List<Change> changes) throws IOException {
        lines.append(changes);
    }

    /** Every readable change, oldest first. */
    public Entries read() {
        return tail(Integer.MAX_VALUE);
    }

    /** The last {@code n} readable changes, oldest first; only those lines are decoded and judged. */
    public Entries tail(int n) {
        JsonLines.Read<Change> read = lines.readLast(n, Change.class,
                c -> c.time() != null && c.host() != null && c.to() != null,
                "not a change (time, host or new state missing)");
        return new Entries(read.values(), read.warnings());
    }

    /**
     * The changes observed at or after {@code cutoff}, oldest first. The file is read from its end back
     * to the first line older than the cutoff and no further: lines are appended in time order, so a
     * report over the last days costs the same however long the history has grown. The lines found are
     * decoded in parallel. Lines that cannot be decoded are skipped with a warning that gives their
     * byte offset.
     */
    public Entries since(Instant cutoff) {
        try {
            HistoryTail.Read read = HistoryTail.read(file, cutoff, mapper);
            read.warnings().forEach(LOG::warn);
            return new Entries(read.changes(), read.warnings());
        } catch (NoSuchFileException e) {
            return new Entries(List.of(), List.of());
        } catch (IOException e) {
            List<String> warnings = new ArrayList<>();
            warn(warnings, file + ": cannot be read (" + IoReason.of(e) + ")");
            return new Entries(List.of(), warnings);
        }
    }

    private static void warn(List<String> warnings, String warning) {
        LOG.warn(warning);
        warnings.add(warning);
    }
}
