package org.udjat.dispatch.control;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.udjat.record.StateDir;

/**
 * Keeps {@code downtime.json}: every scheduled {@link Downtime}, in the order added, as a JSON list.
 * {@code udjat downtime add|remove} change it; the dispatch stage reads it every cycle with {@link #load()}
 * and decides with {@link Downtime#covers}. Ended downtimes stay for {@link #KEEP} (the report shows them),
 * then are dropped on the next write. Thread-safe; see {@link ControlFile} for what happens to a bad file.
 */
public final class DowntimeStore {
    /** The file's name in the state directory. */
    public static final String FILE = "downtime.json";
    /** How long an ended downtime is kept. */
    public static final Duration KEEP = Duration.ofDays(7);

    private final ControlFile<List<Downtime>> file;

    /** A store over {@code downtime.json} of {@code dir}. */
    public DowntimeStore(StateDir dir) {
        this.file = new ControlFile<>(dir, FILE,
                m -> m.getTypeFactory().constructCollectionType(List.class, Downtime.class), List.of());
    }

    /** The file. */
    public Path file() {
        return file.file();
    }

    /** Every downtime in the file, ended ones too; empty when none (or the file is unusable, which is logged). */
    public List<Downtime> load() {
        return read().value();
    }

    /** Every downtime in the file, with what went wrong reading it. Never throws. */
    public Stored<List<Downtime>> read() {
        List<String> warnings = new ArrayList<>();
        List<Downtime> downtimes = List.copyOf(file.read(warnings));
        return new Stored<>(downtimes, warnings);
    }

    /** The downtimes of {@code downtimes} in force at {@code now}. */
    public static List<Downtime> active(List<Downtime> downtimes, Instant now) {
        return downtimes.stream().filter(d -> !now.isBefore(d.from()) && now.isBefore(d.until())).toList();
    }

    /** The downtimes of {@code downtimes} that start after {@code now}. */
    public static List<Downtime> scheduled(List<Downtime> downtimes, Instant now) {
        return downtimes.stream().filter(d -> now.isBefore(d.from())).toList();
    }

    /**
     * Schedules a downtime with the next free id, and drops those that ended more than {@link #KEEP} before
     * {@code now}.
     *
     * @param host    the host
     * @param check   the check, or null for the host and all its checks
     * @param from    when it starts
     * @param until   when it ends, after {@code from} and {@code now}
     * @param by      who scheduled it
     * @param comment why
     * @param now     the time of the change, for pruning
     * @return the downtime recorded
     * @throws IOException when the file cannot be written (it is then unchanged)
     */
    public Stored<Downtime> add(String host, String check, Instant from, Instant until, String by, String comment,
                                Instant now) throws IOException {
        Objects.requireNonNull(host, "host");
        if (!until.isAfter(from) || !until.isAfter(now)) {
            throw new IllegalArgumentException("a downtime must end after it starts and after now");
        }
        AtomicReference<Downtime> added = new AtomicReference<>();
        List<String> warnings = file.update(current -> {
            Downtime downtime = new Downtime(Ids.next(current.stream().map(Downtime::id).toList()), host, check, from,
                    until, by, comment);
            added.set(downtime);
            List<Downtime> kept = new ArrayList<>(pruned(current, now));
            kept.add(downtime);
            return kept;
        });
        return new Stored<>(added.get(), warnings);
    }

    /**
     * Removes the downtime with id {@code id} (ended or not), and drops those that ended more than
     * {@link #KEEP} before {@code now}.
     *
     * @return the downtime removed, empty when there is none with that id
     * @throws IOException when the file cannot be written (it is then unchanged)
     */
    public Stored<Optional<Downtime>> remove(String id, Instant now) throws IOException {
        AtomicReference<Downtime> removed = new AtomicReference<>();
        List<String> warnings = file.update(current -> {
            current.stream().filter(d -> d.id().equals(id)).findFirst().ifPresent(removed::set);
            return pruned(current, now).stream().filter(d -> !d.id().equals(id)).toList();
        });
        return new Stored<>(Optional.ofNullable(removed.get()), warnings);
    }

    private static List<Downtime> pruned(List<Downtime> downtimes, Instant now) {
        return downtimes.stream().filter(d -> d.until().plus(KEEP).isAfter(now)).toList();
    }
}
