package org.udjat.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
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
        Path dir = directoryOf(target);
        Path temp = temporaryFor(target);
        try {
            writeAndForce(temp, data);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new IOException("cannot write " + target + ": " + IoReason.of(e), e);
        }
        forceDirectory(dir);
    }

    /**
     * Replaces {@code target} with {@code data} like {@link #write}, through the same temporary file and
     * rename, but without flushing anything to disk: a reader still sees either the old content or the
     * new one, never a mix, but after a crash or power loss the file may hold its old content, or none.
     * For files that are rewritten every cycle and cheap to lose, such as the report's pages, where a
     * flush per file would cost more than making them (about 1 ms each on ext4).
     *
     * @throws IOException naming the target and the reason; the old content of the target is then untouched
     */
    public static void replace(Path target, byte[] data) throws IOException {
        Path temp = temporaryFor(target);
        try {
            Files.write(temp, data);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new IOException("cannot write " + target + ": " + IoReason.of(e), e);
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

    private static void writeAndForce(Path temp, byte[] data) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
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
