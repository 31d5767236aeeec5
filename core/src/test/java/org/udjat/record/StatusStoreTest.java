package org.udjat.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Status;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.Snapshot;

class StatusStoreTest {
    private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path tmp;
    private StateDir dir;
    private StatusStore store;

    @BeforeEach
    void open() throws IOException {
        dir = StateDir.open(tmp, Clock.fixed(T.plusSeconds(30), ZoneOffset.UTC));
        store = new StatusStore(dir);
    }

    @Test
    void firstRun_isEmptyWithoutWarnings() {
        StatusStore.LoadResult result = store.load();
        assertTrue(result.snapshot().isEmpty());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void richSnapshot_survivesTheRoundTripAsStrictJson() throws IOException {
        Snapshot rich = Snapshots.rich(T);
        store.save(rich);

        Snapshot back = store.load().snapshot().orElseThrow();
        assertEquals(rich.hosts().get(1), back.hosts().get(1));
        CheckState disk = back.host("web1").orElseThrow().checks().get(0);
        assertEquals(Snapshots.HOSTILE_OUTPUT, disk.summary());
        assertTrue(Double.isNaN(disk.perfData().get(1).value()));
        // NaN != NaN, so compare everything else through the text form
        assertEquals(rich.toString(), back.toString());
        assertEquals(null, back.host("web1").orElseThrow().checks().get(1).lastResult());

        byte[] file = Files.readAllBytes(dir.statusFile());
        JsonNode tree = new ObjectMapper().readTree(file);
        assertEquals(Snapshot.CURRENT_VERSION, tree.get("version").asInt());
        String text = new String(file, StandardCharsets.UTF_8);
        assertFalse(text.contains("</script>"), "output must stay inert if embedded in HTML");
        assertTrue(text.contains("\n  \"hosts\""), "pretty-printed for people who open it");
        assertEquals(List.of("status.json"), AtomicFilesTest.names(tmp));
    }

    @Test
    void save_keepsThePreviousStatusAsBackup() throws IOException {
        store.save(Snapshots.small(T, Status.OK));
        byte[] first = Files.readAllBytes(dir.statusFile());
        store.save(Snapshots.small(T.plusSeconds(60), Status.CRITICAL));

        assertArrayEquals(first, Files.readAllBytes(dir.statusBackup()));
        assertEquals(Status.CRITICAL, status(store.load().snapshot().orElseThrow()));
        assertEquals(List.of("status.json", "status.json.bak"), AtomicFilesTest.names(tmp));
    }

    @Test
    void corruptStatus_isSetAsideAndTheBackupUsed() throws IOException {
        store.save(Snapshots.small(T, Status.OK));
        store.save(Snapshots.small(T.plusSeconds(60), Status.CRITICAL));
        byte[] torn = Arrays.copyOf(Files.readAllBytes(dir.statusFile()), 100);
        Files.write(dir.statusFile(), torn);

        StatusStore.LoadResult result = store.load();

        assertEquals(Status.OK, status(result.snapshot().orElseThrow()));
        Path aside = tmp.resolve("status.json.corrupt-20240501T120030Z");
        assertArrayEquals(torn, Files.readAllBytes(aside), "evidence is kept as it was");
        assertTrue(result.warnings().get(0).startsWith(dir.statusFile() + ": unreadable (truncated JSON at line "),
                result.warnings().get(0));
        assertTrue(result.warnings().get(0).endsWith("set aside as status.json.corrupt-20240501T120030Z"));
        assertTrue(result.warnings().get(1).startsWith("continuing from " + dir.statusBackup()));

        store.save(Snapshots.small(T.plusSeconds(120), Status.WARNING));
        assertEquals(Status.OK, status(load(dir.statusBackup())), "the good backup is not replaced by nothing");
    }

    @Test
    void wrongVersionOrGarbage_countAsCorrupt() throws IOException {
        store.save(Snapshots.small(T, Status.OK));
        store.save(Snapshots.small(T, Status.WARNING));
        Files.writeString(dir.statusFile(), "{\"version\": 9, \"hosts\": []}");
        StatusStore.LoadResult result = store.load();
        assertEquals(Status.OK, status(result.snapshot().orElseThrow()));
        assertTrue(result.warnings().get(0).contains("unreadable (format version 9, this udjat reads version 1)"),
                result.warnings().get(0));

        Files.writeString(dir.statusFile(), "\u0000\u0000garbage");
        result = new StatusStore(dir).load();
        assertTrue(result.warnings().get(0).contains("unreadable (invalid JSON at line 1, column "), result.warnings().get(0));
        assertTrue(Files.exists(tmp.resolve("status.json.corrupt-20240501T120030Z-1")), "a second one gets its own name");
    }

    @Test
    void bothCorrupt_isEmptyWithWarningsAndBothSetAside() throws IOException {
        Files.writeString(dir.statusFile(), "");
        Files.writeString(dir.statusBackup(), "{\"version\":1,\"hosts\":[{\"host\":\"a\"");

        StatusStore.LoadResult result = store.load();

        assertTrue(result.snapshot().isEmpty());
        assertEquals(3, result.warnings().size(), result.warnings().toString());
        assertTrue(result.warnings().get(0).contains("status.json: unreadable (the file is empty)"));
        assertTrue(result.warnings().get(1).contains("status.json.bak: unreadable (truncated JSON"));
        assertTrue(result.warnings().get(2).startsWith("no usable status in " + tmp));
        assertEquals(List.of("status.json.bak.corrupt-20240501T120030Z", "status.json.corrupt-20240501T120030Z"),
                AtomicFilesTest.names(tmp));
    }

    @Test
    void missingStatusWithABackup_usesTheBackup() throws IOException {
        store.save(Snapshots.small(T, Status.OK));
        store.save(Snapshots.small(T, Status.WARNING));
        Files.delete(dir.statusFile());
        StatusStore.LoadResult result = store.load();
        assertEquals(Status.OK, status(result.snapshot().orElseThrow()));
        assertTrue(result.warnings().get(0).endsWith("status.json is missing; using the backup " + dir.statusBackup()));
    }

    @Test
    void saveOverACorruptStatus_setsItAsideAndKeepsTheGoodBackup() throws IOException {
        store.save(Snapshots.small(T, Status.OK));
        store.save(Snapshots.small(T, Status.WARNING));
        Files.writeString(dir.statusFile(), "{ torn");
        store.save(Snapshots.small(T, Status.CRITICAL));
        assertEquals(Status.OK, status(load(dir.statusBackup())));
        assertEquals(Status.CRITICAL, status(load(dir.statusFile())));
        assertEquals("{ torn", Files.readString(tmp.resolve("status.json.corrupt-20240501T120030Z")));
    }

    @Test
    void unknownPropertiesFromANewerRelease_areIgnored() throws IOException {
        Files.writeString(dir.statusFile(), "{\"version\":1,\"cycleStarted\":\"2024-05-01T12:00:00Z\","
                + "\"hosts\":[{\"host\":\"h\",\"reachable\":true,\"future\":[1,2],\"checks\":[]}],\"added\":true}");
        Snapshot snapshot = store.load().snapshot().orElseThrow();
        assertEquals("h", snapshot.hosts().get(0).host());
    }

    @Test
    void checkMemory_survivesTheRoundTripInItsOrder() throws IOException {
        Snapshot small = Snapshots.small(T, Status.CRITICAL);
        CheckState c = small.hosts().get(0).checks().get(0);
        java.util.Map<String, String> memory = new java.util.LinkedHashMap<>();
        memory.put("10.0.0.9:5000", "1714564800");
        memory.put("10.0.0.1:4000", "</script> \u00e9");
        CheckState withMemory = new CheckState(c.check(), c.status(), c.summary(), c.longOutput(), c.perfData(),
                c.lastResult(), c.duration(), c.note(), c.since(), c.detail(), memory);
        store.save(new Snapshot(small.version(), small.cycleStarted(), small.cycleFinished(), List.of(
                new org.udjat.evaluate.HostState("h1", true, "", "linux", T, T, List.of(withMemory)))));

        CheckState back = store.load().snapshot().orElseThrow().hosts().get(0).checks().get(0);
        assertEquals(memory, back.memory());
        assertEquals(List.copyOf(memory.keySet()), List.copyOf(back.memory().keySet()));
    }

    @Test
    void statusWrittenBeforeCheckMemory_loadsWithNone() throws IOException {
        Files.writeString(dir.statusFile(), "{\"version\":1,\"cycleStarted\":\"2024-05-01T12:00:00Z\","
                + "\"hosts\":[{\"host\":\"h\",\"reachable\":true,\"checks\":[{\"check\":\"disk\",\"status\":\"OK\"}]}]}");
        CheckState check = store.load().snapshot().orElseThrow().hosts().get(0).checks().get(0);
        assertEquals(java.util.Map.of(), check.memory());
    }

    private static Snapshot load(Path file) throws IOException {
        try {
            return new StatusCodec().decode(Files.readAllBytes(file));
        } catch (StatusCodec.CorruptStatusException e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }

    private static Status status(Snapshot snapshot) {
        return snapshot.hosts().get(0).checks().get(0).status();
    }
}
