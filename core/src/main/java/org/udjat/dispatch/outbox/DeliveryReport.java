package org.udjat.dispatch.outbox;

import java.time.Duration;
import java.util.List;

/**
 * What one {@link Deliverer#deliver} did.
 *
 * @param outcomes what happened to each message it looked at, in the order decided
 * @param waiting  messages not yet due (waiting out their backoff)
 * @param warnings what the operator should hear of (undeliverable messages, fallbacks, missing channels or
 *                 notifiers, corrupt files set aside, files that could not be written), already logged
 * @param took     wall time
 */
public record DeliveryReport(List<Outcome> outcomes, int waiting, List<String> warnings, Duration took) {

    public DeliveryReport {
        outcomes = List.copyOf(outcomes);
        warnings = List.copyOf(warnings);
    }

    /** What happened to a message. */
    public enum Result {
        /** the notifier said it was delivered; the message left the outbox */
        DELIVERED,
        /** the delivery failed and is retried later */
        RETRY,
        /** rejected or given up, and handed to the channel's fallback as a new message */
        FELL_BACK,
        /** rejected or given up with no fallback: moved to {@code outbox/undeliverable/} */
        UNDELIVERABLE,
        /** its channel is not in the config, or its channel's notifier is not loaded: it stays */
        STUCK,
        /** due but not tried: the deadline came first, or its channel had just hung */
        NOT_TRIED
    }

    /**
     * One message's fate.
     *
     * @param id        the message's id (its file name without {@code .json})
     * @param channel   its channel
     * @param recipient the recipient's name, or null
     * @param result    what happened
     * @param reason    why it failed or waits, empty when delivered
     */
    public record Outcome(String id, String channel, String recipient, Result result, String reason) {
    }

    /** How many messages ended with {@code result}. */
    public long count(Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }

    /** {@code outbox: 3 delivered, 1 to retry, 1 fell back, 2 waiting in 0.4s}; empty parts left out. */
    public String summary() {
        StringBuilder b = new StringBuilder("outbox:");
        part(b, count(Result.DELIVERED), "delivered");
        part(b, count(Result.RETRY), "to retry");
        part(b, count(Result.FELL_BACK), "fell back");
        part(b, count(Result.UNDELIVERABLE), "undeliverable");
        part(b, count(Result.STUCK), "stuck");
        part(b, count(Result.NOT_TRIED), "not tried");
        part(b, waiting, "waiting");
        if (b.length() == "outbox:".length()) {
            b.append(" empty");
        }
        return b.append(String.format(" in %.1fs", took.toMillis() / 1000.0)).toString();
    }

    private static void part(StringBuilder b, long n, String what) {
        if (n > 0) {
            b.append(b.length() == "outbox:".length() ? " " : ", ").append(n).append(' ').append(what);
        }
    }
}
