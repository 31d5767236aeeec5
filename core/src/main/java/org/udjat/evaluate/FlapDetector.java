package org.udjat.evaluate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.udjat.config.StatePolicy;

/**
 * Decides whether a host or check is UNSTABLE from the changes of its raw result within a sliding
 * window of wall-clock time: at least {@code flap_start} changes make it unstable, at most
 * {@code flap_stop} make it stable again (two thresholds, so the verdict itself does not flap).
 * Counting in time rather than in results keeps the meaning independent of the cron interval.
 * Stateless and pure.
 */
final class FlapDetector {

    /**
     * The verdict after one result.
     *
     * @param flips    the changes still within the window, the new one included
     * @param unstable whether it is unstable now
     */
    record Verdict(List<Flip> flips, boolean unstable) {
    }

    private FlapDetector() {
    }

    /**
     * @param flips      the changes remembered so far
     * @param previous   the previous raw result, null before the first
     * @param result     this result
     * @param wasUnstable whether it was unstable before this result
     */
    static Verdict observe(List<Flip> flips, String previous, String result, boolean wasUnstable, Instant now,
                           StatePolicy policy) {
        Instant cutoff = now.minus(policy.flapWindow());
        List<Flip> kept = new ArrayList<>();
        for (Flip f : flips) {
            if (f.time().isAfter(cutoff)) {
                kept.add(f);
            }
        }
        if (previous != null && !previous.equals(result)) {
            kept.add(new Flip(now, result));
        }
        boolean unstable = wasUnstable ? kept.size() > policy.flapStop() : kept.size() >= policy.flapStart();
        return new Verdict(kept, unstable);
    }
}
