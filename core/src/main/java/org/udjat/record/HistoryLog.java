package org.udjat.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.evaluate.Change;

/**
 * The append-only {@code history.jsonl}: one JSON object per {@link Change}, one per line.
 *
 * <p>A batch is appended in one write and flushed to disk; lines are never rewritten. A crash in
 * the middle of an append can leave a torn last line: reading skips it with a warning, and the
 * next append starts on a fresh line so it never glues onto the torn one. Appends run under the
 * cycle lock; reads may run at any time (they only ever see whole lines or a torn last one).
 */
public final class HistoryLog {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryLog.class);
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final ObjectMapper mapper = Json.mapper();
    private final ObjectWriter lineWriter = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);

    /** A history file anywhere, e.g. one copied from production for {@code udjat replay}. */
    public HistoryLog(Path file) {
        this.file = file;
    }

    /** The history of {@code dir}. */
    public HistoryLog(StateDir dir) {
        this.file = dir.historyFile();
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
        if (changes.isEmpty()) {
            return;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (Change change : changes) {
            lines.write(lineWriter.writeValueAsBytes(change));
            lines.write('\n');
        }
        try {
            byte[] batch = endsMidLine() ? withLeadingNewline(lines.toByteArray()) : lines.toByteArray();
            appendAndForce(batch);
        } catch (IOException e) {
            throw new IOException("cannot append to " + file + ": " + IoReason.of(e), e);
        }
    }

    /** One buffer, so a batch is one write(2) with O_APPEND: never interleaved, at worst torn. */
    private void appendAndForce(byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer batch = ByteBuffer.wrap(bytes);
            while (batch.hasRemaining()) {
                channel.write(batch);
            }
            channel.force(false);
        }
    }

    /** Every readable change, oldest first. */
    public Entries read() {
        return tail(Integer.MAX_VALUE);
    }

    /** The last {@code n} readable changes, oldest first; only those lines are decoded and judged. */
    public Entries tail(int n) {
        if (n <= 0) {
            return new Entries(List.of(), List.of());
        }
        List<String> warnings = new ArrayList<>();
        Deque<NumberedLine> last = new ArrayDeque<>();
        boolean endsWithNewline;
        try {
            endsWithNewline = collectLastLines(n, last);
        } catch (NoSuchFileException e) {
            return new Entries(List.of(), List.of());
        } catch (IOException e) {
            warn(warnings, file + ": cannot be read (" + IoReason.of(e) + ")");
            return new Entries(List.of(), warnings);
        }
        List<Change> changes = new ArrayList<>();
        while (!last.isEmpty()) {
            NumberedLine line = last.removeFirst();
            boolean torn = last.isEmpty() && !endsWithNewline;
            decode(line, torn, warnings).ifPresent(changes::add);
        }
        return new Entries(changes, warnings);
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

    /**
     * Keeps the last {@code n} non-blank lines of the file as it is now (appends made meanwhile
     * are not read) and tells whether its last line was complete.
     */
    private boolean collectLastLines(int n, Deque<NumberedLine> last) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int number = 0;
            long position = 0;
            while (position < size) {
                chunk.clear().limit((int) Math.min(CHUNK, size - position));
                int read = channel.read(chunk, position);
                if (read <= 0) {
                    break;
                }
                position += read;
                byte[] bytes = chunk.array();
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == '\n') {
                        line.write(bytes, start, i - start);
                        keep(new NumberedLine(++number, line), n, last);
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(bytes, start, read - start);
            }
            if (line.size() > 0) {
                keep(new NumberedLine(++number, line), n, last);
                return false;
            }
            return true;
        }
    }

    private static void keep(NumberedLine line, int n, Deque<NumberedLine> last) {
        if (line.text().isBlank()) {
            return;
        }
        if (last.size() == n) {
            last.removeFirst();
        }
        last.addLast(line);
    }

    private Optional<Change> decode(NumberedLine line, boolean torn, List<String> warnings) {
        try {
            Change change = mapper.readValue(line.text(), Change.class);
            if (change != null && change.time() != null && change.host() != null && change.to() != null) {
                return Optional.of(change);
            }
            warn(warnings, file + " line " + line.number() + ": not a change (time, host or new state missing); skipped");
        } catch (IOException e) {
            String why = torn ? "incomplete last line, a run was interrupted while writing it"
                    : "not valid JSON";
            warn(warnings, file + " line " + line.number() + ": " + why + "; skipped");
        }
        return Optional.empty();
    }

    /** True when the last line was torn by a crash: the next change must not be glued to it. */
    private boolean endsMidLine() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer lastByte = ByteBuffer.allocate(1);
            channel.read(lastByte, size - 1);
            return lastByte.get(0) != '\n';
        } catch (NoSuchFileException firstAppend) {
            return false;
        }
    }

    private static byte[] withLeadingNewline(byte[] lines) {
        byte[] fresh = new byte[lines.length + 1];
        fresh[0] = '\n';
        System.arraycopy(lines, 0, fresh, 1, lines.length);
        return fresh;
    }

    private static void warn(List<String> warnings, String warning) {
        LOG.warn(warning);
        warnings.add(warning);
    }

    private record NumberedLine(int number, String text) {
        /** Malformed UTF-8 becomes U+FFFD rather than failing the whole read. */
        NumberedLine(int number, ByteArrayOutputStream bytes) {
            this(number, bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
