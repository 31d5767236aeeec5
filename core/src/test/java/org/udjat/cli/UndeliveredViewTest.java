package org.udjat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Contact;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.config.ChannelSpec;
import org.udjat.config.NotifySettings;
import org.udjat.dispatch.outbox.Deliverer;
import org.udjat.dispatch.outbox.Outbox;
import org.udjat.dispatch.Outgoing;
import org.udjat.record.StateDir;

class UndeliveredViewTest {
    private static final Instant T = Instant.parse("2026-12-01T03:00:00Z");

    /** Answers every send with the delivery it was made with. */
    private static Notifier answering(String type, Delivery delivery) {
        return new Notifier() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Delivery send(Notice notice, Settings options, Duration timeout) {
                return delivery;
            }
        };
    }

    private static Outgoing message(String channel, String id, String to) {
        return new Outgoing(channel, new Notice(id, T, Notice.Kind.PAGE, Notice.Urgency.PAGE, "DOWN", "gw1 DOWN",
                List.of(), List.of(), to == null ? null : new Contact(to, null, null, null), null, 0));
    }

    @Test
    void statusListsFailedWaitingAndGivenUpMessagesButNotThoseOnTheirWay(@TempDir Path dir) throws Exception {
        Outbox outbox = new Outbox(StateDir.open(dir, Clock.fixed(T, ZoneOffset.UTC)));
        outbox.put(List.of(message("sms", "n1", "alice"), message("chat", "n2", null), message("fax", "n3", "bob")));
        Map<String, ChannelSpec> channels = new LinkedHashMap<>();
        channels.put("sms", new ChannelSpec("sms", "sms", Notice.Urgency.PAGE, null, null, Settings.empty()));
        channels.put("chat", new ChannelSpec("chat", "webhook", Notice.Urgency.LOW, null, null, Settings.empty()));
        NotifySettings none = NotifySettings.none(Duration.ofMinutes(1));
        NotifySettings settings = new NotifySettings(Map.of(), channels, List.of(), none.grace(), none.ackMode(),
                none.escalateAfter(), List.of(), none.repeatEvery(), 10, null, Duration.ofSeconds(1), Duration.ofHours(1));
        new Deliverer(Map.of("sms", answering("sms", Delivery.retryLater("gateway said 503\u001b[31m")),
                "webhook", answering("webhook", Delivery.rejected("HTTP 404"))), settings, Clock.fixed(T, ZoneOffset.UTC))
                .deliver(outbox, T.plusSeconds(10));
        outbox.put(List.of(message("sms", "n4", "carol")));

        List<UndeliveredView.Row> rows = UndeliveredView.of(outbox, T.plusSeconds(600));
        StringWriter text = new StringWriter();
        UndeliveredView.print(rows, new PrintWriter(text, true));
        List<String> lines = text.toString().lines().toList();

        assertEquals("undelivered messages (3):", lines.get(1));
        assertTrue(lines.get(2).matches("CHANNEL\\s+RECIPIENT\\s+KIND\\s+AGE\\s+ATTEMPTS\\s+STATE\\s+LAST ERROR"), lines.get(2));
        assertTrue(lines.get(3).matches("sms\\s+alice\\s+PAGE\\s+10m\\s+1\\s+retrying\\s+gateway said 503 \\[31m"),
                lines.get(3));
        assertTrue(lines.get(4).matches("fax\\s+bob\\s+PAGE\\s+10m\\s+0\\s+waiting\\s+channel \"fax\" is not in the config"),
                lines.get(4));
        assertTrue(lines.get(5).matches("chat\\s+-\\s+PAGE\\s+10m\\s+1\\s+gave up\\s+rejected: HTTP 404"), lines.get(5));
        assertEquals(6, lines.size(), text.toString());
    }
}
