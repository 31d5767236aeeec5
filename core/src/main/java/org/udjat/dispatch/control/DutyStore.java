package org.udjat.dispatch.control;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.udjat.record.StateDir;

/**
 * Keeps {@code duty.json}: who is on duty, {@code {"name": "alice", "since": "2026-11-22T06:00:00Z"}}.
 * Only {@code udjat duty take} changes it; the dispatch stage reads it every cycle with {@link #load()}.
 * Thread-safe; see {@link ControlFile} for what happens to a bad file.
 */
public final class DutyStore {
    /** The file's name in the state directory. */
    public static final String FILE = "duty.json";

    private final ControlFile<Duty> file;

    /** A store over {@code duty.json} of {@code dir}. */
    public DutyStore(StateDir dir) {
        this.file = new ControlFile<>(dir, FILE, m -> m.constructType(Duty.class), null);
    }

    /** The file. */
    public Path file() {
        return file.file();
    }

    /** Who is on duty; empty when nobody is (or the file is unusable, which is logged). Never throws. */
    public Optional<Duty> load() {
        return read().value();
    }

    /** Who is on duty, with what went wrong reading the file. Never throws. */
    public Stored<Optional<Duty>> read() {
        List<String> warnings = new ArrayList<>();
        Duty duty = file.read(warnings);
        return new Stored<>(Optional.ofNullable(duty), warnings);
    }

    /**
     * Makes {@code name} the person on duty since {@code now}; when they already are, nothing changes
     * (their {@code since} stays).
     *
     * @return who was on duty before, empty for nobody
     * @throws IOException when the file cannot be written (it is then unchanged)
     */
    public Stored<Optional<Duty>> take(String name, Instant now) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(now, "now");
        AtomicReference<Duty> before = new AtomicReference<>();
        List<String> warnings = file.update(current -> {
            before.set(current);
            return current != null && current.name().equals(name) ? current : new Duty(name, now);
        });
        return new Stored<>(Optional.ofNullable(before.get()), warnings);
    }
}
