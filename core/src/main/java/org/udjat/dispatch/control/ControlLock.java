package org.udjat.dispatch.control;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.udjat.record.IoReason;

/**
 * The lock on {@code control.lock} in the state directory, held by a command for the instant of one
 * read-modify-write of {@code duty.json}, {@code acks.json} or {@code downtime.json}, so two commands at
 * once never lose each other's change. It is not the cycle's lock: a command never waits for a cycle, and
 * the cycle only reads these files (each write is atomic, so it sees the old content or the new).
 *
 * <p>Inside one JVM the OS lock cannot tell threads apart (a second {@code lock()} throws), so threads
 * queue on a lock per file first; only the thread that got it opens the file. The file is never deleted.
 * Other command-line stores (remediation decisions) take the same kind of lock on a file of their own.
 */
public final class ControlLock implements AutoCloseable {
    /** How long a command waits for another command's write before it gives up. */
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 10;
    private static final Map<Path, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private ControlLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting at most {@link #WAIT} for another command to finish its write.
     *
     * @throws IOException when the file cannot be opened, or another command holds it for longer
     */
    public static ControlLock take(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        ReentrantLock local = IN_THIS_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            if (!local.tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(key);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + key, e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = waitFor(channel, deadline);
            if (lock == null) {
                throw busy(key);
            }
            return new ControlLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            if (e instanceof Busy) {
                throw e;
            }
            throw new IOException("cannot lock " + key + ": "
                    + (e instanceof IOException io ? IoReason.of(io) : String.valueOf(e)), e);
        }
    }

    /** The OS lock, or null when another process keeps it past the deadline. */
    private static FileLock waitFor(FileChannel channel, long deadline) throws IOException {
        FileLock lock = channel.tryLock();
        while (lock == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the lock", e);
            }
            lock = channel.tryLock();
        }
        return lock;
    }

    /** Another command holds the lock for too long. */
    private static final class Busy extends IOException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    private static IOException busy(Path file) {
        return new Busy("another udjat command has held " + file + " for more than "
                + WAIT.toSeconds() + "s; try again");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing more to do
            }
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
