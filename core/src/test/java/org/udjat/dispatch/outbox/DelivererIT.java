package org.udjat.dispatch.outbox;

import org.udjat.testkit.SettableClock;
import org.udjat.dispatch.Outgoing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.dispatch.outbox.OutboxFixtures.T0;
import static org.udjat.dispatch.outbox.OutboxFixtures.channel;
import static org.udjat.dispatch.outbox.OutboxFixtures.notice;
import static org.udjat.dispatch.outbox.OutboxFixtures.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Notice;
import org.udjat.api.NoticeJson;
import org.udjat.api.Notifier;
import org.udjat.config.NotifySettings;
import org.udjat.dispatch.outbox.DeliveryReport.Outcome;
import org.udjat.dispatch.outbox.DeliveryReport.Result;
import org.udjat.record.NotificationLog;
import org.udjat.record.StateDir;

/** The deliverer against a real webhook receiver on 127.0.0.1. */
@Timeout(60)
class DelivererIT {
    private static final Map<String, Notifier> POST = Map.of("post", new TestNotifiers.HttpPost());

    @TempDir
    Path state;
    private Receiver receiver;
    private SettableClock clock;
    private Outbox outbox;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        clock = new SettableClock(T0);
        outbox = new Outbox(StateDir.open(state, clock));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private DeliveryReport deliver(Map<String, Notifier> notifiers, NotifySettings settings) {
        return new Deliverer(notifiers, settings, clock).deliver(outbox, clock.instant().plusSeconds(10));
    }

    private OutboxMessage only() {
        List<OutboxMessage> left = outbox.pending().messages();
        assertEquals(1, left.size(), left.toString());
        return left.get(0);
    }

    @Test
    void theOutboxOutlastsAReceiverDownForSeveralDeliveriesWithExactBackoffAndThenDeliversOnce() throws Exception {
        NotifySettings settings = settings(Duration.ofSeconds(5), Duration.ofHours(1),
                channel("hook", "post", null, receiver.url("/switch")));
        receiver.answer(500);
        outbox.put(List.of(new Outgoing("hook", notice("n1", "alice"))));

        // tried at 0, 1m, 3m, 7m, 15m: each wait twice the one before
        List<Instant> tries = List.of(T0, T0.plusSeconds(60), T0.plusSeconds(180), T0.plusSeconds(420),
                T0.plusSeconds(900));
        for (int n = 0; n < 4; n++) {
            clock.set(tries.get(n));
            assertEquals(List.of(new Outcome(only().id(), "hook", "alice", Result.RETRY, "HTTP 500")),
                    deliver(POST, settings).outcomes());
            assertEquals(n + 1, only().attempts());
            assertEquals(tries.get(n + 1), only().nextAttempt());
            assertEquals("HTTP 500", only().lastError());
            clock.set(tries.get(n + 1).minusSeconds(1));
            DeliveryReport early = deliver(POST, settings);
            assertEquals(List.of(), early.outcomes(), "not due a second before its time");
            assertEquals(1, early.waiting());
        }
        assertEquals(4, receiver.requests().size());

        receiver.answer(200);
        clock.set(tries.get(4));
        assertEquals(1, deliver(POST, settings).count(Result.DELIVERED));
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of(), deliver(POST, settings).outcomes());

