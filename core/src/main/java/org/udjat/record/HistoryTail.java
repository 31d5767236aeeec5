package org.udjat.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.udjat.evaluate.Change;

/**
 * Reads the recent end of {@code history.jsonl}: backwards from the end of the file, one chunk at a time,
 * to the first line older than a cutoff. The time of a line is read from its beginning
 * ({@code {"time":"...",}, as udjat writes it) without decoding the rest, so only the lines kept are
 * decoded, in parallel. Stateless.
 */
final class HistoryTail {
    private static final int CHUNK = 64 * 1024;
    private static final byte[] TIME = "{\"time\":\"".getBytes(StandardCharsets.US_ASCII);

    private HistoryTail() {
    }

    /** The changes kept, oldest first, and the lines skipped, in the order they were met (newest first). */
    record Read(List<Change> changes, List<String> warnings) {
    }

    /** One line found: {@code bytes[from, to)}, at {@code offset} in the file. */
    private record Line(byte[] bytes, int from, int to, long offset, boolean last) {
    }

    /** A decoded line, or why it was skipped. */
    private record Decoded(Change change, String problem) {
    }

    static Read read(Path file, Instant cutoff, ObjectMapper mapper) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = channel.size();
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
        }
        List<Decoded> decoded = lines.parallelStream().map(l -> decode(file, l, mapper)).toList();
        List<Change> changes = new ArrayList<>(decoded.size());
        List<String> warnings = new ArrayList<>();
        for (Decoded d : decoded) {
            if (d.change() != null && !d.change().time().isBefore(cutoff)) {
                changes.add(d.change());
            } else if (d.problem() != null) {
                warnings.add(d.problem());
            }
        }
        Collections.reverse(changes);
        return new Read(changes, warnings);
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

    private static Decoded decode(Path file, Line line, ObjectMapper mapper) {
        try {
            Change change = decode(line, mapper);
            if (change == null || change.time() == null || change.host() == null || change.to() == null) {
                return new Decoded(null, file + " at byte " + line.offset()
                        + ": not a change (time, host or new state missing); skipped");
            }
            return new Decoded(change, null);
        } catch (IOException e) {
            String why = line.last() ? "incomplete last line, a run was interrupted while writing it" : "not valid JSON";
            return new Decoded(null, file + " at byte " + line.offset() + ": " + why + "; skipped");
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
