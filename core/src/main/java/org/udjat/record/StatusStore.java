package org.udjat.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.evaluate.Snapshot;

/**
 * Keeps {@code status.json} and its backup {@code status.json.bak}: the memory of every host's
 * and check's state from one cycle to the next.
 *
 * <p>{@link #save} never leaves a moment without a good status file: the current file is copied
 * to the backup (atomically) before the new status replaces it (atomically). {@link #load} never
 * fails on bad content: a corrupt file is set aside as {@code <name>.corrupt-<time>} (evidence
 * is never deleted), the backup is used instead, and what happened is reported. Call from one
 * thread at a time, under the cycle lock.
 */
public final class StatusStore {
    private static final Logger LOG = LoggerFactory.getLogger(StatusStore.class);

    private final StateDir dir;
    private final StatusCodec codec = new StatusCodec();

    /** A store over the status files of {@code dir}. */
    public StatusStore(StateDir dir) {
        this.dir = dir;
    }

    /**
     * What {@link #load} found.
     *
     * @param snapshot the status to continue from; empty on a first run or when nothing was usable
     * @param warnings what an operator should know (a file set aside, the backup used), already logged
     */
    public record LoadResult(Optional<Snapshot> snapshot, List<String> warnings) {
        public LoadResult {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Writes {@code snapshot} as the new status, keeping the previous good one as the backup.
     *
     * @throws IOException naming the file that could not be written; the files on disk are then
     *                     the ones from before the call, or the backup was refreshed and the status unchanged
     */
    public void save(Snapshot snapshot) throws IOException {
        byte[] content = codec.encode(snapshot);
        Path status = dir.statusFile();
        Optional<byte[]> current;
        try {
            current = readIfPresent(status);
        } catch (IOException e) {
            throw new IOException("cannot read " + status + " to back it up: " + IoReason.of(e), e);
        }
        if (current.isPresent()) {
            if (isGood(current.get())) {
                AtomicFiles.write(dir.statusBackup(), current.get());
            } else {
                // a corrupt file must neither replace the good backup nor vanish under the new one
                LOG.warn("{}: unreadable; {}", status, setAside(status));
            }
        }
        AtomicFiles.write(status, content);
    }

    /** Reads the status to continue from; see the class comment for what happens to bad files. */
    public LoadResult load() {
        List<String> warnings = new ArrayList<>();
        Path status = dir.statusFile();
        Path backup = dir.statusBackup();
        Optional<Snapshot> found = tryFile(status, warnings);
        if (found.isPresent()) {
            return new LoadResult(found, warnings);
        }
        boolean firstRun = warnings.isEmpty() && !Files.exists(backup);
        if (firstRun) {
            return new LoadResult(Optional.empty(), warnings);
        }
        if (warnings.isEmpty()) {
            warn(warnings, status + " is missing; using the backup " + backup);
        }
        found = tryFile(backup, warnings);
        if (found.isPresent()) {
            warn(warnings, "continuing from " + backup + ", written at " + found.get().cycleFinished());
        } else {
            warn(warnings, "no usable status in " + dir.path() + "; starting as on a first run (every state is new)");
        }
        return new LoadResult(found, warnings);
    }

    /** The snapshot in {@code file}; empty when missing, or when bad (then warned and set aside). */
    private Optional<Snapshot> tryFile(Path file, List<String> warnings) {
        Optional<byte[]> content;
        try {
            content = readIfPresent(file);
        } catch (IOException e) {
            warn(warnings, file + ": cannot be read (" + IoReason.of(e) + ")");
            return Optional.empty();
        }
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.decode(content.get()));
        } catch (StatusCodec.CorruptStatusException e) {
            warn(warnings, file + ": unreadable (" + e.getMessage() + "); " + setAside(file));
            return Optional.empty();
        }
    }

    private String setAside(Path file) {
        try {
            Path aside = AsideFiles.setAside(file, "corrupt", dir.clock().instant());
            AtomicFiles.forceDirectory(dir.path());
            return "set aside as " + aside.getFileName();
        } catch (IOException e) {
            return "could not be set aside (" + IoReason.of(e) + ")";
        }
    }

    private boolean isGood(byte[] content) {
        try {
            codec.decode(content);
            return true;
        } catch (StatusCodec.CorruptStatusException e) {
            return false;
        }
    }

    private static Optional<byte[]> readIfPresent(Path file) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static void warn(List<String> warnings, String warning) {
        LOG.warn(warning);
        warnings.add(warning);
    }
}