        assertEquals(List.of(NoticeJson.write(notice("n1", "alice"))), receiver.accepted());
        assertEquals(5, receiver.requests().size());
        assertEquals(List.of(), outbox.pending().messages());
        List<NotificationLog.Entry> log = new NotificationLog(outbox.stateDir()).read().entries();
        assertEquals(List.of(new NotificationLog.Entry(tries.get(4), "n1", "hook", "alice", "PAGE", "PAGE",
                List.of("gw1", "db1/disk"))), log);
    }

    @Test
    void aRejectedMessageGoesToTheFallbackChannelSayingWhyAndIsDeliveredThere() throws Exception {
        NotifySettings settings = settings(Duration.ofSeconds(5), Duration.ofHours(1),
                channel("sms", "post", "mail", receiver.url("/reject")),
                channel("mail", "post", null, receiver.url("/switch")));
        receiver.answer(500);
        outbox.put(List.of(new Outgoing("sms", notice("n1", "alice"))));

        DeliveryReport first = deliver(POST, settings);
        assertEquals(List.of(Result.FELL_BACK, Result.RETRY),
                first.outcomes().stream().map(Outcome::result).toList());
        assertEquals(List.of("outbox: PAGE message to alice on sms could not be delivered (rejected: HTTP 400); "
                + "handed to fallback channel mail"), first.warnings());
        OutboxMessage handed = only();
        assertEquals("mail", handed.channel());
        assertEquals("sms", handed.fallbackFrom());
        assertEquals("alice", handed.recipient());
        assertEquals("Sent through mail because sms could not deliver it: rejected: HTTP 400",
                handed.notice().lines().get(0));
        assertEquals(notice("n1", "alice").lines(), handed.notice().lines().subList(1, 2));

        receiver.answer(200);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, deliver(POST, settings).count(Result.DELIVERED));
        assertEquals(1, receiver.accepted().size());
        Notice got = NoticeJson.read(receiver.accepted().get(0));
        assertEquals("alice", got.recipient().name());
        assertEquals("n1", got.id());
        assertEquals(List.of(), outbox.pending().messages());
        assertEquals(List.of(), outbox.undeliverable().messages());
    }

    @Test
    void aMessageUndeliveredForGiveUpAfterMovesToUndeliverableWithoutAFallback() throws Exception {
        NotifySettings settings = settings(Duration.ofSeconds(5), Duration.ofMinutes(10),
                channel("hook", "post", null, receiver.url("/fail")));
        outbox.put(List.of(new Outgoing("hook", notice("n1", "bob"))));
        for (long minute : new long[] {0, 1, 3, 7}) {
            clock.set(T0.plusSeconds(60 * minute));
            assertEquals(1, deliver(POST, settings).count(Result.RETRY));
        }
        clock.set(T0.plusSeconds(15 * 60));
        DeliveryReport last = deliver(POST, settings);

        String reason = "not delivered within 10m (5 attempts; last: HTTP 500)";
        assertEquals(List.of(Result.UNDELIVERABLE), last.outcomes().stream().map(Outcome::result).toList());
        assertEquals(List.of("outbox: PAGE message to bob on hook is undeliverable: " + reason
                + "; kept in outbox/undeliverable/"), last.warnings());
        assertEquals(List.of(), outbox.pending().messages());
        List<OutboxMessage> gaveUp = outbox.undeliverable().messages();
        assertEquals(1, gaveUp.size());
        assertEquals(reason, gaveUp.get(0).lastError());
        assertEquals(5, gaveUp.get(0).attempts());
        assertEquals(T0.plusSeconds(15 * 60), gaveUp.get(0).gaveUp());
        assertEquals(T0, gaveUp.get(0).created());
        assertEquals(5, receiver.requests().size());
    }

    @Test
    void aMessageUndeliveredForGiveUpAfterGoesToTheFallbackAndAFallbackNeverLoops() throws Exception {
        NotifySettings settings = settings(Duration.ofSeconds(5), Duration.ZERO,
                channel("sms", "post", "mail", receiver.url("/fail")),
                channel("mail", "post", "sms", receiver.url("/fail")));
        outbox.put(List.of(new Outgoing("sms", notice("n1", "bob"))));

        DeliveryReport report = deliver(POST, settings);

        assertEquals(List.of(Result.FELL_BACK, Result.UNDELIVERABLE), report.outcomes().stream().map(Outcome::result).toList());
        assertEquals(2, report.warnings().size(), report.warnings().toString());
        assertTrue(report.warnings().get(1).endsWith("; its fallback sms was already tried; kept in outbox/undeliverable/"),
                report.warnings().get(1));
        OutboxMessage gaveUp = outbox.undeliverable().messages().get(0);
        assertEquals("mail", gaveUp.channel());
        assertEquals(List.of("sms"), gaveUp.via());
        assertEquals(List.of("/fail", "/fail"), receiver.requests().stream().map(r -> r.split(" ")[0]).toList());
    }

    @Test
    void messagesToOnePersonOnOneChannelGoOldestFirst() throws Exception {
        NotifySettings settings = settings(Duration.ofSeconds(5), Duration.ofHours(1),
                channel("hook", "post", null, receiver.url("/ok")));
        outbox.put(IntStream.rangeClosed(1, 6).mapToObj(i -> new Outgoing("hook", notice("n" + i, "alice"))).toList());

        assertEquals(6, new Deliverer(POST, settings, clock, 4).deliver(outbox, T0.plusSeconds(10)).count(Result.DELIVERED));
        assertEquals(List.of("n1", "n2", "n3", "n4", "n5", "n6"),
                receiver.accepted().stream().map(b -> NoticeJson.read(b).id()).toList());
        assertEquals(6, Files.readAllLines(state.resolve("notifications.jsonl")).size());
    }

    @Test
    void throwingAndHangingNotifiersDoNotHoldUpAGoodOne() throws Exception {
        TestNotifiers.Hanging hanging = new TestNotifiers.Hanging();
        TestNotifiers.Throwing throwing = new TestNotifiers.Throwing();
        Map<String, Notifier> notifiers = Map.of("post", new TestNotifiers.HttpPost(), "hanging", hanging,
                "throwing", throwing);
        NotifySettings settings = settings(Duration.ofSeconds(1), Duration.ofHours(1),
                channel("stuck", "hanging", null, null), channel("bad", "throwing", null, null),
                channel("good", "post", null, receiver.url("/ok")));
        outbox.put(List.of(new Outgoing("stuck", notice("s1", "alice")), new Outgoing("stuck", notice("s2", "bob")),
                new Outgoing("bad", notice("b1", "alice")), new Outgoing("good", notice("g1", "alice")),
                new Outgoing("good", notice("g2", "bob")), new Outgoing("good", notice("g3", "carol"))));
        try {
            long start = System.nanoTime();
            // one send at a time: the hung channel is given up after its one timeout, the others go on
            DeliveryReport report = new Deliverer(notifiers, settings, clock, 1).deliver(outbox, T0.plusSeconds(30));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(3, receiver.accepted().size());
            assertEquals(3, report.count(Result.DELIVERED));
            assertEquals(List.of("no answer within 1s (send_timeout)",
                    "the notifier failed: IllegalStateException: plugin bug"), report.outcomes().stream()
                    .filter(o -> o.result() == Result.RETRY).map(Outcome::reason).sorted().toList());
            assertEquals(List.of(new Outcome(outbox.pending().messages().stream().filter(m -> m.notice().id().equals("s2"))
                    .findFirst().orElseThrow().id(), "stuck", "bob", Result.NOT_TRIED,
                    "channel stuck did not answer earlier in this delivery")), report.outcomes().stream()
                    .filter(o -> o.result() == Result.NOT_TRIED).toList());
            assertEquals(1, hanging.calls.get(), "a channel that hung is not tried again in the same delivery");
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "one hung send costs its timeout once: " + took);
            assertEquals(3, outbox.pending().messages().size());
        } finally {
            hanging.release.countDown();
        }
    }

    @Test
    void theDeliveryReturnsByItsDeadlineWhateverItsNotifiersDo() throws Exception {
        TestNotifiers.Hanging hanging = new TestNotifiers.Hanging();
        Map<String, Notifier> notifiers = Map.of("post", new TestNotifiers.HttpPost(), "hanging", hanging);
        NotifySettings settings = settings(Duration.ofSeconds(20), Duration.ofHours(1),
                channel("stuck", "hanging", null, null), channel("silent", "post", null, receiver.url("/silent")));
        outbox.put(List.of(new Outgoing("stuck", notice("s1", "alice")), new Outgoing("silent", notice("q1", "alice"))));
        try {
            long start = System.nanoTime();
            DeliveryReport report = new Deliverer(notifiers, settings, clock).deliver(outbox, T0.plusMillis(1500));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(took.compareTo(Duration.ofMillis(1500)) >= 0 && took.compareTo(Duration.ofMillis(2000)) < 0,
                    "returns at its deadline, not after the 20s send timeout: " + took);
            assertEquals(2, report.count(Result.RETRY), report.outcomes().toString());
            assertTrue(report.outcomes().stream().map(Outcome::reason).anyMatch(r -> r.matches(
                    "no answer within 1\\.\\ds, when this delivery's time was up")), report.outcomes().toString());
            assertEquals(List.of(1, 1), outbox.pending().messages().stream().map(OutboxMessage::attempts).toList());
        } finally {
            hanging.release.countDown();
        }
    }
}
