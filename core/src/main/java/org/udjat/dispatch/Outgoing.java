package org.udjat.dispatch;

import java.util.Objects;
import org.udjat.api.Notice;

/**
 * One message the notification policy decided to send: stored in the outbox before anything is
 * sent, then delivered through the channel's notifier.
 *
 * @param channel the channel's name under {@code channels:}
 * @param notice  the message, with its recipient (null for a channel that addresses a room)
 */
public record Outgoing(String channel, Notice notice) {
    public Outgoing {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notice, "notice");
    }
}
