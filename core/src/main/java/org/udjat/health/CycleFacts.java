package org.udjat.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a cycle tells the heartbeat about itself.
 *
 * @param started       when it started
 * @param finished      when it finished
 * @param interval      the configured interval
 * @param cycleDeadline the configured deadline
 * @param hostsPolled   hosts polled
 * @param hostsReached  hosts reached
 * @param hitDeadline   whether polling ran into the cycle deadline
 * @param warnings      the cycle's warnings
 */
public record CycleFacts(Instant started, Instant finished, Duration interval, Duration cycleDeadline,
                         int hostsPolled, int hostsReached, boolean hitDeadline, List<String> warnings) {
    public CycleFacts {
        warnings = List.copyOf(warnings);
    }
}
