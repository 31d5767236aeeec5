package org.udjat.evaluate;

import java.util.List;
import org.udjat.api.Status;

/**
 * What the state engine remembers about one host or check between cycles, beyond its current
 * state: the hysteresis counters, recent flips and suppression. Hosts use {@code OK} for UP and
 * {@code CRITICAL} for DOWN in the status fields.
 *
 * @param state        the current state, SOFT or HARD
 * @param type         SOFT or HARD
 * @param attempt      consecutive results that support the current state (the count toward HARD while SOFT)
 * @param attempts     results needed for HARD in the current direction ({@code attempts} or {@code recover_attempts})
 * @param hard         the latest HARD state
 * @param lastResult   the status of the latest result, for flap detection
 * @param flips        changes of the raw result within the flap window, oldest first
 * @param unstable     whether it is UNSTABLE
 * @param unstableFrom the state it was in when it became UNSTABLE, null when stable
 * @param suppressedBy the root causes of a problem that is not notified ({@code gw1 DOWN}), null when not suppressed
 */
public record StateDetail(
        Status state,
        StateType type,
        int attempt,
        int attempts,
        Status hard,
        Status lastResult,
        List<Flip> flips,
        boolean unstable,
        String unstableFrom,
        String suppressedBy) {

    public StateDetail {
        flips = flips == null ? List.of() : List.copyOf(flips);
    }

    /** A copy with another suppression. */
    public StateDetail suppressed(String by) {
        return new StateDetail(state, type, attempt, attempts, hard, lastResult, flips, unstable, unstableFrom, by);
    }
}
