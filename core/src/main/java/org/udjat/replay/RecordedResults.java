package org.udjat.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.udjat.api.Status;
import org.udjat.evaluate.Change;

/**
 * The results a history implies, cycle by cycle. The state engine writes a history line whenever
 * a host's or check's result differs from the one before (a SOFT move, a HARD change, a fall back),
 * so between two lines of a subject its result stayed what the first one says: the sequence of raw
 * results can be read back from the history and run again through other attempts, flap settings,
 * dependencies and routes. Lines about UNSTABLE verdicts carry no result and are skipped.
 */
final class RecordedResults {

    /**
     * A result as recorded.
     *
     * @param time    from when it held
     * @param state   {@code UP}/{@code DOWN} for a host, {@code OK}/{@code WARNING}/{@code CRITICAL}/{@code UNKNOWN} for a check
     * @param summary the output or reason recorded with it
     */
    record Result(Instant time, String state, String summary) {
    }

    private final Map<String, List<Result>> bySubject = new HashMap<>();
    private final TreeSet<Instant> times = new TreeSet<>();

    RecordedResults(List<Change> history) {
        for (Change c : history) {
            rawState(c).ifPresent(state -> {
                bySubject.computeIfAbsent(c.subject(), k -> new ArrayList<>()).add(new Result(c.time(), state, c.summary()));
                times.add(c.time());
            });
        }
        bySubject.values().forEach(l -> l.sort((a, b) -> a.time().compareTo(b.time())));
    }

    /** What a line says the result was, or empty for a line that says nothing about it. */
    private static Optional<String> rawState(Change c) {
        if (!c.ofState()) {
            return Optional.empty();
        }
        if (c.check() == null) {
            return switch (c.to()) {
                case "UP" -> Optional.of("UP");
                case "DOWN", "UNREACHABLE" -> Optional.of("DOWN"); // unreachable is a host not reached behind a parent
                default -> Optional.empty();
            };
        }
        try {
            return Optional.of(Status.valueOf(c.to()).name());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The result of {@code subject} at {@code time}, or empty before its first line. */
    Optional<Result> at(String subject, Instant time) {
        List<Result> results = bySubject.get(subject);
        Result found = null;
        if (results != null) {
            for (Result r : results) {
                if (r.time().isAfter(time)) {
                    break;
                }
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The cycles to replay: every time a line was written, and between two of them, a cycle every
     * {@code interval} (the cycles where nothing changed and so nothing was written).
     */
    List<Instant> cycles(Duration interval) {
        List<Instant> cycles = new ArrayList<>();
        Instant previous = null;
        for (Instant t : times) {
            if (previous != null) {
                for (Instant q = previous.plus(interval); q.plus(interval.dividedBy(2)).isBefore(t); q = q.plus(interval)) {
                    cycles.add(q);
                }
            }
            cycles.add(t);
            previous = t;
        }
        return cycles;
    }

    boolean isEmpty() {
        return times.isEmpty();
    }
}
