package org.udjat.dispatch.control;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.udjat.record.StateDir;

/**
 * Keeps {@code acks.json}: every {@link Ack} given, oldest first, as a JSON list. {@code udjat ack} adds
 * to it; the dispatch stage reads it every cycle with {@link #load()} and decides with {@link Ack#covers}.
 * Acks expire by time and stay in the file for {@link #KEEP} after they expired (so the report can say
 * what was acknowledged), then are dropped on the next write. Thread-safe; see {@link ControlFile} for
 * what happens to a bad file.
 */
public final class AckStore {
    /** The file's name in the state directory. */
    public static final String FILE = "acks.json";
    /** How long an expired ack is kept. */
    public static final Duration KEEP = Duration.ofDays(7);

    private final ControlFile<List<Ack>> file;

    /** A store over {@code acks.json} of {@code dir}. */
    public AckStore(StateDir dir) {
        this.file = new ControlFile<>(dir, FILE,
                m -> m.getTypeFactory().constructCollectionType(List.class, Ack.class), List.of());
    }

    /** The file. */
    public Path file() {
        return file.file();
    }

    /** Every ack in the file, expired ones too, oldest first; empty when none (or the file is unusable, which is logged). */
    public List<Ack> load() {
        return read().value();
    }

    /** Every ack in the file, with what went wrong reading it. Never throws. */
    public Stored<List<Ack>> read() {
        List<String> warnings = new ArrayList<>();
        List<Ack> acks = List.copyOf(file.read(warnings));
        return new Stored<>(acks, warnings);
    }

    /** The acks of {@code acks} that hold pages back at {@code now}. */
    public static List<Ack> active(List<Ack> acks, Instant now) {
        return acks.stream().filter(a -> !now.isBefore(a.at()) && now.isBefore(a.until())).toList();
    }

    /**
     * Records an ack with the next free id, and drops the acks that expired more than {@link #KEEP} before {@code now}.
     *
     * @param subjects the acknowledged problems, {@code gw1} or {@code db1/disk}; at least one
     * @param by       the contact who acknowledged
     * @param comment  why, or empty
     * @param now      when it is given
     * @param until    when ack mode ends, after {@code now}
     * @return the ack recorded
     * @throws IOException when the file cannot be written (it is then unchanged)
     */
    public Stored<Ack> add(List<String> subjects, String by, String comment, Instant now, Instant until)
            throws IOException {
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("an ack needs at least one subject");
        }
        if (!until.isAfter(now)) {
            throw new IllegalArgumentException("an ack must end after it is given");
        }
        Objects.requireNonNull(by, "by");
        AtomicReference<Ack> added = new AtomicReference<>();
        List<String> warnings = file.update(current -> {
            Ack ack = new Ack(Ids.next(current.stream().map(Ack::id).toList()), subjects, by, comment, now, until);
            added.set(ack);
            List<Ack> kept = new ArrayList<>(current.stream().filter(a -> a.until().plus(KEEP).isAfter(now)).toList());
            kept.add(ack);
            return kept;
        });
        return new Stored<>(added.get(), warnings);
    }
}
