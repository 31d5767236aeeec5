package org.udjat.config;

import java.util.Objects;
import org.udjat.api.Notice;
import org.udjat.api.Settings;

/**
 * One way of reaching people, from {@code channels:}: a notifier and its options.
 *
 * @param name      the channel's name (its key under {@code channels:})
 * @param type      the notifier that delivers ({@code type:}), e.g. {@code email}
 * @param urgency   {@code low} (default: problems, recoveries, summaries) or {@code page} (pages and
 *                  escalations, to the person on duty)
 * @param rateLimit at most this many messages per period ({@code rate_limit: 10/1h}), or null for no limit
 * @param fallback  the channel a message goes to when this one rejects it or cannot deliver it within
 *                  {@code give_up_after} ({@code fallback:}), or null
 * @param options   every other key, for the notifier
 */
public record ChannelSpec(String name, String type, Notice.Urgency urgency, RateLimit rateLimit, String fallback,
                          Settings options) {
    public ChannelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        urgency = urgency == null ? Notice.Urgency.LOW : urgency;
        options = options == null ? Settings.empty() : options;
    }

    /** Whether pages go here. */
    public boolean pages() {
        return urgency == Notice.Urgency.PAGE;
    }
}
