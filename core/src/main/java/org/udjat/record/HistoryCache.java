package org.udjat.record;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.Flip;
import org.udjat.evaluate.Recheck;
import org.udjat.evaluate.StateType;

/**
 * The recent lines of {@code history.jsonl} as already decoded, in a compact binary file beside it
 * ({@code history.cache}), so a report decodes only the lines appended since the previous one instead
 * of a month of JSON every cycle.
 *
 * <p>The cache says how far into the history it goes (a byte offset at the end of a whole line), the
 * bytes just before that offset and the cutoff it was read back to. It is used only when the history
 * still holds those bytes at that offset (so a history that was replaced, cut or rotated is read again
 * from the file) and the cutoff asked for is not earlier. It is a cache and nothing more: a missing,
 * damaged (a checksum covers it) or outdated one is ignored and written anew, and deleting it is always
 * safe. Strings are stored once each (host, check and state names repeat on most lines) and shared by
 * the changes read back. Stateless.
 */
final class HistoryCache {
    private static final long MAGIC = 0x5544_4a41_5448_4331L; // "UDJATHC1"
    private static final int VERSION = 1;
    /** Bytes of the history kept to recognise it: the end of the last line the cache holds. */
    static final int TAIL = 256;

    private HistoryCache() {
    }

    /**
     * A line of the history: a change, or a line that was skipped and why.
     *
     * @param change  the change, or null
     * @param problem why the line was skipped, or null
     * @param time    the change's time; for a skipped line the time of the change before it, so it is
     *                forgotten with that one
     * @param offset  where the line starts in the history, or -1 when read from the cache (not stored)
     */
    record Entry(Change change, String problem, Instant time, long offset) {
        static Entry of(Change change, long offset) {
            return new Entry(change, null, change.time(), offset);
        }
    }

    /**
     * What the cache holds.
     *
     * @param offset  the history's bytes {@code [0, offset)} are in it: whole lines only
     * @param tail    the last bytes of those, up to {@link #TAIL}
     * @param cutoff  lines before it were left out
     * @param entries the lines kept, oldest first
     */
    record Content(long offset, byte[] tail, Instant cutoff, List<Entry> entries) {

        /** Whether {@code history}, now {@code size} bytes long, still starts with what this was made from. */
        boolean continues(FileChannel history, long size) throws IOException {
            if (offset > size || offset < tail.length) {
                return false;
            }
            return Arrays.equals(tail, HistoryCache.tail(history, offset));
        }
    }

