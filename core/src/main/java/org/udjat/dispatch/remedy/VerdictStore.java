package org.udjat.dispatch.remedy;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.udjat.dispatch.control.ControlLock;
import org.udjat.record.AtomicFiles;
import org.udjat.record.IoReason;
import org.udjat.record.Json;
import org.udjat.record.StateDir;

/**
 * Keeps {@code remediation-decisions.json}: the {@link Verdict}s given with {@code udjat remediate},
 * oldest first. The command line adds to it under {@code remediate.lock} (its own lock, never the
 * cycle's, so a command never waits for a cycle); the engine only reads it, and remembers in its own
 * memory which verdicts it has acted on. Verdicts older than {@link #KEEP} are dropped on the next
 * write. A file that cannot be read is reported and read as empty (no approval is then taken); a
 * command never writes over it.
 */
public final class VerdictStore {
    /** The file's name in the state directory. */
    public static final String FILE = "remediation-decisions.json";
    /** The lock the commands take for their read-modify-write. */
    public static final String LOCK = "remediate.lock";
    /** How long a verdict is kept. */
    public static final Duration KEEP = Duration.ofDays(7);

    private final StateDir dir;
    private final ObjectMapper mapper = Json.mapper();
    private final JavaType type = mapper.getTypeFactory().constructCollectionType(List.class, Verdict.class);

    /** A store over the file of {@code dir}. */
    public VerdictStore(StateDir dir) {
        this.dir = dir;
    }

    /** The file. */
    public Path file() {
        return dir.path().resolve(FILE);
    }

    /** Every verdict on record; empty with a warning when the file is unreadable. Never throws. */
    public List<Verdict> read(List<String> warnings) {
        try {
            return parse();
        } catch (IOException e) {
            warnings.add(e.getMessage() + "; no approval or reset is taken until it is fixed");
            return List.of();
        }
    }

    /**
     * Adds a verdict, under the lock.
     *
     * @throws IOException when the lock cannot be taken, or the file is unreadable or cannot be written;
     *                     the file is then unchanged
     */
    public void add(Verdict verdict) throws IOException {
        try (ControlLock lock = ControlLock.take(dir.path().resolve(LOCK))) {
            List<Verdict> kept = new ArrayList<>();
            Instant oldest = verdict.at().minus(KEEP);
            parse().stream().filter(v -> v.at().isAfter(oldest)).forEach(kept::add);
            kept.add(verdict);
            AtomicFiles.write(file(), mapper.writeValueAsBytes(kept));
        }
    }

    private List<Verdict> parse() throws IOException {
        byte[] content;
        try {
            content = Files.readAllBytes(file());
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IOException(file() + ": cannot be read (" + IoReason.of(e) + ")", e);
        }
        try {
            List<Verdict> verdicts = mapper.readValue(content, type);
            if (verdicts == null || verdicts.contains(null)) {
                throw new IOException("null where a verdict is expected");
            }
            return List.copyOf(verdicts);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new IOException(file() + ": unreadable (" + reason + ")", e);
        }
    }
}
