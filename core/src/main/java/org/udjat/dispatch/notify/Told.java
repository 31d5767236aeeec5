package org.udjat.dispatch.notify;

import java.util.Objects;

/**
 * Someone told on a channel: a contact, or the room of a channel that does not address people.
 *
 * @param channel   the channel's name
 * @param recipient the contact's name, or null for the channel's room
 */
public record Told(String channel, String recipient) {
    public Told {
        Objects.requireNonNull(channel, "channel");
    }
}
