package org.udjat.watchdog;

import java.time.Instant;

/**
 * What {@code udjat watchdog} remembers between runs ({@code watchdog.json} in its own state directory).
 *
 * @param alerting       whether the poller was said to be down (stale or unreadable heartbeat) and not yet
 *                       said to be back
 * @param since          since when, null when not alerting
 * @param problem        what was said, null when not alerting
 * @param lastCrash      the time of the newest crash already reported, null when none
 * @param overrunToldFor the start of the overrun streak already reported, null when none
 */
record WatchdogState(boolean alerting, Instant since, String problem, Instant lastCrash, Instant overrunToldFor) {
    static final WatchdogState FIRST = new WatchdogState(false, null, null, null, null);
}
