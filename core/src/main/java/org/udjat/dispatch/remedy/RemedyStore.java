package org.udjat.dispatch.remedy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.udjat.record.AtomicFiles;
import org.udjat.record.IoReason;
import org.udjat.record.Json;
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
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

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
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(RemedyState.EMPTY, List.of());
        } catch (IOException e) {
            return blocked(file + ": cannot be read (" + IoReason.of(e) + ")");
        }
        try {
            RemedyState state = mapper.readValue(content, RemedyState.class);
            if (state == null) {
                throw new IOException("the file holds null");
            }
            return new Loaded(state, List.of());
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            return blocked(file + ": unreadable (" + reason + "); " + setAside(file));
        }
    }

    /** Only reads, never sets aside: for the command line, which must not touch the cycle's files. */
    public RemedyState peek() throws IOException {
        try {
            RemedyState state = mapper.readValue(Files.readAllBytes(file()), RemedyState.class);
            return state == null ? RemedyState.EMPTY : state;
        } catch (NoSuchFileException e) {
            return RemedyState.EMPTY;
        } catch (RuntimeException e) {
            throw new IOException(file() + ": unreadable (" + e.getMessage() + ")", e);
        }
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
        String stamp = STAMP.format(dir.clock().instant());
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        for (int n = 1; Files.exists(aside); n++) {
            aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + "-" + n);
        }
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            return "set aside as " + aside.getFileName();
        } catch (IOException e) {
            return "could not be set aside (" + IoReason.of(e) + ")";
        }
    }
}
