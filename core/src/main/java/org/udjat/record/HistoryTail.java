package org.udjat.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.udjat.evaluate.Change;

/**
 * Reads the recent end of {@code history.jsonl}: backwards from the end of the file, one chunk at a time,
 * to the first line older than a cutoff. The time of a line is read from its beginning
 * ({@code {"time":"...",}, as udjat writes it) without decoding the rest, so only the lines kept are
 * decoded, in parallel. Also reads the lines appended after a known offset ({@link #forwards}), for
 * {@link HistoryCache}. Stateless.
 */
final class HistoryTail {
    private static final int CHUNK = 64 * 1024;
    private static final byte[] TIME = "{\"time\":\"".getBytes(StandardCharsets.US_ASCII);

    private HistoryTail() {
    }

    /** One line found: {@code bytes[from, to)}, at {@code offset} in the file. */
    private record Line(byte[] bytes, int from, int to, long offset, boolean last) {
    }

    /** The changes of {@code entries} at or after the cutoff, oldest first, and the lines skipped, newest first. */
    static HistoryLog.Entries result(List<HistoryCache.Entry> entries, Instant cutoff) {
        List<Change> changes = new ArrayList<>(entries.size());
        List<String> warnings = new ArrayList<>();
        for (HistoryCache.Entry e : entries) {
            if (e.change() != null && !e.change().time().isBefore(cutoff)) {
                changes.add(e.change());
            } else if (e.problem() != null) {
                warnings.add(e.problem());
            }
        }
        Collections.reverse(warnings);
        return new HistoryLog.Entries(changes, warnings);
    }