    /** The history's bytes just before {@code offset}, up to {@link #TAIL}. */
    static byte[] tail(FileChannel history, long offset) throws IOException {
        int length = (int) Math.min(TAIL, offset);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (history.read(buffer, offset - length + buffer.position()) < 0) {
                return new byte[0];
            }
        }
        return buffer.array();
    }

    /** The cache in {@code file}; empty when there is none or it cannot be used (damaged, another version). */
    static Optional<Content> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (bytes.length < 8 + 8) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Replaces the cache in {@code file} with {@code content}; not flushed to disk, as it can always be rebuilt. */
    static void write(Path file, Content content) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
        encode(content, new DataOutputStream(buffer));
        CRC32 crc = new CRC32();
        byte[] body = buffer.toByteArray();
        crc.update(body);
        byte[] all = Arrays.copyOf(body, body.length + 8);
        ByteBuffer.wrap(all, body.length, 8).putLong(crc.getValue());
        AtomicFiles.writeUnsynced(file, all);
    }

    private static void encode(Content content, DataOutputStream out) throws IOException {
        Strings strings = new Strings();
        ByteArrayOutputStream entries = new ByteArrayOutputStream(1 << 20);
        DataOutputStream e = new DataOutputStream(entries);
        e.writeInt(content.entries().size());
        for (Entry entry : content.entries()) {
            if (entry.change() != null) {
                e.writeByte(0);
                encode(entry.change(), strings, e);
            } else {
                e.writeByte(1);
                instant(entry.time(), e);
                strings.write(entry.problem(), e);
            }
        }
        e.flush();
        out.writeLong(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(content.offset());
        out.writeInt(content.tail().length);
        out.write(content.tail());
        instant(content.cutoff(), out);
        out.writeInt(strings.list.size());
        for (String s : strings.list) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
        entries.writeTo(out);
        out.flush();
    }

    private static void encode(Change c, Strings strings, DataOutputStream out) throws IOException {
        instant(c.time(), out);
        strings.write(c.host(), out);
        strings.write(c.check(), out);
        strings.write(c.from(), out);
        strings.write(c.to(), out);
        strings.write(c.summary(), out);
        strings.write(c.kind() == null ? null : c.kind().name(), out);
        strings.write(c.type() == null ? null : c.type().name(), out);
        out.writeInt(c.attempt());
        out.writeInt(c.attempts());
        out.writeBoolean(c.unstable());
        strings.write(c.suppressedBy(), out);
        out.writeInt(c.suppressedCount());
        out.writeInt(c.rechecks().size());
        for (Recheck r : c.rechecks()) {
            strings.write(r.target(), out);
            strings.write(r.before(), out);
            strings.write(r.after(), out);
        }
        out.writeBoolean(c.previousDuration() != null);
        if (c.previousDuration() != null) {
            out.writeLong(c.previousDuration().getSeconds());
            out.writeInt(c.previousDuration().getNano());
        }
        out.writeInt(c.recent().size());
        for (Flip f : c.recent()) {
            instant(f.time(), out);
            strings.write(f.state(), out);
        }
    }

    private static Content decode(DataInputStream in) throws IOException {
        if (in.readLong() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a history cache of this version");
        }
        long offset = in.readLong();
        byte[] tail = new byte[count(in, TAIL)];
        in.readFully(tail);
        Instant cutoff = instant(in);
        String[] strings = new String[count(in, Integer.MAX_VALUE)];
        byte[] utf8 = new byte[256];
        for (int i = 0; i < strings.length; i++) {
            int length = count(in, Integer.MAX_VALUE);
            if (utf8.length < length) {
                utf8 = new byte[Math.max(length, utf8.length * 2)];
            }
            in.readFully(utf8, 0, length);
            strings[i] = new String(utf8, 0, length, StandardCharsets.UTF_8);
        }
        int n = count(in, Integer.MAX_VALUE);
        List<Entry> entries = new ArrayList<>(Math.min(n, 1 << 20));
        for (int i = 0; i < n; i++) {
            byte tag = in.readByte();
            if (tag == 0) {
                entries.add(Entry.of(change(in, strings), -1));
            } else if (tag == 1) {
                Instant time = instant(in);
                entries.add(new Entry(null, string(in, strings), time, -1));
            } else {
                throw new IOException("damaged");
            }
        }
        if (in.read() != -1) {
            throw new IOException("damaged: bytes after the end");
        }
        return new Content(offset, tail, cutoff, entries);
    }

    private static Change change(DataInputStream in, String[] strings) throws IOException {
        Instant time = instant(in);
        String host = string(in, strings);
        String check = string(in, strings);
        String from = string(in, strings);
        String to = string(in, strings);
        String summary = string(in, strings);
        String kind = string(in, strings);
        String type = string(in, strings);
        int attempt = in.readInt();
        int attempts = in.readInt();
        boolean unstable = in.readBoolean();
        String suppressedBy = string(in, strings);
        int suppressedCount = in.readInt();
        int rechecks = count(in, 1 << 16);
        List<Recheck> rechecked = new ArrayList<>(rechecks);
        for (int i = 0; i < rechecks; i++) {
            rechecked.add(new Recheck(string(in, strings), string(in, strings), string(in, strings)));
        }
        Duration previous = in.readBoolean() ? Duration.ofSeconds(in.readLong(), in.readInt()) : null;
        int flips = count(in, 1 << 16);
        List<Flip> recent = new ArrayList<>(flips);
        for (int i = 0; i < flips; i++) {
            recent.add(new Flip(instant(in), string(in, strings)));
        }
        if (time == null || host == null || to == null) {
            throw new IOException("damaged: a change without time, host or state");
        }
        return new Change(time, host, check, from, to, summary, kind == null ? null : ChangeKind.valueOf(kind),
                type == null ? null : StateType.valueOf(type), attempt, attempts, unstable, suppressedBy,
                suppressedCount, rechecked, previous, recent);
    }

    private static int count(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("damaged: a count of " + n);
        }
        return n;
    }

    private static String string(DataInputStream in, String[] strings) throws IOException {
        int i = in.readInt();
        if (i == -1) {
            return null;
        }
        if (i < 0 || i >= strings.length) {
            throw new EOFException("damaged: string " + i + " of " + strings.length);
        }
        return strings[i];
    }

    private static void instant(Instant t, DataOutputStream out) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    /** Each distinct string once, by its index in order of first use. */
    private static final class Strings {
        final List<String> list = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();

        void write(String s, DataOutputStream out) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer i = index.get(s);
            if (i == null) {
                i = list.size();
                list.add(s);
                index.put(s, i);
            }
            out.writeInt(i);
        }
    }
}
