package org.udjat.config;

import java.time.Duration;

/**
 * How the results of one host or check turn into states: the hysteresis in both directions,
 * when it counts as UNSTABLE, and when a missing result makes it stale. Immutable.
 *
 * <p>The defaults, and why:
 * <ul>
 * <li>{@code attempts} 3: one failed poll is often a blip (a busy host, a lost packet); three in a
 *     row, at the usual one-minute interval, is a problem worth waking someone for.</li>
 * <li>{@code recover_attempts} 1: a single good result ends a problem, as in Nagios; raise it for
 *     things that recover and fail again (a service restarting in a loop).</li>
 * <li>{@code flap_window} 30m, {@code flap_start} 6, {@code flap_stop} 2: flapping is measured in
 *     wall-clock time, so it means the same at any cron interval. Six changes of the raw result
 *     within half an hour is a change every five minutes, more than hysteresis can absorb;
 *     separate thresholds (6 to start, 2 or fewer to stop) keep the UNSTABLE state itself from
 *     flapping. The window should span several intervals, or six changes can never fit in it.</li>
 * <li>{@code stale_after} 3 intervals: one missed result (a cycle deadline, a late cron) is not
 *     news; three in a row means the check has stopped reporting.</li>
 * </ul>
 *
 * @param attempts        consecutive problem results before a problem is HARD, at least 1
 * @param recoverAttempts consecutive OK results before a HARD problem is over, at least 1
 * @param flapWindow      the time window in which changes of the raw result are counted
 * @param flapStart       this many changes within the window make it UNSTABLE
 * @param flapStop        at most this many changes within the window make it stable again, less than {@code flapStart}
 * @param staleAfter      intervals without a fresh result after which a check becomes UNKNOWN (unused for hosts)
 */
public record StatePolicy(
        int attempts,
        int recoverAttempts,
        Duration flapWindow,
        int flapStart,
        int flapStop,
        int staleAfter) {

    /** The built-in defaults described above. */
    public static final StatePolicy DEFAULT = new StatePolicy(3, 1, Duration.ofMinutes(30), 6, 2, 3);

    public StatePolicy {
        if (attempts < 1 || recoverAttempts < 1 || staleAfter < 1 || flapStop < 0 || flapStop >= flapStart
                || flapWindow == null || flapWindow.isNegative() || flapWindow.isZero()) {
            throw new IllegalArgumentException("invalid state policy: " + attempts + ", " + recoverAttempts + ", "
                    + flapWindow + ", " + flapStart + ", " + flapStop + ", " + staleAfter);
        }
    }

    /** A copy with other attempt counts, for tests and tuning. */
    public StatePolicy withAttempts(int attempts, int recoverAttempts) {
        return new StatePolicy(attempts, recoverAttempts, flapWindow, flapStart, flapStop, staleAfter);
    }
}
