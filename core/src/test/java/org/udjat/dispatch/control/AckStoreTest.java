package org.udjat.dispatch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.record.StateDir;

class AckStoreTest {
    static final Instant T = Instant.parse("2026-11-22T06:00:00Z");
    static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @TempDir
    Path dir;

    private AckStore store() throws Exception {
        return new AckStore(StateDir.open(dir, Clock.fixed(T, ZoneOffset.UTC)));
    }

    @Test
    void acksRoundTripWithNumberedIds() throws Exception {
        AckStore store = store();
        Ack first = store.add(List.of("gw1", "db1/disk"), "alice", "on it <b>", T, T.plus(HALF_HOUR)).value();
        Ack second = store.add(List.of("web1"), "bob", "", T.plusSeconds(60), T.plusSeconds(60).plus(HALF_HOUR))
                .value();
        assertEquals(new Ack("1", List.of("gw1", "db1/disk"), "alice", "on it <b>", T, T.plus(HALF_HOUR)), first);
        assertEquals("2", second.id());
        assertEquals(List.of(first, second), store().load());
        assertTrue(Files.readString(dir.resolve("acks.json")).contains("\"by\" : \"alice\""));
    }

    @Test
    void activeAcksAreThoseBetweenTheirTimeAndUntil() throws Exception {
        AckStore store = store();
        Ack ack = store.add(List.of("gw1"), "alice", "", T, T.plus(HALF_HOUR)).value();
        assertEquals(List.of(ack), AckStore.active(store.load(), T));
        assertEquals(List.of(ack), AckStore.active(store.load(), T.plus(HALF_HOUR).minusSeconds(1)));
        assertEquals(List.of(), AckStore.active(store.load(), T.plus(HALF_HOUR)));
        assertEquals(List.of(), AckStore.active(store.load(), T.minusSeconds(1)));
    }

    @Test
    void acksExpiredMoreThanSevenDaysAgoArePrunedOnWrite() throws Exception {
        AckStore store = store();
        Ack old = store.add(List.of("gw1"), "alice", "", T, T.plus(HALF_HOUR)).value();
        Ack recent = store.add(List.of("db1"), "alice", "", T.plus(Duration.ofDays(1)),
                T.plus(Duration.ofDays(1)).plus(HALF_HOUR)).value();
        Instant later = T.plus(HALF_HOUR).plus(Duration.ofDays(7));
        assertEquals(List.of(old, recent), store.load(), "reading prunes nothing");
        Ack now = store.add(List.of("web1"), "bob", "", later, later.plus(HALF_HOUR)).value();
        assertEquals(List.of(recent, now), store.load());
        assertEquals("3", now.id(), "ids are not reused while the higher ones are kept");
    }

    @Test
    void aCorruptListIsSetAsideAndTheNewAckKept() throws Exception {
        Files.writeString(dir.resolve("acks.json"), "[{\"id\": \"1\", \"subjects\": [\"gw1\"]}]");
        AckStore store = store();
        assertEquals(List.of(), store.load());
        assertTrue(store.read().warnings().get(0).contains("acks.json: unreadable ("));
        Stored<Ack> added = store.add(List.of("gw1"), "alice", "", T, T.plus(HALF_HOUR));
        assertTrue(added.warnings().get(0).endsWith("set aside as acks.json.corrupt-20261122T060000Z"),
                added.warnings().toString());
        assertEquals(List.of(added.value()), store.load());
        assertTrue(Files.exists(dir.resolve("acks.json.corrupt-20261122T060000Z")));
    }

    @Test
    void nullsInTheListAreCorruptNotAcks() throws Exception {
        Files.writeString(dir.resolve("acks.json"), "[null]");
        Stored<List<Ack>> read = store().read();
        assertEquals(List.of(), read.value());
        assertTrue(read.warnings().get(0).contains("null where a value is expected"), read.warnings().toString());
    }
}
