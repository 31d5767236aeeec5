package org.udjat.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
        return since(cutoff, null, false);
    }

    /**
     * The changes observed at or after {@code cutoff}, as {@link #since(Instant)} reads them, kept in a cache
     * of the decoded lines ({@code cache}, see {@link HistoryCache}): only the lines appended since the cache
     * was written are decoded. Gives what {@link #since(Instant)} gives, except that a line that could not be
     * decoded is reported for as long as the change before it is within the cutoff.
     *
     * @param cache the cache file, e.g. {@link StateDir#historyCache()}
     * @param save  whether to bring the cache up to date; only under the cycle lock, so two writers never meet
     */
    public Entries since(Instant cutoff, Path cache, boolean save) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            HistoryCache.Content cached = cache == null ? null : HistoryCache.read(cache)
                    .filter(c -> !cutoff.isBefore(c.cutoff())).orElse(null);
            if (cached != null && !cached.continues(channel, size)) {
                cached = null;
            }
            List<HistoryCache.Entry> entries;
            if (cached == null) {
                entries = HistoryTail.backwards(file, channel, size, cutoff, mapper);
            } else {
                entries = new ArrayList<>(cached.entries().size() + 64);
                for (HistoryCache.Entry e : cached.entries()) {
                    if (!e.time().isBefore(cutoff)) {
                        entries.add(e);
                    }
                }
                Instant before = entries.isEmpty() ? cutoff : entries.get(entries.size() - 1).time();
                entries.addAll(HistoryTail.forwards(file, channel, cached.offset(), size, before, mapper));
            }
            if (save && cache != null) {
                save(cache, channel, size, cutoff, entries, cached);
            }
            Entries read = HistoryTail.result(entries, cutoff);
            read.warnings().forEach(LOG::warn);
            return read;
        } catch (NoSuchFileException e) {
            return new Entries(List.of(), List.of());
        } catch (IOException e) {
            List<String> warnings = new ArrayList<>();
            warn(warnings, file + ": cannot be read (" + IoReason.of(e) + ")");
            return new Entries(List.of(), warnings);
        }
    }

    /**
     * Writes the cache of the whole lines among {@code entries}, when it has something new: lines appended, or
     * lines now before the cutoff. A cache that cannot be written is only logged: the next read decodes more.
     */
    private void save(Path cache, FileChannel channel, long size, Instant cutoff, List<HistoryCache.Entry> entries,
                      HistoryCache.Content cached) {
        try {
            long whole = HistoryTail.wholeLines(channel, size);
            // a last line that is not whole (a run is appending it, or was interrupted) is read again next time
            List<HistoryCache.Entry> kept = entries.stream().filter(e -> e.offset() < whole).toList();
            if (cached != null && cached.offset() == whole && kept.size() == cached.entries().size()) {
                return;
            }
            HistoryCache.write(cache, new HistoryCache.Content(whole, HistoryCache.tail(channel, whole), cutoff, kept));
        } catch (IOException e) {
            LOG.warn("{}: not written ({}); the next report decodes the history again", cache, IoReason.of(e));
        }
    }

    private static void warn(List<String> warnings, String warning) {
        LOG.warn(warning);
        warnings.add(warning);
    }
}
