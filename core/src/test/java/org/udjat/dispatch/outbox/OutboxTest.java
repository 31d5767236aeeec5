package org.udjat.dispatch.outbox;

import org.udjat.testkit.SettableClock;
import org.udjat.dispatch.Outgoing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.dispatch.outbox.OutboxFixtures.T0;
import static org.udjat.dispatch.outbox.OutboxFixtures.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.NoticeJson;
import org.udjat.record.StateDir;

class OutboxTest {
    @TempDir
    Path state;

    private Outbox outbox(SettableClock clock) throws Exception {
        return new Outbox(StateDir.open(state, clock));
    }

    private List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void eachMessageIsOneFileInTheDocumentedForm() throws Exception {
        Outbox outbox = outbox(new SettableClock(T0));
        List<OutboxMessage> stored = outbox.put(List.of(new Outgoing("sms", notice("n1", "alice")),
                new Outgoing("chat", notice("n2", null))));

        assertEquals(List.of("0001796094000000-0000-sms-n1.json", "0001796094000000-0001-chat-n2.json"),
                files(state.resolve("outbox")));
        assertEquals(List.of("0001796094000000-0000-sms-n1", "0001796094000000-0001-chat-n2"),
                stored.stream().map(OutboxMessage::id).toList());
        JsonNode file = new ObjectMapper().readTree(state.resolve("outbox/0001796094000000-0000-sms-n1.json").toFile());
        assertEquals("sms", file.get("channel").asText());
        assertEquals(notice("n1", "alice"), NoticeJson.read(file.get("notice").toString()));
        assertEquals("2026-12-01T03:00:00Z", file.get("created").asText());
        assertEquals(0, file.get("attempts").asInt());
        assertTrue(file.get("nextAttempt").isNull());
        assertTrue(file.get("lastError").isNull());
        assertTrue(file.get("fallbackFrom").isNull());
    }

    @Test
    void theSameMessagePutTwiceIsStoredOnceAndADifferentOneWithTheSameIdIsKept() throws Exception {
        SettableClock clock = new SettableClock(T0);
        Outbox outbox = outbox(clock);
        outbox.put(List.of(new Outgoing("sms", notice("n1", "alice"))));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), outbox.put(List.of(new Outgoing("sms", notice("n1", "alice")))));
        assertEquals(1, outbox.put(List.of(new Outgoing("sms", notice("n1", "bob")))).size());
        assertEquals(1, outbox.put(List.of(new Outgoing("chat", notice("n1", "alice")))).size());
        assertEquals(3, outbox.pending().messages().size());
    }

    @Test
    void pendingIsOldestFirstAndLeavesUnreadableFilesWhereTheyAre() throws Exception {
        SettableClock clock = new SettableClock(T0);
        Outbox outbox = outbox(clock);
        outbox.put(List.of(new Outgoing("sms", notice("b", "alice")), new Outgoing("sms", notice("a", "alice"))));
        clock.advance(Duration.ofMinutes(1));
        outbox.put(List.of(new Outgoing("sms", notice("0", "alice"))));
        Files.writeString(state.resolve("outbox/broken.json"), "{\"channel\": \"sms\", \"notice\": {");

        Outbox.Listing listing = outbox.pending();
        assertEquals(List.of("b", "a", "0"), listing.messages().stream().map(m -> m.notice().id()).toList());
        assertEquals(1, listing.unreadable().size());
        assertTrue(listing.unreadable().get(0).reason().startsWith("not a readable message"),
                listing.unreadable().toString());
        assertTrue(Files.exists(state.resolve("outbox/broken.json")), "reading changes nothing");
    }

    @Test
    void deliveringSetsCorruptFilesAsideAndReportsThem() throws Exception {
        SettableClock clock = new SettableClock(T0);
        Outbox outbox = outbox(clock);
        Files.createDirectories(state.resolve("outbox"));
        Files.writeString(state.resolve("outbox/garbage.json"), "\u0000\u0001 not json");
        Files.writeString(state.resolve("outbox/half.json"), "{\"channel\": \"sms\"}");

        DeliveryReport report = new Deliverer(Map.of(), OutboxFixtures.settings(Duration.ofSeconds(1),
                Duration.ofHours(1)), clock).deliver(outbox, T0.plusSeconds(5));

        assertEquals(List.of("garbage.json.corrupt", "half.json.corrupt"), files(state.resolve("outbox")));
        assertEquals(2, report.warnings().size(), report.warnings().toString());
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("half.json: not a readable message "
                + "(channel, notice or created missing); set aside as half.json.corrupt")), report.warnings().toString());
        assertFalse(new Deliverer(Map.of(), OutboxFixtures.settings(Duration.ofSeconds(1), Duration.ofHours(1)), clock)
                .deliver(outbox, T0.plusSeconds(5)).warnings().stream().anyMatch(w -> w.contains("corrupt")),
                "a file set aside is not reported again");
    }
}
