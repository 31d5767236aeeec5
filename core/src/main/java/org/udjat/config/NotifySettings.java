package org.udjat.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.udjat.api.Contact;

/**
 * Who is told what, and how: the {@code contacts:}, {@code channels:}, {@code routes:} and
 * {@code notify:} blocks of the config. Immutable.
 *
 * @param contacts      every contact by name, in the order written
 * @param channels      every channel by name, in the order written
 * @param routes        the routes in the order written; empty means the default routing (problems and
 *                      recoveries to every low-urgency channel, CRITICAL and DOWN also paged)
 * @param grace         how long an urgent problem waits, announced on low-urgency channels, before it is
 *                      paged; default one cycle interval
 * @param ackMode       how long an acknowledgement holds pages back ({@code ack_mode:}, default 30m)
 * @param escalateAfter how long the person on duty has to acknowledge a page before everybody on the
 *                      escalation list is paged ({@code escalate_after:}, default 5m)
 * @param escalation    the contacts paged on escalation, and when nobody is on duty; default every contact
 * @param repeatEvery   how often a problem still HARD and unacknowledged is said again
 *                      ({@code repeat_every:}, default 2h); null for never ({@code off})
 * @param summaryLines  how many lines a message lists before {@code +N more} ({@code summary_lines:}, default 10)
 * @param reportUrl     the report's base URL for links in messages, or null
 * @param sendTimeout   how long one delivery may take ({@code send_timeout:}, default 20s)
 * @param giveUpAfter   how long a message is retried before it is reported undelivered and handed to
 *                      its channel's fallback ({@code give_up_after:}, default 1h)
 */
public record NotifySettings(
        Map<String, Contact> contacts,
        Map<String, ChannelSpec> channels,
        List<RouteSpec> routes,
        Duration grace,
        Duration ackMode,
        Duration escalateAfter,
        List<String> escalation,
        Duration repeatEvery,
        int summaryLines,
        String reportUrl,
        Duration sendTimeout,
        Duration giveUpAfter) {

    public static final Duration ACK_MODE = Duration.ofMinutes(30);
    public static final Duration ESCALATE_AFTER = Duration.ofMinutes(5);
    public static final Duration REPEAT_EVERY = Duration.ofHours(2);
    public static final int SUMMARY_LINES = 10;
    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(1);

    public NotifySettings {
        contacts = Collections.unmodifiableMap(new LinkedHashMap<>(contacts));
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
        routes = List.copyOf(routes);
        escalation = List.copyOf(escalation);
    }

    /** No contacts and no channels: changes are only logged. */
    public static NotifySettings none(Duration interval) {
        return new NotifySettings(Map.of(), Map.of(), List.of(), interval, ACK_MODE, ESCALATE_AFTER, List.of(),
                REPEAT_EVERY, SUMMARY_LINES, null, SEND_TIMEOUT, GIVE_UP_AFTER);
    }

    /** Whether any channel is configured. */
    public boolean enabled() {
        return !channels.isEmpty();
    }
}
