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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * An append-only file of JSON values, one per line, as {@link HistoryLog} and {@link NotificationLog}
 * keep them.
 *
 * <p>A batch is appended in one write with O_APPEND and flushed to disk; lines are never rewritten.
 * A crash in the middle of an append can leave a torn last line: reading skips it with a warning, and
 * the next append starts on a fresh line so it never glues onto the torn one. Appends run under the
 * cycle lock; reads may run at any time (they only ever see whole lines or a torn last one).
 */
final class JsonLines {
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final ObjectMapper mapper;
    private final ObjectWriter lineWriter;
    private final Logger log;

    /**
     * @param log the logger of the owning log, which warnings go to
     */
    JsonLines(Path file, ObjectMapper mapper, Logger log) {
        this.file = file;
        this.mapper = mapper;
        this.lineWriter = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
        this.log = log;
    }

    /**
     * What a read found.
     *
     * @param values   the readable values, in the order appended
     * @param warnings the lines that were skipped and why, already logged
     */
    record Read<T>(List<T> values, List<String> warnings) {
        Read {
            values = List.copyOf(values);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Appends {@code values}, in order, and flushes them to disk. Does nothing for an empty list.
     *
     * @throws IOException naming the file; lines already in the file are untouched
     */
    void append(List<?> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (Object value : values) {
            lines.write(lineWriter.writeValueAsBytes(value));
            lines.write('\n');
        }
        try {
            byte[] batch = endsMidLine() ? withLeadingNewline(lines.toByteArray()) : lines.toByteArray();
            appendAndForce(batch);
        } catch (IOException e) {
            throw new IOException("cannot append to " + file + ": " + IoReason.of(e), e);
        }
    }

    /**
     * The last {@code n} readable values, in the order appended; only those lines are decoded and judged.
     * A missing file has none; one that cannot be read has none and a warning.
     *
     * @param complete   whether a decoded value has what it must have
     * @param incomplete what a line that decodes but is not {@code complete} is called in its warning, e.g.
     *                   {@code "not a change (time, host or new state missing)"}
     */
    <T> Read<T> readLast(int n, Class<T> type, Predicate<T> complete, String incomplete) {
        if (n <= 0) {
            return new Read<>(List.of(), List.of());
        }
        List<String> warnings = new ArrayList<>();
        Deque<NumberedLine> last = new ArrayDeque<>();
        boolean endsWithNewline;
        try {
            endsWithNewline = collectLastLines(n, last);
        } catch (NoSuchFileException e) {
            return new Read<>(List.of(), List.of());
        } catch (IOException e) {
            warn(warnings, file + ": cannot be read (" + IoReason.of(e) + ")");
            return new Read<>(List.of(), warnings);
        }
        List<T> values = new ArrayList<>();
        while (!last.isEmpty()) {
            NumberedLine line = last.removeFirst();
            boolean torn = last.isEmpty() && !endsWithNewline;
            try {
                T value = mapper.readValue(line.text(), type);
                if (value != null && complete.test(value)) {
                    values.add(value);
                } else {
                    warn(warnings, file + " line " + line.number() + ": " + incomplete + "; skipped");
                }
            } catch (IOException e) {
                String why = torn ? "incomplete last line, a run was interrupted while writing it" : "not valid JSON";
                warn(warnings, file + " line " + line.number() + ": " + why + "; skipped");
            }
        }
        return new Read<>(values, warnings);
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

    /** True when the last line was torn by a crash: the next value must not be glued to it. */
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

    private void warn(List<String> warnings, String warning) {
        log.warn(warning);
        warnings.add(warning);
    }

    private record NumberedLine(int number, String text) {
        /** Malformed UTF-8 becomes U+FFFD rather than failing the whole read. */
        NumberedLine(int number, ByteArrayOutputStream bytes) {
            this(number, bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
