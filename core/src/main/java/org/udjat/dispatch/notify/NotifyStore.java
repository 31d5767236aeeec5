package org.udjat.dispatch.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.udjat.record.AtomicFiles;
import org.udjat.record.AsideFiles;
import org.udjat.record.IoReason;
import org.udjat.record.Json;
import org.udjat.record.JsonFile;
import org.udjat.record.StateDir;

/**
 * Keeps {@code notify.json}, the policy's memory, in the state directory. {@link #save} writes it
 * atomically; {@link #load} never fails: a missing file is a first run, and a file that cannot be
 * read as such memory is set aside as {@code notify.json.corrupt-<time>} (evidence is never deleted)
 * and reported, and the policy starts afresh. Call under the cycle lock.
 */
public final class NotifyStore {
    static final String FILE = "notify.json";

    private final StateDir dir;
    private final ObjectMapper mapper = Json.mapper();

    /** A store over {@code notify.json} of {@code dir}. */
    public NotifyStore(StateDir dir) {
        this.dir = dir;
    }

    /**
     * What {@link #load} found.
     *
     * @param state    the memory to continue from; {@link NotifyState#EMPTY} on a first run or after a bad file
     * @param warnings what an operator should know (a file set aside), empty when all was well
     */
    public record Loaded(NotifyState state, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /** {@code notify.json} in the state directory. */
    public Path file() {
        return dir.path().resolve(FILE);
    }

    /** Reads the memory; see the class comment for bad files. */
    public Loaded load() {
        Path file = file();
        JsonFile.Read<NotifyState> read = JsonFile.read(file, mapper, NotifyState.class);
        if (read.cannotRead() != null) {
            return new Loaded(NotifyState.EMPTY, List.of(file + ": cannot be read (" + read.cannotRead()
                    + "); notifications start afresh"));
        }
        if (read.unreadable() != null) {
            return new Loaded(NotifyState.EMPTY, List.of(file + ": unreadable (" + read.unreadable() + "); "
                    + setAside(file) + "; notifications start afresh: problems announced before will get no recovery"
                    + " message"));
        }
        return new Loaded(read.value() == null ? NotifyState.EMPTY : read.value(), List.of());
    }

    /**
     * Writes the memory atomically.
     *
     * @throws IOException naming the file; the previous content is then untouched
     */
    public void save(NotifyState state) throws IOException {
        AtomicFiles.write(file(), mapper.writeValueAsBytes(state));
    }

    private String setAside(Path file) {
        try {
            return "set aside as " + AsideFiles.setAside(file, "corrupt", dir.clock().instant()).getFileName();
        } catch (IOException e) {
            return "could not be set aside (" + IoReason.of(e) + ")";
        }
    }
}
