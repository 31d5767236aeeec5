package org.udjat.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the last cycle left behind about the poller itself: {@code heartbeat.json} in the state
 * directory, published as {@code www/heartbeat.json} with the report, so a watchdog on another
 * machine can read it over SSH or HTTP.
 *
 * @param version        the udjat version that ran the cycle
 * @param started        when the cycle started
 * @param finished       when it finished
 * @param took           how long it took
 * @param interval       the poller's {@code interval}: how often cron starts a cycle (a watchdog's default
 *                       {@code max_age} is three of them)
 * @param cycleDeadline  the poller's {@code cycle_deadline}
 * @param hostsPolled    hosts polled
 * @param hostsReached   hosts reached
 * @param overran        whether the cycle took longer than its interval or hit its deadline
 * @param overrunReason  why it counts as overrun, null when it did not
 * @param overrunStreak  overrun cycles in a row up to this one, 0 when this one did not overrun
 * @param overrunSince   when the first cycle of that streak started, null when there is none
 * @param overruns       when each overrun cycle of the last 24 hours started, oldest first
 * @param warningCount   the cycle's warnings
 * @param warnings       the first {@value HeartbeatStore#WARNINGS} of them, each on one line
 * @param crashes        the most recent crashes of {@code udjat run}, newest first (at most {@value HeartbeatStore#CRASHES})
 * @param crashes24h     crashes in the 24 hours before the heartbeat was written
 */
public record Heartbeat(String version, Instant started, Instant finished, Duration took, Duration interval,
                        Duration cycleDeadline, int hostsPolled, int hostsReached, boolean overran,
                        String overrunReason, int overrunStreak, Instant overrunSince, List<Instant> overruns,
                        int warningCount, List<String> warnings, List<Crash> crashes, int crashes24h) {
    public Heartbeat {
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(interval, "interval");
        version = version == null ? "" : version;
        overruns = overruns == null ? List.of() : List.copyOf(overruns);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        crashes = crashes == null ? List.of() : List.copyOf(crashes);
    }

    /** Overrun cycles that started in the 24 hours before {@code now}. */
    public int overrunsWithin24h(Instant now) {
        Instant from = now.minus(Duration.ofHours(24));
        return (int) overruns.stream().filter(t -> t.isAfter(from)).count();
    }

    /** The same heartbeat with another list of recent crashes. */
    Heartbeat withCrashes(List<Crash> recent, int within24h) {
        return new Heartbeat(version, started, finished, took, interval, cycleDeadline, hostsPolled, hostsReached,
                overran, overrunReason, overrunStreak, overrunSince, overruns, warningCount, warnings, recent, within24h);
    }
}
