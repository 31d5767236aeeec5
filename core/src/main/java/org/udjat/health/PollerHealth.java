package org.udjat.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.udjat.record.StateDir;

/**
 * The poller's own health as {@code udjat status} and the report show it: the last cycle (when, how long,
 * whether it overran), the overruns and crashes of the last 24 hours and the latest crash.
 *
 * @param lastCycle     when the last cycle finished, null when none has
 * @param took          how long it took, null when none has
 * @param overran       whether it overran
 * @param overrunReason why, null when it did not
 * @param overruns24h   overrun cycles in the last 24 hours
 * @param crashes24h    crashes of {@code udjat run} in the last 24 hours
 * @param crashes       the recorded crashes, newest first (at most {@value HeartbeatStore#CRASHES})
 */
public record PollerHealth(Instant lastCycle, Duration took, boolean overran, String overrunReason, int overruns24h,
                           int crashes24h, List<Crash> crashes) {
    public PollerHealth {
        crashes = List.copyOf(crashes);
    }

    /** Read from the heartbeat and {@code crashes/} of {@code dir}. Changes nothing. */
    public static PollerHealth of(StateDir dir, Instant now) {
        Optional<Heartbeat> beat = new HeartbeatStore(dir).read().heartbeat();
        List<Crash> all = new CrashStore(dir).list();
        Instant from = now.minus(Duration.ofHours(24));
        int crashes24h = (int) all.stream().filter(c -> c.time().isAfter(from)).count();
        List<Crash> recent = all.stream().limit(HeartbeatStore.CRASHES).toList();
        return beat.map(h -> new PollerHealth(h.finished(), h.took(), h.overran(), h.overrunReason(),
                        h.overrunsWithin24h(now), crashes24h, recent))
                .orElse(new PollerHealth(null, null, false, null, 0, crashes24h, recent));
    }

    /**
     * One line: {@code poller: last cycle 2026-03-02T03:00:02Z took 2.1s; 0 overruns and 1 crash in 24h (last
     * 2026-03-02T02:58:00Z: java.lang.AssertionError: bug)}.
     */
    public String line() {
        StringBuilder b = new StringBuilder("poller: ");
        if (lastCycle == null) {
            b.append("no heartbeat yet");
        } else {
            b.append("last cycle ").append(lastCycle.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(" took ")
                    .append(HeartbeatStore.seconds(took)).append(overran ? " (overran: " + overrunReason + ")" : "");
        }
        b.append("; ").append(overruns24h).append(overruns24h == 1 ? " overrun" : " overruns").append(" and ")
                .append(crashes24h).append(crashes24h == 1 ? " crash" : " crashes").append(" in 24h");
        if (!crashes.isEmpty()) {
            Crash last = crashes.get(0);
            b.append(" (last crash ").append(last.time()).append(": ").append(last.exception()).append(", crashes/")
                    .append(last.file()).append(')');
        }
        return b.toString();
    }
}
