package org.udjat.dispatch.remedy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.udjat.record.AsideFiles;
import org.udjat.record.AtomicFiles;
import org.udjat.record.IoReason;
import org.udjat.record.Json;
import org.udjat.record.JsonFile;
import org.udjat.record.StateDir;

/**
 * Keeps {@code remediation.json}, the engine's memory, in the state directory. {@link #save} writes it
 * atomically. {@link #load} never fails, but a file that exists and cannot be read is never taken as
 * "no actions so far": that would silently reset the sliding windows. It is set aside as
 * {@code remediation.json.corrupt-<time>} (evidence is never deleted), reported, and the memory comes
 * back {@link RemedyState#blocked() blocked}: nothing is done automatically until a human resets it
 * ({@code udjat remediate reset}). Call under the cycle lock; the command line only reads it.
 */
public final class RemedyStore {
    /** The file's name in the state directory. */
    public static final String FILE = "remediation.json";

    private final StateDir dir;
    private final ObjectMapper mapper = Json.mapper();

    /** A store over {@code remediation.json} of {@code dir}. */
    public RemedyStore(StateDir dir) {
        this.dir = dir;
    }

    /**
     * What {@link #load} found.
     *
     * @param state    the memory to continue from
     * @param warnings what an operator should know (a file set aside), empty when all was well
     */
    public record Loaded(RemedyState state, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /** {@code remediation.json} in the state directory. */
    public Path file() {
        return dir.path().resolve(FILE);
    }

    /** Reads the memory; see the class comment for bad files. */
    public Loaded load() {
        Path file = file();
        JsonFile.Read<RemedyState> read = JsonFile.read(file, mapper, RemedyState.class);
        if (read.cannotRead() != null) {
            return blocked(file + ": cannot be read (" + read.cannotRead() + ")");
        }
        if (read.unreadable() != null) {
            return blocked(file + ": unreadable (" + read.unreadable() + "); " + setAside(file));
        }
        return new Loaded(read.value() == null ? RemedyState.EMPTY : read.value(), List.of());
    }

    /** Only reads, never sets aside: for the command line, which must not touch the cycle's files. */
    public RemedyState peek() throws IOException {
        JsonFile.Read<RemedyState> read = JsonFile.read(file(), mapper, RemedyState.class);
        if (read.cannotRead() != null) {
            throw new IOException(file() + ": cannot be read (" + read.cannotRead() + ")");
        }
        if (read.unreadable() != null) {
            throw new IOException(file() + ": unreadable (" + read.unreadable() + ")");
        }
        return read.value() == null ? RemedyState.EMPTY : read.value();
    }

    private Loaded blocked(String what) {
        String reason = what + "; the actions on record are unknown, so no remediation is done automatically "
                + "until a human has looked and run: udjat remediate reset";
        return new Loaded(new RemedyState(0, List.of(), null, List.of(),
                new RemedyState.Blocked(dir.clock().instant(), reason)), List.of(reason));
    }

    /**
     * Writes the memory atomically.
     *
     * @throws IOException naming the file; the previous content is then untouched
     */
    public void save(RemedyState state) throws IOException {
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
