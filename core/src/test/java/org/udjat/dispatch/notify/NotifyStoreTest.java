package org.udjat.dispatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Notice;
import org.udjat.record.StateDir;

/** {@code notify.json}: written atomically, read back equal, and a damaged file set aside, never fatal. */
class NotifyStoreTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    NotifyStore store() throws Exception {
        return new NotifyStore(StateDir.open(dir, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static NotifyState sample() {
        OpenProblem gw1 = new OpenProblem("gw1", null, "DOWN", "no answer <script>", NOW.minusSeconds(600), true,
                List.of(new Told("mail", "alice"), new Told("chat", null)), null, NOW.minusSeconds(540),
                List.of(new Told("sms", "alice")), null, NOW.minusSeconds(540), "a1");
        OpenProblem disk = new OpenProblem("db1", "disk", "CRITICAL", "", NOW, false, List.of(), NOW.plusSeconds(60),
                null, List.of(), null, null, null);
        Notice.Item item = new Notice.Item("db2", "disk", "OK", "WARNING", "PROBLEM", "92% used", null, 0, NOW, null);
        ChannelLog sms = new ChannelLog(List.of(NOW.minusSeconds(30), NOW),
                Map.of("bob", new Held(2, NOW.minusSeconds(20), "WARNING", List.of("db2/disk WARNING", "x"),
                        List.of(item))));
        return new NotifyState(42, Map.of("gw1", gw1, "db1/disk", disk), Map.of("sms", sms));
    }

    @Test
    void aFirstRunStartsEmpty() throws Exception {
        NotifyStore.Loaded loaded = store().load();
        assertEquals(NotifyState.EMPTY, loaded.state());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void whatIsSavedIsLoadedBackEqual_andNoTemporaryFileIsLeft() throws Exception {
        NotifyStore store = store();
        store.save(sample());
        store.save(sample());

        NotifyStore.Loaded loaded = store().load();
        assertEquals(sample(), loaded.state());
        assertEquals(List.of(), loaded.warnings());
        String json = Files.readString(dir.resolve("notify.json"));
        assertTrue(json.contains("\"sequence\" : 42"), json);
        assertFalse(json.contains("<script>"), "untrusted text is escaped: " + json);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("notify.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aCorruptFileIsSetAsideAndReported_andTheNextSaveWorks() throws Exception {
        Files.writeString(dir.resolve("notify.json"), "{\"sequence\": 3, \"problems\": {\"gw1\": ", StandardCharsets.UTF_8);

        NotifyStore.Loaded loaded = store().load();

        assertEquals(NotifyState.EMPTY, loaded.state());
        assertEquals(1, loaded.warnings().size());
        String warning = loaded.warnings().get(0);
        assertTrue(warning.startsWith(dir.resolve("notify.json") + ": unreadable ("), warning);
        assertTrue(warning.contains("set aside as notify.json.corrupt-20260301T100000Z; notifications start afresh"),
                warning);
        assertEquals("{\"sequence\": 3, \"problems\": {\"gw1\": ",
                Files.readString(dir.resolve("notify.json.corrupt-20260301T100000Z")));
        assertFalse(Files.exists(dir.resolve("notify.json")));

        Files.writeString(dir.resolve("notify.json"), "[1, 2]");
        assertTrue(store().load().warnings().get(0).contains("set aside as notify.json.corrupt-20260301T100000Z-1"));

        store().save(sample());
        assertEquals(sample(), store().load().state());
    }

    @Test
    void theStateOfARealIncidentSurvivesTheFile() throws Exception {
        Incident w = IncidentTest.world();
        w.cycle(NOW, IncidentTest.routerDown(w, NOW));
        store().save(w.state);
        NotifyState back = store().load().state();
        assertEquals(w.state, back);

        w.state = back;
        assertEquals(List.of("sms>alice PAGE"), Incident.who(w.cycle(IncidentTest.at(1))));
    }
}
