package org.udjat.record.rrd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rrd4j.core.RrdBackend;
import org.rrd4j.core.RrdBackendException;
import org.rrd4j.core.RrdFileBackend;

/**
 * An RRD file read and written in place, a page at a time, that never reads or writes past the
 * file's end.
 *
 * <p>RRD4J reads and writes a file one small value at a time: about 90 reads and 90 writes for one
 * update of a file with 12 archives. Here a read loads the 4 KiB page around it once, writes change
 * the page in memory, and {@link #close()} writes each changed range back with one positional write:
 * about 15 reads and 15 writes per update. A failed write is an {@link IOException} from close.
 *
 * <p>RRD4J's own file backends either map the file into memory (a full disk then shows up as a
 * SIGBUS-turned-{@code InternalError} at a later write, not as an I/O error) or write past the end of
 * a truncated file, quietly growing it. Here an access beyond the length the file had when opened
 * (or was given at creation) is refused as a sign of a damaged file. Not thread-safe; one per open RRD.
 */
final class BoundedFileBackend extends RrdBackend implements RrdFileBackend {
    private static final int PAGE = 4096;

    private final FileChannel channel;
    private final boolean readOnly;
    private final Map<Long, Page> pages = new TreeMap<>();
    private long length;
    /** True for a file being created: its pages are all new, nothing needs reading. */
    private boolean created;

    /** A page of the file and the range of it changed in memory, if any. */
    private static final class Page {
        final byte[] bytes;
        int dirtyFrom = Integer.MAX_VALUE;
        int dirtyTo = -1;

        Page(int size) {
            bytes = new byte[size];
        }
    }

    BoundedFileBackend(String path, boolean readOnly) throws IOException {
        super(path);
        Set<StandardOpenOption> options = readOnly ? EnumSet.of(StandardOpenOption.READ)
                : EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        this.channel = FileChannel.open(Path.of(path), options);
        this.readOnly = readOnly;
        this.length = channel.size();
    }

    @Override
    protected void write(long offset, byte[] b) throws IOException {
        check(offset, b.length, "write");
        int done = 0;
        while (done < b.length) {
            long at = offset + done;
            Page page = page(at / PAGE, true);
            int in = (int) (at % PAGE);
            int n = Math.min(b.length - done, page.bytes.length - in);
            System.arraycopy(b, done, page.bytes, in, n);
            page.dirtyFrom = Math.min(page.dirtyFrom, in);
            page.dirtyTo = Math.max(page.dirtyTo, in + n);
            done += n;
        }
    }

    @Override
    protected void read(long offset, byte[] b) throws IOException {
        check(offset, b.length, "read");
        int done = 0;
        while (done < b.length) {
            long at = offset + done;
            Page page = page(at / PAGE, false);
            int in = (int) (at % PAGE);
            int n = Math.min(b.length - done, page.bytes.length - in);
            System.arraycopy(page.bytes, in, b, done, n);
            done += n;
        }
    }

    private Page page(long index, boolean forWrite) throws IOException {
        Page page = pages.get(index);
        if (page == null) {
            long start = index * PAGE;
            page = new Page((int) Math.min(PAGE, length - start));
            ByteBuffer buffer = ByteBuffer.wrap(page.bytes);
            long position = start;
            while (!created && buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break; // a new file being filled, or a file shortened while open: the rest stays zero
                }
                position += n;
            }
            pages.put(index, page);
        }
        if (forWrite && readOnly) {
            throw new RrdBackendException(getPath() + " is open read-only");
        }
        return page;
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

    /** Called once, when the file is created; every byte of it is written before it is closed. */
    @Override
    protected void setLength(long newLength) throws IOException {
        channel.truncate(newLength);
        pages.clear();
        length = newLength;
        created = true;
    }

    /** Writes the changed ranges back, adjacent ones together, then closes the file. */
    @Override
    protected void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }

    private void flush() throws IOException {
        List<ByteBuffer> run = new ArrayList<>();
        long runStart = -1;
        long runEnd = -1;
        for (Map.Entry<Long, Page> e : pages.entrySet()) {
            Page page = e.getValue();
            if (page.dirtyTo < 0) {
                continue;
            }
            long from = e.getKey() * PAGE + page.dirtyFrom;
            if (from != runEnd) {
                writeRun(runStart, run);
                run.clear();
                runStart = from;
            }
            run.add(ByteBuffer.wrap(page.bytes, page.dirtyFrom, page.dirtyTo - page.dirtyFrom));
            runEnd = e.getKey() * PAGE + page.dirtyTo;
            page.dirtyFrom = Integer.MAX_VALUE;
            page.dirtyTo = -1;
        }
        writeRun(runStart, run);
    }

    /** One gathering write of adjacent changed ranges (all pages of a new file, or one range of an update). */
    private void writeRun(long start, List<ByteBuffer> run) throws IOException {
        if (run.isEmpty()) {
            return;
        }
        if (run.size() == 1) {
            ByteBuffer b = run.get(0);
            long position = start;
            while (b.hasRemaining()) {
                position += channel.write(b, position);
            }
            return;
        }
        ByteBuffer[] buffers = run.toArray(new ByteBuffer[0]);
        channel.position(start);
        long total = run.stream().mapToLong(ByteBuffer::remaining).sum();
        for (long written = 0; written < total; ) {
            written += channel.write(buffers);
        }
    }

    @Override
    public String getCanonicalPath() {
        return Path.of(getPath()).toAbsolutePath().normalize().toString();
    }
}
