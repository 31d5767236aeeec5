package org.udjat.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * One state directory: all the memory udjat keeps between cycles, and the paths of its files.
 *
 * <p>Several pollers may each have their own directory, so nothing here is global: every stage
 * that reads or writes state is given a {@code StateDir}. Opening creates the directory if needed
 * and proves it writable, so a misconfigured path fails before anything is polled. Immutable and
 * thread-safe; the files themselves are guarded by {@link #lock()}.
 */
public final class StateDir {
    private static final String PROBE = ".udjat-write-probe";

    private final Path dir;
    private final Clock clock;

    private StateDir(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Opens {@code dir} with the system clock; see {@link #open(Path, Clock)}. */
    public static StateDir open(Path dir) throws StateDirException {
        return open(dir, Clock.systemDefaultZone());
    }

    /**
     * Opens a state directory, creating it and its parents when missing.
     *
     * @param clock the time used for lock records and for naming set-aside files
     * @throws StateDirException e.g. {@code state directory /x: not writable (permission denied)}
     */
    public static StateDir open(Path dir, Clock clock) throws StateDirException {
        Objects.requireNonNull(clock, "clock");
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new StateDirException("state directory " + absolute + ": exists but is not a directory", null);
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new StateDirException("state directory " + absolute + ": cannot be created (" + IoReason.of(e) + ")", e);
        }
        probeWritable(absolute);
        return new StateDir(absolute, clock);
    }

    /**
     * Permission bits do not tell the whole story (read-only mounts, root, ACLs): try it. The probe's name is
     * this process's and thread's own, so a command opening the directory while a cycle does never deletes the
     * other's probe.
     */
    private static void probeWritable(Path dir) throws StateDirException {
        Path probe = dir.resolve(PROBE + "-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
        try {
            Files.write(probe, new byte[0]);
            Files.delete(probe);
        } catch (IOException e) {
            throw new StateDirException("state directory " + dir + ": not writable (" + IoReason.of(e) + ")", e);
        }
    }

    /**
     * Takes the cycle lock without waiting.
     *
     * @throws LockHeldException when another run (or this process) holds it; the message says who
     * @throws IOException       when the lock file cannot be opened or written
     */
    public CycleLock lock() throws IOException {
        return CycleLock.acquire(lockFile(), clock);
    }

    /** The directory itself, absolute. */
    public Path path() {
        return dir;
    }

    /** The clock this directory was opened with. */
    public Clock clock() {
        return clock;
    }

    /** {@code udjat.lock}: held for the whole cycle. */
    public Path lockFile() {
        return dir.resolve("udjat.lock");
    }

    /** {@code status.json}: every host's and check's current state. */
    public Path statusFile() {
        return dir.resolve("status.json");
    }

    /** {@code status.json.bak}: the previous status, used when {@code status.json} is unreadable. */
    public Path statusBackup() {
        return dir.resolve("status.json.bak");
    }

    /** {@code history.jsonl}: one line per change, append-only. */
    public Path historyFile() {
        return dir.resolve("history.jsonl");
    }

    /** {@code history.cache}: the recent lines of the history as the report decoded them; safe to delete. */
    public Path historyCache() {
        return dir.resolve("history.cache");
    }

    /** {@code notifications.jsonl}: one line per delivered notification, append-only. */
    public Path notificationsFile() {
        return dir.resolve("notifications.jsonl");
    }

    /** {@code outbox/}: notifications not yet delivered (not created here). */
    public Path outboxDir() {
        return dir.resolve("outbox");
    }

    /** {@code rrd/}: one RRD file per measured value (not created here). */
    public Path rrdDir() {
        return dir.resolve("rrd");
    }

    /** {@code www/}: the static report (not created here). */
    public Path wwwDir() {
        return dir.resolve("www");
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
