package org.udjat.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes whole files so that a reader, or the next run after a crash or power loss, sees either
 * the old content or the new one, never a mix.
 *
 * <p>The data goes to {@code .<name>.tmp} in the same directory, is flushed to disk, then renamed
 * over the target, and the directory is flushed so the rename itself survives a power loss. The
 * temporary name is fixed, so a leftover from a crash is simply overwritten by the next write.
 * Callers must not write the same target from two threads at once (the cycle lock already
 * ensures one run at a time).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code data}.
     *
     * @throws IOException naming the target and the reason; the old content of the target is then
     *                     untouched and no temporary file is left behind (unless it cannot be deleted)
     */
    public static void write(Path target, byte[] data) throws IOException {
        write(target, data, true);
    }

    /**
     * Replaces {@code target} with {@code data} like {@link #write}, without flushing anything to disk:
     * readers still see the old content or the new one, never a mix, but after a power loss the file
     * may hold the old content (or, on some file systems, be empty). Only for files that are rebuilt
     * when lost or stale, such as rendered graphs, of which one cycle may write thousands: two disk
     * flushes each would cost minutes.
     *
     * @throws IOException as {@link #write} does
     */
    public static void writeUnsynced(Path target, byte[] data) throws IOException {
        write(target, data, false);
    }

    private static void write(Path target, byte[] data, boolean sync) throws IOException {
        Path dir = directoryOf(target);
        Path temp = temporaryFor(target);
        try {
            writeTemporary(temp, data, sync);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new IOException("cannot write " + target + ": " + IoReason.of(e), e);
        }
        if (sync) {
            forceDirectory(dir);
        }
    }

    /**
     * Replaces {@code target} with {@code data} for files that are rewritten every cycle and cheap to lose,
     * such as the report's pages: a reader that opens the file by name sees either the old content or the
     * new one, never a mix, but nothing is flushed to disk, so after a power loss the file may hold an older
     * version or none.
     *
     * <p>It reuses disk blocks instead of allocating new ones and freeing the old: the previous version
     * is kept as the spare {@code .<name>.tmp}, the new content is written over the spare, the spare is
     * renamed over the target, and the version it replaces becomes the next spare (through a hard link
     * {@code .<name>.old}). Replacing a file by rename frees its blocks, which costs about 1 ms a file on
     * ext4 mounted with {@code discard}; this costs a tenth of that. The price: each file is kept twice, and
     * a reader that keeps a file open for as long as two rewrites take could see the second one change it.
     * Where hard links are not supported, the spare is simply renamed over the target each time.
     *
     * @throws IOException naming the target and the reason; the old content of the target is then untouched
     */
    public static void rewrite(Path target, byte[] data) throws IOException {
        Path spare = temporaryFor(target);
        Path previous = target.resolveSibling("." + target.getFileName() + ".old");
        try {
            writeOver(spare, data);
            if (!Files.exists(target)) {
                Files.move(spare, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            Files.deleteIfExists(previous);
            if (!link(previous, target)) {
                Files.move(spare, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            Files.move(spare, target, StandardCopyOption.ATOMIC_MOVE);
            Files.move(previous, spare, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + IoReason.of(e), e);
        }
    }

    /** Writes {@code data} over the file's own blocks, growing or cutting it to size. */
    private static void writeOver(Path file, byte[] data) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.truncate(data.length);
        }
    }

    /** Makes {@code link} a second name of {@code existing}; false where the file system has no hard links. */
    private static boolean link(Path link, Path existing) throws IOException {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        } catch (FileSystemException e) {
            if (e instanceof FileAlreadyExistsException || e instanceof NoSuchFileException) {
                throw e;
            }
            return false;
        }
    }

    /** The temporary file a write to {@code target} goes through. */
    static Path temporaryFor(Path target) {
        return directoryOf(target).resolve("." + target.getFileName() + ".tmp");
    }

    /**
     * Flushes a directory's entries (creations, renames) to disk. Some file systems and
     * platforms cannot open a directory for this; there is nothing better to do there.
     */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            // best effort by design: the data itself was already forced
        }
    }

    private static Path directoryOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new IllegalArgumentException("not a file path: " + target);
        }
        return parent;
    }

    private static void writeTemporary(Path temp, byte[] data, boolean force) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force) {
                channel.force(true);
            }
        }
    }

    private static void deleteQuietly(Path temp, IOException cause) {
        try {
            if (!Files.isDirectory(temp)) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
