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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.record.StateDir;

class DowntimeStoreTest {
    static final Instant T = Instant.parse("2026-11-22T06:00:00Z");
    static final Duration TWO_HOURS = Duration.ofHours(2);

    @TempDir
    Path dir;

    private DowntimeStore store() throws Exception {
        return new DowntimeStore(StateDir.open(dir, Clock.fixed(T, ZoneOffset.UTC)));
    }

    @Test
    void downtimesRoundTripAndAreActiveOrScheduled() throws Exception {
        DowntimeStore store = store();
        Downtime now = store.add("web1", null, T, T.plus(TWO_HOURS), "alice", "kernel update", T).value();
        Downtime later = store.add("db1", "disk", T.plus(Duration.ofDays(1)), T.plus(Duration.ofDays(1)).plus(TWO_HOURS),
                "bob", "new disk", T).value();
        assertEquals(new Downtime("1", "web1", null, T, T.plus(TWO_HOURS), "alice", "kernel update"), now);
        assertEquals(new Downtime("2", "db1", "disk", T.plus(Duration.ofDays(1)), T.plus(Duration.ofDays(1)).plus(TWO_HOURS),
                "bob", "new disk"), later);
        assertEquals(List.of(now, later), store().load());
        assertEquals(List.of(now), DowntimeStore.active(store.load(), T));
        assertEquals(List.of(later), DowntimeStore.scheduled(store.load(), T));
        assertEquals(List.of(), DowntimeStore.active(store.load(), T.plus(TWO_HOURS)));
    }

    @Test
    void removeTakesOneByIdAndSaysWhenThereIsNone() throws Exception {
        DowntimeStore store = store();
        Downtime a = store.add("web1", null, T, T.plus(TWO_HOURS), "alice", "a", T).value();
        Downtime b = store.add("web1", "disk", T, T.plus(TWO_HOURS), "alice", "b", T).value();
        assertEquals(Optional.of(a), store.remove("1", T).value());
        assertEquals(Optional.empty(), store.remove("1", T).value());
        assertEquals(List.of(b), store.load());
    }

    @Test
    void downtimesEndedMoreThanSevenDaysAgoArePrunedOnWrite() throws Exception {
        DowntimeStore store = store();
        Downtime old = store.add("web1", null, T, T.plus(TWO_HOURS), "alice", "a", T).value();
        Downtime kept = store.add("db1", null, T, T.plus(Duration.ofDays(2)), "alice", "b", T).value();
        Instant later = T.plus(TWO_HOURS).plus(Duration.ofDays(7));
        assertEquals(List.of(old, kept), store.load());
        assertEquals(Optional.empty(), store.remove("99", later).value());
        assertEquals(List.of(kept), store.load());
    }

    @Test
    void aCorruptFileIsSetAsideOnWrite() throws Exception {
        Files.writeString(dir.resolve("downtime.json"), "not json");
        DowntimeStore store = store();
        assertEquals(List.of(), store.load());
        Stored<Downtime> added = store.add("web1", null, T, T.plus(TWO_HOURS), "alice", "a", T);
        assertTrue(added.warnings().get(0).startsWith(dir.resolve("downtime.json") + ": unreadable ("),
                added.warnings().toString());
        assertEquals("not json", Files.readString(dir.resolve("downtime.json.corrupt-20261122T060000Z")));
        assertEquals(List.of(added.value()), store.load());
    }
}
