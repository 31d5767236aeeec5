package org.udjat.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.udjat.evaluate.Change;

/**
 * The states of one host or check over time, as its changes tell: each change's new state holds
 * from the change until the next one, and the last one until {@code knownUntil} (the end of the
 * last cycle). Every state counts, SOFT ones included: a SOFT problem is a failed result, so the
 * time it lasted was not OK. Immutable.
 */
final class Timeline {
    private enum Kind { OK, PROBLEM, UNKNOWN }

    private record Segment(Instant start, Instant end, Kind kind, boolean suppressed) {
    }

    private final List<Segment> segments;

    private Timeline(List<Segment> segments) {
        this.segments = segments;
    }

    /**
     * @param changes    the changes of one subject, in any order
     * @param knownUntil when the state was last known; a change later than it extends it
     */
    static Timeline of(List<Change> changes, Instant knownUntil) {
        return of(changes, knownUntil, null, null, false);
    }

    /**
     * A timeline from the part of the history read from {@code readFrom} on. Before its first change the
     * subject was in that change's previous state ({@code from}), known since {@code readFrom}; without any
     * change it was in {@code current} all along.
     *
     * @param readFrom   where the history was read from, null when it was read whole
     * @param current    the subject's state now, for a subject without changes since {@code readFrom}
     * @param suppressed whether the current problem is suppressed
     */
    static Timeline of(List<Change> changes, Instant knownUntil, Instant readFrom, String current,
                       boolean suppressed) {
        List<Change> sorted = inOrder(changes);
        List<Segment> segments = new ArrayList<>(sorted.size() + 1);
        if (readFrom != null) {
            Instant first = sorted.isEmpty() ? later(knownUntil, readFrom) : sorted.get(0).time();
            String before = sorted.isEmpty() ? current : sorted.get(0).from();
            if (before != null && first.isAfter(readFrom)) {
                Kind kind = kind(before);
                segments.add(new Segment(readFrom, first, kind, kind != Kind.OK && sorted.isEmpty() && suppressed));
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            Change c = sorted.get(i);
            Instant end = i + 1 < sorted.size() ? sorted.get(i + 1).time() : later(knownUntil, c.time());
            Kind kind = kind(c.to());
            segments.add(new Segment(c.time(), end, kind, kind != Kind.OK && c.suppressedBy() != null));
        }
        return new Timeline(segments);
    }

    private static Kind kind(String state) {
        return States.isOk(state) ? Kind.OK : "UNKNOWN".equals(state) ? Kind.UNKNOWN : Kind.PROBLEM;
    }

    /**
     * The changes of state in time order (the history's own order already is, almost always); what the
     * remediation engine did is left out, since it is not a state.
     */
    static List<Change> inOrder(List<Change> all) {
        List<Change> changes = all.stream().allMatch(Change::ofState) ? all
                : all.stream().filter(Change::ofState).toList();
        for (int i = 1; i < changes.size(); i++) {
            if (changes.get(i).time().isBefore(changes.get(i - 1).time())) {
                return changes.stream().sorted(Comparator.comparing(Change::time)).toList();
            }
        }
        return changes;
    }

    /** How the window {@code [from, to)} was spent. */
    Availability over(Instant from, Instant to) {
        Duration ok = Duration.ZERO;
        Duration problem = Duration.ZERO;
        Duration unknown = Duration.ZERO;
        Duration suppressed = Duration.ZERO;
        for (Segment s : segments) {
            Instant start = later(s.start(), from);
            Instant end = earlier(s.end(), to);
            if (!end.isAfter(start)) {
                continue;
            }
            Duration d = Duration.between(start, end);
            switch (s.kind()) {
                case OK -> ok = ok.plus(d);
                case PROBLEM -> problem = problem.plus(d);
                case UNKNOWN -> unknown = unknown.plus(d);
                default -> throw new IllegalStateException(s.kind().name());
            }
            if (s.suppressed()) {
                suppressed = suppressed.plus(d);
            }
        }
        Duration window = Duration.between(from, to);
        Duration noData = window.minus(ok).minus(problem).minus(unknown);
        return new Availability(window, ok, problem, unknown, suppressed, noData);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
