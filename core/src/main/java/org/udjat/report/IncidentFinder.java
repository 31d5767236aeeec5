package org.udjat.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.StateType;

/**
 * Finds the incidents of one host or check in its history. A problem is an incident once it is
 * HARD; one that went back to OK while still SOFT was a blip, and stays in the history only. While
 * it lasts, a result that is OK again marks the start of the recovery, which ends with the HARD
 * recovery (at once with {@code recover_attempts: 1}); a failed result in between restarts it.
 * UNSTABLE does not open an incident (the state under it is not known while it flaps) but marks an
 * open one, or else counts as the first failed result; the change that ends UNSTABLE carries the
 * state it settled in, which counts as usual.
 * History lines from before SOFT/HARD were recorded count as HARD. Pure; one instance per subject.
 */
final class IncidentFinder {
    private final List<Incident> found = new ArrayList<>();
    private Builder open;
    private Instant firstBad;
    private Instant firstOk;

    private IncidentFinder() {
    }

    /** The incidents in {@code changes} (all of one subject, any order), oldest first; the last may be ongoing. */
    static List<Incident> find(List<Change> changes) {
        IncidentFinder finder = new IncidentFinder();
        Timeline.inOrder(changes).forEach(finder::step);
        if (finder.open != null) {
            finder.found.add(finder.open.build(null, null));
        }
        return finder.found;
    }

    private void step(Change c) {
        boolean hard = c.type() != StateType.SOFT;
        if (States.isOk(c.to())) {
            if (open == null) {
                firstBad = null;
                return;
            }
            firstOk = firstOk == null ? c.time() : firstOk;
            if (hard) {
                found.add(open.build(firstOk, c.time()));
                open = null;
                firstBad = null;
                firstOk = null;
            }
        } else if ("UNSTABLE".equals(c.to())) {
            if (open != null) {
                open.unstable = true;
            } else {
                firstBad = firstBad == null ? c.time() : firstBad;
            }
            firstOk = null;
        } else {
            firstOk = null;
            firstBad = firstBad == null ? c.time() : firstBad;
            if (open != null) {
                open.see(c);
            } else if (hard) {
                open = new Builder(c, firstBad);
            }
        }
    }

    /** An incident still being read. */
    private static final class Builder {
        private final Change opening;
        private final Instant started;
        private String worst;
        private String suppressedBy;
        private boolean unstable;

        Builder(Change opening, Instant started) {
            this.opening = opening;
            this.started = started;
            this.worst = opening.to();
            this.suppressedBy = opening.suppressedBy();
            this.unstable = opening.unstable();
        }

        void see(Change c) {
            if (States.severity(c.to()) < States.severity(worst)) {
                worst = c.to();
            }
            suppressedBy = suppressedBy == null ? c.suppressedBy() : suppressedBy;
            unstable |= c.unstable();
        }

        Incident build(Instant firstOk, Instant ended) {
            return new Incident(opening.host(), opening.check(), worst, started, opening.time(), null, firstOk, ended,
                    suppressedBy, unstable, false);
        }
    }
}
