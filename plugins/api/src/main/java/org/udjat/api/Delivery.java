package org.udjat.api;

/**
 * The result of one {@link Notifier#send}.
 *
 * @param delivered whether the receiving side accepted the notice (an SMTP server queued it, a
 *                  webhook answered 2xx, a command exited 0)
 * @param reason    why it was not delivered, for the operator ({@code "SMTP 535 authentication failed"});
 *                  empty when delivered
 * @param retry     whether trying again later can succeed: true for a server down, a timeout or a
 *                  5xx; false for a rejected address, a 4xx or a recipient without the address
 *                  this channel needs
 */
public record Delivery(boolean delivered, String reason, boolean retry) {
    private static final Delivery DELIVERED = new Delivery(true, "", false);

    public Delivery {
        reason = reason == null ? "" : reason;
        if (delivered && retry) {
            throw new IllegalArgumentException("a delivered notice is not retried");
        }
    }

    public static Delivery ok() {
        return DELIVERED;
    }

    /** A failure that may go away: the message stays in the outbox and is tried again later. */
    public static Delivery retryLater(String reason) {
        return new Delivery(false, reason, true);
    }

    /** A failure that will not go away by waiting: the message goes to the channel's fallback, if any. */
    public static Delivery rejected(String reason) {
        return new Delivery(false, reason, false);
    }
}
