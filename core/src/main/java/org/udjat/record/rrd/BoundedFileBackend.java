package org.udjat.record.rrd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import org.rrd4j.core.RrdBackend;
import org.rrd4j.core.RrdBackendException;
import org.rrd4j.core.RrdFileBackend;

/**
 * An RRD file read once and written back in place, a changed range at a time, never past its end.
 *
 * <p>RRD4J reads and writes a file one small value at a time: about 90 reads and 90 writes for one
 * update of a file with 12 archives. Here reads load the file 16 KiB at a time (about 6 reads per
 * update), writes change it in memory, and {@link #close()} writes back the changed range of each
 * 4 KiB page, adjacent ones together (about 8 writes), so only the pages that changed become dirty.
 * A failed write is an {@link IOException} from close.
 *
 * <p>RRD4J's own file backends either map the file into memory (a full disk then shows up as a
 * SIGBUS-turned-{@code InternalError} at a later write, not as an I/O error) or write past the end of
 * a truncated file, quietly growing it. Here an access beyond the length the file had when opened
 * (or was given at creation) is refused as a sign of a damaged file. The file must exist (a new one
 * is created empty by the caller first). Not thread-safe; one per open RRD.
 */
final class BoundedFileBackend extends RrdBackend implements RrdFileBackend {
    private static final int PAGE = 4096;
    /** Reads of 16 KiB: a few per update, each cheap; the whole file would copy 120 KiB per update for nothing. */
    private static final int CHUNK = 4 * PAGE;
    /** One buffer per thread, reused from file to file: a cycle opens tens of thousands in turn. */
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    private final FileChannel channel;
    private long length;
    /** The file's bytes at their offsets, loaded a chunk at a time; a new file's are all written before close. */
    private byte[] bytes = new byte[0];
    private final BitSet loaded = new BitSet();
    private boolean created;
    /** Per page: the changed range [from, to) within the page, or from > to when unchanged. */
    private int[] dirtyFrom = new int[0];
    private int[] dirtyTo = new int[0];

    BoundedFileBackend(String path, boolean readOnly) throws IOException {
        super(path);
        this.channel = readOnly ? FileChannel.open(Path.of(path), StandardOpenOption.READ)
                : FileChannel.open(Path.of(path), StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.length = channel.size();
        allocate();
    }

    private void allocate() {
        byte[] spare = SPARE.get();
        if (spare != null && spare.length >= length) {
            SPARE.remove();
            bytes = spare;
        } else if (bytes.length < length) {
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length)];
        }
        int pages = (int) ((length + PAGE - 1) / PAGE);
        dirtyFrom = new int[pages];
        dirtyTo = new int[pages];
        Arrays.fill(dirtyFrom, PAGE);
    }

    @Override
    protected void write(long offset, byte[] b) throws IOException {
        check(offset, b.length, "write");
        load(offset, offset + b.length);
        System.arraycopy(b, 0, bytes, (int) offset, b.length);
        for (long at = offset; at < offset + b.length; at = (at / PAGE + 1) * PAGE) {
            int page = (int) (at / PAGE);
            int end = (int) Math.min(offset + b.length - (long) page * PAGE, PAGE);
            dirtyFrom[page] = Math.min(dirtyFrom[page], (int) (at % PAGE));
            dirtyTo[page] = Math.max(dirtyTo[page], end);
        }
    }

    @Override
    protected void read(long offset, byte[] b) throws IOException {
        check(offset, b.length, "read");
        load(offset, offset + b.length);
        System.arraycopy(bytes, (int) offset, b, 0, b.length);
    }

    /** Makes sure the chunks holding {@code [offset, end)} are in memory. */
    private void load(long offset, long end) throws IOException {
        if (created) {
            return;
        }
        for (int chunk = (int) (offset / CHUNK); (long) chunk * CHUNK < end; chunk++) {
            if (!loaded.get(chunk)) {
                loadChunk(chunk);
                loaded.set(chunk);
            }
        }
    }

    private void loadChunk(int chunk) throws IOException {
        long start = (long) chunk * CHUNK;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, (int) start, (int) (Math.min(length, start + CHUNK) - start));
        while (buffer.hasRemaining()) {
            // the array holds the file from its first byte: a buffer position is a file position
            if (channel.read(buffer, buffer.position()) < 0) {
                throw new RrdBackendException("the file ends at byte " + buffer.position() + " while it was read");
            }
        }
    }

    private void check(long offset, int count, String what) throws RrdBackendException {
        if (offset < 0 || offset + count > length) {
            throw new RrdBackendException("cannot " + what + " bytes " + offset + ".." + (offset + count)
                    + ": the file has " + length + " bytes");
        }
    }

    @Override
    public long getLength() {
        return length;
    }

    /** Called once, when the file is created: the whole file is written when it is closed. */
    @Override
    protected void setLength(long newLength) throws IOException {
        channel.truncate(newLength);
        length = newLength;
        allocate();
        Arrays.fill(bytes, 0, (int) length, (byte) 0);
        // written whole at close, so every block of the file is allocated now, none left a hole
        for (int page = 0; page < dirtyFrom.length; page++) {
            dirtyFrom[page] = 0;
            dirtyTo[page] = (int) Math.min(PAGE, length - (long) page * PAGE);
        }
        created = true;
    }

    /** Writes the changed ranges back, adjacent ones together, then closes the file. */
    @Override
    protected void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
            SPARE.set(bytes);
        }
    }

    private void flush() throws IOException {
        long runStart = -1;
        long runEnd = -1;
        for (int page = 0; page < dirtyFrom.length; page++) {
            if (dirtyFrom[page] >= dirtyTo[page]) {
                continue;
            }
            long from = (long) page * PAGE + dirtyFrom[page];
            if (from != runEnd) {
                writeRun(runStart, runEnd);
                runStart = from;
            }
            runEnd = (long) page * PAGE + dirtyTo[page];
            dirtyFrom[page] = PAGE;
            dirtyTo[page] = 0;
        }
        writeRun(runStart, runEnd);
    }

    private void writeRun(long start, long end) throws IOException {
        if (start < 0) {
            return;
        }
        ByteBuffer run = ByteBuffer.wrap(bytes, (int) start, (int) (end - start));
        while (run.hasRemaining()) {
            channel.write(run, run.position());
        }
    }

    @Override
    public String getCanonicalPath() {
        return Path.of(getPath()).toAbsolutePath().normalize().toString();
    }
}
