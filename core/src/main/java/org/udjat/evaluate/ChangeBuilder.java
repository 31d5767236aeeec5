package org.udjat.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.udjat.api.Status;

/**
 * Decides whether one host's or check's step is a change, and which: one change when it becomes
 * UNSTABLE, none while it is, one when it is stable again (carrying the state it settled in);
 * otherwise the state machine's verdict, or a suppression that began or ended. A problem that
 * stops being suppressed while still HARD is a PROBLEM then, so it is not lost. Stateless and pure.
 */
final class ChangeBuilder {

    /**
     * One subject's step in a cycle.
     *
     * @param host       host name
     * @param check      check name, null for the host
     * @param from       how the previous state read, null when first seen
     * @param to         how the new state reads
     * @param summary    the output or reason with the new state
     * @param tracked    the tracker's outcome
     * @param before     the previous memory, null when first seen
     * @param since      when the previous state began, null when unknown
     * @param rechecks   parents or dependencies polled again for it this cycle
     */
    record Step(String host, String check, String from, String to, String summary, Tracker.Tracked tracked,
                StateDetail before, Instant since, List<Recheck> rechecks) {
    }

    private ChangeBuilder() {
    }

    /** The change of a step, if it is one; {@code rootCount} dependents suppressed by this subject. */
    static Optional<Change> build(Step s, Instant now, int rootCount) {
        StateDetail d = s.tracked().detail();
        String wasSuppressed = s.before() == null ? null : s.before().suppressedBy();
        String from = s.from();
        String to = s.to();
        ChangeKind kind;
        if (s.tracked().becameUnstable()) {
            kind = ChangeKind.UNSTABLE;
            to = "UNSTABLE";
        } else if (s.tracked().becameStable()) {
            kind = ChangeKind.STABLE;
            from = "UNSTABLE";
        } else if (d.unstable()) {
            return Optional.empty();
        } else if (s.tracked().kind() != null) {
            kind = s.tracked().kind();
        } else if (from == null) {
            kind = ChangeKind.NEW;
        } else if (!Objects.equals(wasSuppressed, d.suppressedBy())) {
            boolean released = d.suppressedBy() == null && d.state() != Status.OK && d.type() == StateType.HARD;
            kind = released ? ChangeKind.PROBLEM : ChangeKind.SUPPRESSION;
        } else {
            return Optional.empty();
        }
        // a recovery from a problem nobody was told about is not news either
        String suppressedBy = d.suppressedBy() != null ? d.suppressedBy()
                : d.state() == Status.OK && kind != ChangeKind.STABLE ? wasSuppressed : null;
        Duration lasted = s.since() == null ? null : Duration.between(s.since(), now);
        return Optional.of(new Change(now, s.host(), s.check(), from, to, s.summary(), kind, d.type(), d.attempt(),
                d.attempts(), d.unstable(), suppressedBy, rootCount, s.rechecks(), lasted,
                kind == ChangeKind.UNSTABLE ? d.flips() : List.of()));
    }
}
