package org.udjat.dispatch.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.api.Settings;
import org.udjat.config.ChannelSpec;
import org.udjat.config.NotifySettings;

/** Notices, channels and settings for the outbox's tests. */
final class OutboxFixtures {
    static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");

    private OutboxFixtures() {
    }

    static Contact person(String name) {
        return new Contact(name, name + "@example.org", "+15550100", Map.of());
    }

    /** A page about gw1 and db1/disk, for {@code recipient} (null: a room). */
    static Notice notice(String id, String recipient) {
        return new Notice(id, T0, Notice.Kind.PAGE, Notice.Urgency.PAGE, "DOWN", "gw1 DOWN",
                List.of("gw1 DOWN for 2m: connection refused"),
                List.of(new Notice.Item("gw1", null, "UP", "DOWN", "PROBLEM", "connection refused", null, 3, T0, null),
                        new Notice.Item("db1", "disk", "OK", "CRITICAL", "PROBLEM", "/ 97% used", null, 0, T0, null)),
                recipient == null ? null : person(recipient), null, 0);
    }

    static ChannelSpec channel(String name, String type, String fallback, String url) {
        return new ChannelSpec(name, type, Notice.Urgency.LOW, null, fallback,
                url == null ? Settings.empty() : Settings.of(Map.of("url", url)));
    }

    static NotifySettings settings(Duration sendTimeout, Duration giveUpAfter, ChannelSpec... channels) {
        Map<String, ChannelSpec> byName = new LinkedHashMap<>();
        for (ChannelSpec c : channels) {
            byName.put(c.name(), c);
        }
        NotifySettings none = NotifySettings.none(Duration.ofMinutes(1));
        return new NotifySettings(Map.of(), byName, List.of(), none.grace(), none.ackMode(), none.escalateAfter(),
                List.of(), none.repeatEvery(), none.summaryLines(), null, sendTimeout, giveUpAfter);
    }
}
