package org.udjat.dispatch.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.udjat.api.Notice;

/**
 * One message in the outbox, as its file {@code outbox/<id>.json} holds it. Immutable; a delivery
 * attempt makes a new one.
 *
 * @param id           the file's name without {@code .json}: the time it was stored, then the channel
 *                     and the notice's id, so names sort oldest first
 * @param channel      the channel it is for
 * @param notice       what to send
 * @param created      when it was stored (for a fallback message: when it was handed over)
 * @param attempts     failed deliveries so far
 * @param nextAttempt  not tried again before this time; null when due at once
 * @param lastError    why the last attempt failed, or why it waits; null when never tried
 * @param fallbackFrom the channel that could not deliver it and handed it here, or null
 * @param via          every channel it was handed over from, oldest first, so a fallback never loops
 * @param gaveUp       when it was given up (only for messages in {@code outbox/undeliverable/}), or null
 */
public record OutboxMessage(String id, String channel, Notice notice, Instant created, int attempts,
                            Instant nextAttempt, String lastError, String fallbackFrom, List<String> via,
                            Instant gaveUp) {
    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(created, "created");
        via = via == null ? List.of() : List.copyOf(via);
    }

    /** A message stored just now, never tried. */
    static OutboxMessage fresh(String id, String channel, Notice notice, Instant created) {
        return new OutboxMessage(id, channel, notice, created, 0, null, null, null, List.of(), null);
    }

    /** Whether it is to be tried at {@code now}. */
    public boolean due(Instant now) {
        return nextAttempt == null || !nextAttempt.isAfter(now);
    }

    /** The recipient's name, or null for a room. */
    public String recipient() {
        return notice.recipient() == null ? null : notice.recipient().name();
    }

    /** How long it has been in the outbox at {@code now}. */
    public Duration age(Instant now) {
        Duration age = Duration.between(created, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** After a failed attempt: counted, with its reason, not tried again before {@code next}. */
    OutboxMessage failed(String error, Instant next) {
        return new OutboxMessage(id, channel, notice, created, attempts + 1, next, error, fallbackFrom, via, gaveUp);
    }

    /** Waiting for a reason that is not a failed attempt (no such channel, no notifier): not counted. */
    OutboxMessage waiting(String reason) {
        return new OutboxMessage(id, channel, notice, created, attempts, nextAttempt, reason, fallbackFrom, via, gaveUp);
    }

    /** Given up at {@code when}, for {@code reason}. */
    OutboxMessage givenUp(String reason, Instant when) {
        return new OutboxMessage(id, channel, notice, created, attempts, nextAttempt, reason, fallbackFrom, via, when);
    }

    /** The channels tried so far including this one, for the message it hands over to a fallback. */
    List<String> viaHere() {
        List<String> all = new ArrayList<>(via);
        all.add(channel);
        return all;
    }

    /** A short description for warnings: {@code PAGE message to alice on sms}. */
    public String describe() {
        return notice.kind() + " message " + (recipient() == null ? "" : "to " + recipient() + " ") + "on " + channel;
    }
}
