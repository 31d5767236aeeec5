package org.udjat.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive lock on {@code udjat.lock}, held for a whole cycle so two runs never share a state
 * directory. Obtained with {@link StateDir#lock()}, which never waits; released by {@link #close()}
 * or, if the process dies, by the OS, so a lock file left by a killed run never blocks.
 *
 * <p>While held, the file says who holds it ({@link LockHolder}); on a clean release it is
 * emptied, so content found when acquiring means the previous run did not finish
 * ({@link #previousHolder()}). The file is never deleted: deleting a lock file lets two runs lock
 * two different files.
 *
 * <p>Nothing else in the process may open {@code udjat.lock}: on Linux, closing any descriptor of
 * the file releases every lock this process holds on it. That is also why locks held by this
 * process are remembered here, per file: a second attempt is refused before it opens the file.
 */
public final class CycleLock implements AutoCloseable {
    /** Mirrors the OS, whose locks belong to the process, not to an object. */
    private static final Map<Path, LockHolder> HELD_BY_THIS_PROCESS = new ConcurrentHashMap<>();
    private static final int MAX_LOCK_FILE = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final LockHolder holder;
    private final LockHolder previous;

    private CycleLock(Path file, FileChannel channel, FileLock lock, LockHolder holder, LockHolder previous) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
        this.previous = previous;
    }

    static CycleLock acquire(Path lockFile, Clock clock) throws IOException {
        // the real path, so two spellings of one directory (symlinks, "..") are one lock here too
        Path file = lockFile.toAbsolutePath().getParent().toRealPath().resolve(lockFile.getFileName());
        LockHolder me = LockHolder.current(clock);
        LockHolder already = HELD_BY_THIS_PROCESS.putIfAbsent(file, me);
        if (already != null) {
            throw LockHeldException.byThisProcess(file, already, clock);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            ObjectMapper mapper = Json.mapper();
            FileLock lock = tryLock(channel);
            Optional<LockHolder> found = LockHolder.parse(mapper, readAll(channel));
            if (lock == null) {
                throw LockHeldException.byAnotherRun(file, found, clock);
            }
            writeHolder(channel, mapper, me);
            return new CycleLock(file, channel, lock, me, found.orElse(null));
        } catch (LockHeldException e) {
            release(file, channel, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            release(file, channel, e);
            throw new IOException("cannot lock " + file + ": " + reason(e), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException lockedElsewhereInThisProcess) {
            // locked through another channel of this JVM, outside CycleLock: held all the same
            return null;
        }
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), MAX_LOCK_FILE));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // positional reads until full or at the end of the file
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static void writeHolder(FileChannel channel, ObjectMapper mapper, LockHolder me) throws IOException {
        byte[] bytes = mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(me);
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length + 1).put(bytes).put((byte) '\n').flip();
        channel.position(0);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }

    private static String reason(Exception e) {
        return e instanceof IOException io ? IoReason.of(io) : String.valueOf(e.getMessage());
    }

    private static void release(Path file, FileChannel channel, Exception cause) {
        HELD_BY_THIS_PROCESS.remove(file);
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** This process, as written into the lock file. */
    public LockHolder holder() {
        return holder;
    }

    /** The holder found in the lock file when it was taken: a run that ended without releasing it. */
    public Optional<LockHolder> previousHolder() {
        return Optional.ofNullable(previous);
    }

    /**
     * Empties the lock file and releases the lock. Idempotent.
     *
     * @throws IOException when the file cannot be emptied; the lock is released all the same
     */
    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            channel.force(true);
        } finally {
            try {
                lock.release();
                channel.close();
            } finally {
                HELD_BY_THIS_PROCESS.remove(file);
            }
        }
    }
}
