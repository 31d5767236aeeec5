package org.udjat.dispatch.outbox;

import java.time.Duration;

/**
 * How long a message waits after a failed delivery before it is tried again: 1 minute after the
 * first failure, doubling after each further one (2, 4, 8, 16 minutes), never more than 30 minutes.
 * Cron runs a cycle each interval, so a retry happens in the first cycle after the wait.
 */
public final class Backoff {
    public static final Duration FIRST = Duration.ofMinutes(1);
    public static final Duration MAX = Duration.ofMinutes(30);

    private Backoff() {
    }

    /** The wait after the {@code attempts}-th failed delivery (1 for the first). */
    public static Duration after(int attempts) {
        if (attempts <= 1) {
            return FIRST;
        }
        int doublings = Math.min(attempts - 1, 10);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
