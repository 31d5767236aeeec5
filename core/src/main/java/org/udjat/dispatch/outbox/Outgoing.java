package org.udjat.dispatch.outbox;

import java.util.Objects;
import org.udjat.api.Notice;

/**
 * One message the dispatch stage wants sent: a notice for one channel. {@link Outbox#put} stores it
 * before anything is sent.
 *
 * @param channel the channel's name, a key of {@code channels:}
 * @param notice  what to send, and to whom
 */
public record Outgoing(String channel, Notice notice) {
    public Outgoing {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notice, "notice");
    }
}
