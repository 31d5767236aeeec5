package org.udjat.dispatch.outbox;

import org.udjat.testkit.SettableClock;
import org.udjat.dispatch.Outgoing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.dispatch.outbox.OutboxFixtures.T0;
import static org.udjat.dispatch.outbox.OutboxFixtures.channel;
import static org.udjat.dispatch.outbox.OutboxFixtures.notice;
import static org.udjat.dispatch.outbox.OutboxFixtures.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.config.NotifySettings;
import org.udjat.dispatch.outbox.DeliveryReport.Result;
import org.udjat.record.StateDir;

class DelivererTest {
    @TempDir
    Path state;

    @Test
    void aMessageWhoseChannelOrNotifierIsGoneStaysAndIsReported() throws Exception {
        SettableClock clock = new SettableClock(T0);
        Outbox outbox = new Outbox(StateDir.open(state, clock));
        outbox.put(List.of(new Outgoing("sms", notice("n1", "alice")), new Outgoing("sms", notice("n2", "bob")),
                new Outgoing("pager", notice("n3", "alice"))));
        NotifySettings settings = settings(Duration.ofSeconds(1), Duration.ofMinutes(1),
                channel("pager", "pigeon", null, null));

        for (int cycle = 0; cycle < 3; cycle++) {
            clock.advance(Duration.ofHours(2));
            DeliveryReport report = new Deliverer(Map.of(), settings, clock).deliver(outbox, clock.instant().plusSeconds(5));
            assertEquals(3, report.count(Result.STUCK));
            assertEquals(List.of(
                    "outbox: 2 messages wait: channel \"sms\" is not in the config; kept in the outbox until that is fixed",
                    "outbox: 1 message waits: channel \"pager\" needs a notifier of type \"pigeon\", which is not loaded "
                            + "(see udjat plugins); kept in the outbox until that is fixed"), report.warnings());
        }
        List<OutboxMessage> left = outbox.pending().messages();
        assertEquals(3, left.size(), "never deleted, however long it waits");
        assertEquals("channel \"sms\" is not in the config", left.get(0).lastError());
        assertEquals(0, left.get(0).attempts(), "waiting for a channel is not a failed attempt");
        assertEquals(List.of(), outbox.undeliverable().messages());
    }

    @Test
    void throwingAndNullAnsweringNotifiersAreRetryableFailuresOfTheirOwnMessageOnly() throws Exception {
        SettableClock clock = new SettableClock(T0);
        Outbox outbox = new Outbox(StateDir.open(state, clock));
        outbox.put(List.of(new Outgoing("bad", notice("n1", "alice")), new Outgoing("nul", notice("n2", "alice"))));
        NotifySettings settings = settings(Duration.ofSeconds(1), Duration.ofHours(1),
                channel("bad", "throwing", null, null), channel("nul", "null", null, null));
        TestNotifiers.Throwing throwing = new TestNotifiers.Throwing();

        DeliveryReport report = new Deliverer(Map.of("throwing", throwing, "null", new TestNotifiers.ReturnsNull()),
                settings, clock).deliver(outbox, T0.plusSeconds(5));

        assertEquals(List.of("the notifier failed: IllegalStateException: plugin bug",
                        "the notifier returned no result (a fault in the plugin)"),
                report.outcomes().stream().map(DeliveryReport.Outcome::reason).sorted().toList());
        assertEquals(2, report.count(Result.RETRY));
        List<OutboxMessage> left = outbox.pending().messages();
        assertEquals(List.of(1, 1), left.stream().map(OutboxMessage::attempts).toList());
        assertEquals(List.of(T0.plusSeconds(60), T0.plusSeconds(60)),
                left.stream().map(OutboxMessage::nextAttempt).toList());
        assertTrue(report.warnings().isEmpty(), "a retry is logged, not a warning: " + report.warnings());
    }
}
