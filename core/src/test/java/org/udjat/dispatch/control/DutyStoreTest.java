package org.udjat.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.record.StateDir;

class DutyStoreTest {
    static final Instant T = Instant.parse("2026-11-22T06:00:00Z");

    @TempDir
    Path dir;

    private DutyStore store() throws Exception {
        return new DutyStore(StateDir.open(dir, Clock.fixed(T, ZoneOffset.UTC)));
    }

    @Test
    void nobodyIsOnDutyWithoutAFile() throws Exception {
        assertEquals(Optional.empty(), store().load());
        assertEquals(List.of(), store().read().warnings());
    }

    @Test
    void takingDutyIsWrittenAsNameAndSinceAndSaysWhoHadIt() throws Exception {
        DutyStore store = store();
        assertEquals(Optional.empty(), store.take("alice", T).value());
        Stored<Optional<Duty>> second = store.take("bob", T.plusSeconds(3600));
        assertEquals(Optional.of(new Duty("alice", T)), second.value());
        assertEquals(Optional.of(new Duty("bob", T.plusSeconds(3600))), store().load());
        String json = Files.readString(dir.resolve("duty.json")).replaceAll("\\s", "");
        assertEquals("{\"name\":\"bob\",\"since\":\"2026-11-22T07:00:00Z\"}", json);
    }

    @Test
    void takingDutyAgainKeepsSince() throws Exception {
        DutyStore store = store();
        store.take("alice", T);
        assertEquals(Optional.of(new Duty("alice", T)), store.take("alice", T.plusSeconds(60)).value());
        assertEquals(Optional.of(new Duty("alice", T)), store.load());
    }

    @Test
    void aCorruptFileIsReportedOnReadAndSetAsideOnWrite() throws Exception {
        Files.writeString(dir.resolve("duty.json"), "{\"name\": \"alice\", \"since\": ");
        DutyStore store = store();
        Stored<Optional<Duty>> read = store.read();
        assertEquals(Optional.empty(), read.value());
        assertEquals(1, read.warnings().size());
        assertTrue(read.warnings().get(0).contains("duty.json: unreadable ("), read.warnings().toString());
        assertTrue(Files.exists(dir.resolve("duty.json")), "reading changes nothing");

        Stored<Optional<Duty>> taken = store.take("bob", T);
        assertEquals(Optional.empty(), taken.value());
        assertTrue(taken.warnings().get(0).endsWith("set aside as duty.json.corrupt-20261122T060000Z"),
                taken.warnings().toString());
        assertEquals("{\"name\": \"alice\", \"since\": ",
                Files.readString(dir.resolve("duty.json.corrupt-20261122T060000Z")));
        assertEquals(Optional.of(new Duty("bob", T)), store.load());
    }

    @Test
    void aFileWithAMissingFieldIsCorrupt() throws Exception {
        Files.writeString(dir.resolve("duty.json"), "{\"name\": \"alice\"}");
        Stored<Optional<Duty>> read = store().read();
        assertEquals(Optional.empty(), read.value());
        assertTrue(read.warnings().get(0).contains("unreadable"), read.warnings().toString());
    }
}
