package org.udjat.dispatch.outbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.config.ChannelSpec;
import org.udjat.config.NotifySettings;
import org.udjat.dispatch.outbox.DeliveryReport.Outcome;
import org.udjat.dispatch.outbox.DeliveryReport.Result;
import org.udjat.record.NotificationLog;

/**
 * One {@link Deliverer#deliver}: the messages it looks at and what became of them. All file work
 * happens on the calling thread; only {@link Notifier#send} runs elsewhere (see {@link Send}).
 */
final class DeliveryRun {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRun.class);
    /** A send is not started with less time than this left (or the send timeout, when shorter). */
    private static final Duration LEAST_WINDOW = Duration.ofSeconds(1);

    private final Outbox outbox;
    private final Map<String, Notifier> notifiers;
    private final NotifySettings settings;
    private final Clock clock;
    private final int parallel;
    private final long startNanos = System.nanoTime();
    private final long endNanos;
    private final Instant now;
    private final NotificationLog log;

    private final List<OutboxMessage> queue = new ArrayList<>();
    private final Map<String, Send> inFlight = new LinkedHashMap<>();
    private final BlockingQueue<Send.Finished> done = new LinkedBlockingQueue<>();
    private final Set<String> hung = new HashSet<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Integer> stuck = new LinkedHashMap<>();
    private int waiting;

    DeliveryRun(Outbox outbox, Map<String, Notifier> notifiers, NotifySettings settings, Clock clock, int parallel,
                Instant deadline) {
        this.outbox = outbox;
        this.notifiers = notifiers;
        this.settings = settings;
        this.clock = clock;
        this.parallel = parallel;
        this.now = clock.instant();
        this.endNanos = startNanos + Math.max(0, Duration.between(now, deadline).toNanos());
        this.log = new NotificationLog(outbox.stateDir());
    }

    DeliveryReport run() {
        Outbox.Listing listing = outbox.pending();
        listing.unreadable().forEach(this::setAside);
        listing.messages().forEach(this::sort);
        loop();
        for (OutboxMessage m : queue) {
            outcome(m, Result.NOT_TRIED, hung.contains(m.channel())
                    ? "channel " + m.channel() + " did not answer earlier in this delivery"
                    : "the delivery's time was up before it was tried");
        }
        stuck.forEach((reason, n) -> warn("outbox: " + n + (n == 1 ? " message waits: " : " messages wait: ") + reason
                + "; kept in the outbox until that is fixed"));
        return new DeliveryReport(outcomes, waiting, warnings, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Queues a due message; counts one that waits out its backoff; reports one that cannot be sent. */
    private void sort(OutboxMessage m) {
        ChannelSpec channel = settings.channels().get(m.channel());
        if (channel == null) {
            stick(m, "channel \"" + m.channel() + "\" is not in the config");
        } else if (!notifiers.containsKey(channel.type())) {
            stick(m, "channel \"" + m.channel() + "\" needs a notifier of type \"" + channel.type()
                    + "\", which is not loaded (see udjat plugins)");
        } else if (!m.due(now)) {
            waiting++;
        } else {
            queue.add(m);
        }
    }

    private void stick(OutboxMessage m, String reason) {
        outcome(m, Result.STUCK, reason);
        stuck.merge(reason, 1, Integer::sum);
        if (!reason.equals(m.lastError())) {
            save(m.waiting(reason));
        }
    }

    private void loop() {
        while (true) {
            startSends();
            if (inFlight.isEmpty()) {
                return;
            }
            long next = inFlight.values().stream().mapToLong(Send::expiresAt).min().orElseThrow();
            try {
                Send.Finished finished = done.poll(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (finished != null && inFlight.get(finished.send().lane()) == finished.send()) {
                    inFlight.remove(finished.send().lane());
                    apply(finished.send().message(), result(finished));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                List.copyOf(inFlight.values()).forEach(s -> abandon(s, "udjat was interrupted during the send"));
                return;
            }
            for (Send send : List.copyOf(inFlight.values())) {
                if (send.expiresAt() - System.nanoTime() <= 0) {
                    hung.add(send.message().channel());
                    abandon(send, send.abandon());
                }
            }
        }
    }

    /** Starts due messages, oldest first, while there are free places and time; one at a time per lane. */
    private void startSends() {
        Duration timeout = settings.sendTimeout();
        Duration least = timeout.compareTo(LEAST_WINDOW) < 0 ? timeout : LEAST_WINDOW;
        for (Iterator<OutboxMessage> it = queue.iterator(); it.hasNext() && inFlight.size() < parallel; ) {
            long left = endNanos - System.nanoTime();
            if (left < least.toNanos()) {
                return;
            }
            OutboxMessage m = it.next();
            String lane = m.channel() + "\u0000" + m.recipient();
            if (hung.contains(m.channel()) || inFlight.containsKey(lane)) {
                continue;
            }
            it.remove();
            ChannelSpec channel = settings.channels().get(m.channel());
            boolean cut = left < timeout.toNanos();
            inFlight.put(lane, Send.start(m, lane, notifiers.get(channel.type()), channel.options(),
                    cut ? Duration.ofNanos(left) : timeout, cut, done));
        }
    }

    private void abandon(Send send, String reason) {
        inFlight.remove(send.lane());
        apply(send.message(), Delivery.retryLater(reason));
    }

    private static Delivery result(Send.Finished finished) {
        if (finished.failure() != null) {
            return Delivery.retryLater("the notifier failed: " + describe(finished.failure()));
        }
        if (finished.delivery() == null) {
            return Delivery.retryLater("the notifier returned no result (a fault in the plugin)");
        }
        return finished.delivery();
    }

    private void apply(OutboxMessage m, Delivery delivery) {
        Instant at = clock.instant();
        if (delivery.delivered()) {
            delivered(m, at);
        } else if (!delivery.retry()) {
            giveUp(m.failed(delivery.reason(), null), "rejected: " + delivery.reason(), at);
        } else if (!at.isBefore(m.created().plus(settings.giveUpAfter()))) {
            giveUp(m.failed(delivery.reason(), null), "not delivered within " + Deliverer.human(settings.giveUpAfter())
                    + " (" + (m.attempts() + 1) + " attempts; last: " + delivery.reason() + ")", at);
        } else {
            OutboxMessage failed = m.failed(delivery.reason(), at.plus(Backoff.after(m.attempts() + 1)));
            save(failed);
            outcome(m, Result.RETRY, delivery.reason());
            LOG.info("outbox: {} failed (attempt {}): {}; next try after {}", m.describe(), failed.attempts(),
                    delivery.reason(), failed.nextAttempt());
        }
    }

    private void delivered(OutboxMessage m, Instant at) {
        try {
            log.append(List.of(NotificationLog.Entry.of(at, m.channel(), m.notice())));
        } catch (IOException e) {
            warn("outbox: " + m.describe() + " was delivered but not recorded: " + e.getMessage());
        }
        try {
            outbox.remove(m);
        } catch (IOException e) {
            warn("outbox: " + m.describe() + " was delivered but stays in the outbox and may be sent again: "
                    + e.getMessage());
        }
        outcome(m, Result.DELIVERED, "");
    }

    /** Hands a message to its channel's fallback, or moves it to {@code undeliverable/}; either way reported. */
    private void giveUp(OutboxMessage m, String reason, Instant at) {
        ChannelSpec channel = settings.channels().get(m.channel());
        String fallback = channel == null ? null : channel.fallback();
        String why = "";
        if (fallback != null && !settings.channels().containsKey(fallback)) {
            why = "; its fallback channel \"" + fallback + "\" is not in the config";
        } else if (fallback != null && m.viaHere().contains(fallback)) {
            why = "; its fallback " + fallback + " was already tried";
        } else if (fallback != null) {
            try {
                Notice notice = withFirstLine(m.notice(), "Sent through " + fallback + " because " + m.channel()
                        + " could not deliver it: " + reason);
                OutboxMessage handed = outbox.putFallback(m, fallback, notice, at);
                outbox.remove(m);
                outcome(m, Result.FELL_BACK, reason);
                warn("outbox: " + m.describe() + " could not be delivered (" + reason + "); handed to fallback channel "
                        + fallback);
                sort(handed);
                return;
            } catch (IOException e) {
                save(m);
                outcome(m, Result.RETRY, reason);
                warn("outbox: " + m.describe() + " could not be handed to fallback channel " + fallback + ": "
                        + e.getMessage() + "; it stays in the outbox");
                return;
            }
        }
        try {
            outbox.moveToUndeliverable(m.givenUp(reason, at));
        } catch (IOException e) {
            warn("outbox: " + m.describe() + " could not be moved to " + outbox.undeliverableDir() + ": " + e.getMessage());
        }
        outcome(m, Result.UNDELIVERABLE, reason);
        warn("outbox: " + m.describe() + " is undeliverable: " + reason + why + "; kept in outbox/undeliverable/");
    }

    private static Notice withFirstLine(Notice n, String line) {
        List<String> lines = new ArrayList<>();
        lines.add(line);
        lines.addAll(n.lines());
        return new Notice(n.id(), n.time(), n.kind(), n.urgency(), n.severity(), n.subject(), lines, n.items(),
                n.recipient(), n.reportUrl(), n.folded());
    }

    private void setAside(Outbox.Unreadable file) {
        try {
            Path aside = outbox.setAside(file.file());
            warn("outbox: " + file.file() + ": " + file.reason() + "; set aside as " + aside.getFileName());
        } catch (IOException e) {
            warn("outbox: " + file.file() + ": " + file.reason() + "; " + e.getMessage());
        }
    }

    private void save(OutboxMessage m) {
        try {
            outbox.save(m);
        } catch (IOException e) {
            warn("outbox: " + m.describe() + ": " + e.getMessage());
        }
    }

    private void outcome(OutboxMessage m, Result result, String reason) {
        outcomes.add(new Outcome(m.id(), m.channel(), m.recipient(), result, reason));
    }

    private void warn(String warning) {
        LOG.warn(warning);
        warnings.add(warning);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
