package org.udjat.dispatch.control;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.record.AtomicFiles;
import org.udjat.record.AsideFiles;
import org.udjat.record.IoReason;
import org.udjat.record.Json;
import org.udjat.record.JsonFile;
import org.udjat.record.StateDir;

/**
 * One JSON file of the control stores, read and written whole. Reading never fails and never changes
 * anything: a missing file is the empty value, a bad one is reported and read as empty (the cycle only
 * reads). {@link #update} reads, changes and writes it atomically under {@link ControlLock}; a bad file
 * found there is set aside as {@code <name>.corrupt-<time>} (evidence is never deleted) before the new
 * content is written. Thread-safe.
 *
 * @param <T> the kind of value the file holds
 */
final class ControlFile<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ControlFile.class);
    /** The lock every control file shares, so one command's write never waits on the cycle's lock. */
    static final String LOCK = "control.lock";

    private final StateDir dir;
    private final Path file;
    private final JavaType type;
    private final T empty;
    private final ObjectMapper mapper = Json.mapper();

    ControlFile(StateDir dir, String name, Function<ObjectMapper, JavaType> type, T empty) {
        this.dir = dir;
        this.file = dir.path().resolve(name);
        this.type = type.apply(mapper);
        this.empty = empty;
    }

    Path file() {
        return file;
    }

    /**
     * The file's content, see the class comment; the empty value (null for a single value) when missing or bad.
     *
     * @param warnings gets what went wrong
     */
    T read(List<String> warnings) {
        try {
            return parse(warnings, false);
        } catch (IOException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /**
     * Reads, changes and writes the file, under the control lock.
     *
     * @param change the new content from the current one (the empty value when missing or set aside); not null
     * @return the warnings of the read (a bad file set aside)
     * @throws IOException when the lock cannot be taken or the file cannot be written; the file is then unchanged
     */
    List<String> update(Function<T, T> change) throws IOException {
        try (ControlLock lock = ControlLock.take(dir.path().resolve(LOCK))) {
            List<String> warnings = new ArrayList<>();
            T current = parse(warnings, true);
            AtomicFiles.write(file, mapper.writeValueAsBytes(change.apply(current)));
            return warnings;
        }
    }

    /** @throws IOException only when {@code setAside} and a bad file cannot be moved out of the way */
    private T parse(List<String> warnings, boolean setAside) throws IOException {
        JsonFile.Read<T> read = JsonFile.read(file, mapper, type);
        if (read.cannotRead() != null) {
            warn(warnings, file + ": cannot be read (" + read.cannotRead() + "); taken as empty");
            return empty;
        }
        if (read.unreadable() == null) {
            return read.value() == null ? empty : read.value();
        }
        String reason = file + ": unreadable (" + read.unreadable() + ")";
        warn(warnings, reason + "; " + (setAside ? "set aside as " + setAside(reason).getFileName()
                : "taken as empty until the next change sets it aside"));
        return empty;
    }

    /** Moves the bad file out of the way; if that fails, nothing may be written over it. */
    private Path setAside(String reason) throws IOException {
        try {
            return AsideFiles.setAside(file, "corrupt", dir.clock().instant());
        } catch (IOException e) {
            throw new IOException(reason + " and cannot be set aside (" + IoReason.of(e) + "); nothing was changed", e);
        }
    }

    private static void warn(List<String> warnings, String warning) {
        LOG.warn(warning);
        warnings.add(warning);
    }
}
