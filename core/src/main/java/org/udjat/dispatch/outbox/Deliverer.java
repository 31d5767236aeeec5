package org.udjat.dispatch.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.udjat.api.Notifier;
import org.udjat.config.NotifySettings;
import org.udjat.plugin.Plugins;

/**
 * Sends what waits in the outbox: every due message, through the {@link Notifier} its channel names
 * ({@code type:}), with the channel's options.
 *
 * <p>Each send runs on a thread of its own and is given {@link NotifySettings#sendTimeout()}; up to
 * {@code parallel} sends run at once. Messages to the same recipient on the same channel go one after
 * the other, oldest first, so nobody reads a recovery before its problem. A notifier that throws,
 * returns nothing or does not answer in time is isolated: the message counts as a failed attempt
 * worth retrying, and the other notifiers go on; a channel that did not answer in time is not tried
 * again in the same delivery. A failed message is retried after {@link Backoff}. A message rejected by
 * its notifier, or still undelivered {@link NotifySettings#giveUpAfter()} after it was stored, is
 * handed to its channel's {@code fallback:} as a new message (saying why in its first line), or, with
 * no fallback, moved to {@code outbox/undeliverable/}; both are reported. A message whose channel is
 * no longer configured, or whose notifier is not loaded, stays where it is and is reported. Delivered
 * messages are removed and recorded in {@code notifications.jsonl}.
 *
 * <p>Call under the cycle lock; one delivery at a time per outbox. Never throws because of a notifier
 * or a file: every problem is a warning in the {@link DeliveryReport}.
 */
public final class Deliverer {
    /** Sends at once, by default: enough for a few slow channels without loading a small poller. */
    public static final int PARALLEL = 4;

    private final Map<String, Notifier> notifiers;
    private final NotifySettings settings;
    private final Clock clock;
    private final int parallel;

    /**
     * @param notifiers the loaded notifiers by type, e.g. {@link Plugins#notifiers()}
     * @param settings  the channels and timeouts
     * @param clock     the time messages are judged due, retried and given up by (waiting for sends uses
     *                  the system's monotonic timer)
     */
    public Deliverer(Map<String, Notifier> notifiers, NotifySettings settings, Clock clock) {
        this(notifiers, settings, clock, PARALLEL);
    }

    /** As above, with at most {@code parallel} sends at once. */
    public Deliverer(Map<String, Notifier> notifiers, NotifySettings settings, Clock clock, int parallel) {
        this.notifiers = Map.copyOf(notifiers);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
        this.parallel = parallel;
    }

    /**
     * Delivers every due message of {@code outbox}, and returns by {@code deadline} (plus the time to
     * write what the last sends came back with): sends still running then are abandoned as failed
     * attempts, and due messages not started are left for the next delivery.
     */
    public DeliveryReport deliver(Outbox outbox, Instant deadline) {
        return new DeliveryRun(outbox, notifiers, settings, clock, parallel, deadline).run();
    }

    /** {@code 20s}, {@code 5m}, {@code 1h}, {@code 1h30m}, {@code 250ms}, {@code 1.5s}. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000 && ms % 1000 != 0) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = d.toSeconds();
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            b.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || b.length() == 0) {
            b.append(s).append('s');
        }
        return b.toString();
    }
}