    /**
     * The lines of the file's first {@code end} bytes, read back from {@code end} to the first line older
     * than the cutoff, oldest first; a skipped line takes the time of the change before it.
     */
    static List<HistoryCache.Entry> backwards(Path file, FileChannel channel, long end, Instant cutoff,
                                              ObjectMapper mapper) throws IOException {
        List<Line> lines = new ArrayList<>();
        byte[] carry = new byte[0];
        boolean last = true;
        scan:
        while (end > 0) {
            int length = (int) Math.min(CHUNK, end);
            long start = end - length;
            byte[] bytes = read(channel, start, length, carry);
            int lineEnd = bytes.length;
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    if (!keep(new Line(bytes, i + 1, lineEnd, start + i + 1, last), cutoff, lines)) {
                        break scan;
                    }
                    last = false;
                    lineEnd = i;
                }
            }
            carry = Arrays.copyOf(bytes, lineEnd);
            end = start;
            if (end == 0) {
                keep(new Line(carry, 0, carry.length, 0, last), cutoff, lines);
            }
        }
        Collections.reverse(lines);
        return entries(file, lines, cutoff, mapper);
    }

    /**
     * Every line of the file's bytes {@code [from, end)}, oldest first; a last line without a newline is
     * taken as one a run was writing when interrupted. A skipped line takes the time of the change before
     * it, or {@code before}.
     */
    static List<HistoryCache.Entry> forwards(Path file, FileChannel channel, long from, long end, Instant before,
                                             ObjectMapper mapper) throws IOException {
        List<Line> lines = new ArrayList<>();
        long at = from;
        byte[] carry = new byte[0];
        long carryAt = from;
        while (at < end) {
            int length = (int) Math.min(CHUNK, end - at);
            byte[] bytes = new byte[carry.length + length];
            System.arraycopy(carry, 0, bytes, 0, carry.length);
            ByteBuffer chunk = ByteBuffer.wrap(bytes, carry.length, length);
            while (chunk.hasRemaining()) {
                if (channel.read(chunk, at + chunk.position() - carry.length) < 0) {
                    throw new IOException("the file shrank while it was read");
                }
            }
            int lineStart = 0;
            for (int i = carry.length; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    addIfNotBlank(new Line(bytes, lineStart, i, carryAt + lineStart, false), lines);
                    lineStart = i + 1;
                }
            }
            carryAt += lineStart;
            carry = Arrays.copyOfRange(bytes, lineStart, bytes.length);
            at += length;
        }
        addIfNotBlank(new Line(carry, 0, carry.length, carryAt, true), lines);
        return entries(file, lines, before, mapper);
    }

    /**
     * Where the last whole line of the file's first {@code size} bytes ends: just after its last newline,
     * or 0 when it has none.
     */
    static long wholeLines(FileChannel channel, long size) throws IOException {
        long end = size;
        while (end > 0) {
            int length = (int) Math.min(CHUNK, end);
            long start = end - length;
            byte[] bytes = read(channel, start, length, new byte[0]);
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    private static void addIfNotBlank(Line line, List<Line> lines) {
        if (!isBlank(line)) {
            lines.add(line);
        }
    }

    /** The lines decoded, in parallel, in their order; a skipped line takes the time of the change before it. */
    private static List<HistoryCache.Entry> entries(Path file, List<Line> lines, Instant before, ObjectMapper mapper) {
        List<HistoryCache.Entry> decoded = lines.size() < 64 ? lines.stream().map(l -> decode(file, l, mapper)).toList()
                : lines.parallelStream().map(l -> decode(file, l, mapper)).toList();
        List<HistoryCache.Entry> entries = new ArrayList<>(decoded.size());
        Instant time = before;
        for (HistoryCache.Entry e : decoded) {
            if (e.change() != null) {
                time = e.change().time();
                entries.add(e);
            } else {
                entries.add(new HistoryCache.Entry(null, e.problem(), time, e.offset()));
            }
        }
        return entries;
    }

    private static byte[] read(FileChannel channel, long start, int length, byte[] carry) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(length + carry.length).limit(length);
        while (chunk.hasRemaining()) {
            if (channel.read(chunk, start + chunk.position()) < 0) {
                throw new IOException("the file shrank while it was read");
            }
        }
        chunk.limit(chunk.capacity()).put(carry);
        return chunk.array();
    }

    /** Adds a line that is not blank; false when its time, if it can be told, is before the cutoff. */
    private static boolean keep(Line line, Instant cutoff, List<Line> lines) {
        if (isBlank(line)) {
            return true;
        }
        Instant time = time(line);
        if (time != null && time.isBefore(cutoff)) {
            return false;
        }
        lines.add(line);
        return true;
    }

    /** The time a line starts with, or null when it does not start as udjat writes lines. */
    private static Instant time(Line line) {
        int start = line.from() + TIME.length;
        if (line.to() - line.from() < TIME.length + 20
                || !Arrays.equals(line.bytes(), line.from(), start, TIME, 0, TIME.length)) {
            return null;
        }
        for (int i = start; i < line.to(); i++) {
            if (line.bytes()[i] == '"') {
                try {
                    return Instant.parse(new String(line.bytes(), start, i - start, StandardCharsets.US_ASCII));
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static HistoryCache.Entry decode(Path file, Line line, ObjectMapper mapper) {
        try {
            Change change = decode(line, mapper);
            if (change == null || change.time() == null || change.host() == null || change.to() == null) {
                return new HistoryCache.Entry(null, file + " at byte " + line.offset()
                        + ": not a change (time, host or new state missing); skipped", null, line.offset());
            }
            return HistoryCache.Entry.of(change, line.offset());
        } catch (IOException e) {
            String why = line.last() ? "incomplete last line, a run was interrupted while writing it" : "not valid JSON";
            return new HistoryCache.Entry(null, file + " at byte " + line.offset() + ": " + why + "; skipped", null,
                    line.offset());
        }
    }

    /** The bytes decoded directly; a line with malformed UTF-8 is read as text with U+FFFD instead, as by read(). */
    private static Change decode(Line line, ObjectMapper mapper) throws IOException {
        int length = line.to() - line.from();
        try {
            return mapper.readValue(line.bytes(), line.from(), length, Change.class);
        } catch (IOException malformed) {
            return mapper.readValue(new String(line.bytes(), line.from(), length, StandardCharsets.UTF_8), Change.class);
        }
    }

    private static boolean isBlank(Line line) {
        for (int i = line.from(); i < line.to(); i++) {
            byte b = line.bytes()[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

}
