package org.udjat.dispatch.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a rate-limited channel remembers: when its recent messages were sent (the sliding window)
 * and what is held back for each recipient.
 *
 * @param sent when messages were sent, oldest first, within the channel's rate-limit period
 * @param held what is held back, by recipient name ({@link #ROOM} for a channel's room)
 */
public record ChannelLog(List<Instant> sent, Map<String, Held> held) {
    /** The key of {@code held} for a channel that addresses a room rather than people. */
    public static final String ROOM = "";
    static final ChannelLog EMPTY = new ChannelLog(List.of(), Map.of());

    public ChannelLog {
        sent = sent == null ? List.of() : List.copyOf(sent);
        held = held == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(held));
    }

    boolean isEmpty() {
        return sent.isEmpty() && held.isEmpty();
    }
}
