package org.udjat.record.rrd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.record.rrd.Cycles.at;
import static org.udjat.record.rrd.Cycles.check;
import static org.udjat.record.rrd.Cycles.fetch;
import static org.udjat.record.rrd.Cycles.host;
import static org.udjat.record.rrd.Cycles.lastUpdate;
import static org.udjat.record.rrd.Cycles.value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rrd4j.ConsolFun;
import org.rrd4j.DsType;
import org.rrd4j.core.RrdDb;
import org.udjat.api.PerfDatum;
import org.udjat.config.RrdSettings;
import org.udjat.evaluate.Snapshot;
import org.udjat.record.StateDir;

class RrdStoreTest {
    /** A multiple of every row time below, so rows line up with cycles. */
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(1);
    /** The store's clock, which names set-aside files. */
    private static final Instant NOW = Instant.parse("2026-02-03T04:05:06Z");
    private static final double NAN = Double.NaN;

    @TempDir
    Path tmp;
    private StateDir dir;
    private RrdPaths paths;
    private RrdStore store;

    @BeforeEach
    void open() throws IOException {
        dir = StateDir.open(tmp, Clock.fixed(T0, ZoneOffset.UTC));
        paths = new RrdPaths(dir);
        store = store(small(STEP));
    }

    private RrdStore store(RrdSettings settings) {
        return new RrdStore(dir, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** One step for 1 hour, 5 minutes for 1 day. */
    private static RrdSettings small(Duration step) {
        return new RrdSettings(true, step, List.of(new RrdSettings.Archive(step, Duration.ofHours(1)),
                new RrdSettings.Archive(Duration.ofMinutes(5), Duration.ofDays(1))));
    }

    private static Instant minute(int n) {
        return T0.plus(STEP.multipliedBy(n));
    }

    /** A cycle at minute {@code n} in which host web1's check {@code check} measured {@code values}. */
    private RrdUpdate cycle(int n, String check, PerfDatum... values) {
        return store.update(at(minute(n), host("web1", check(check, minute(n), values))));
    }

    private Path file(String check, String label) {
        return paths.rrdFile(new SeriesKey("web1", check, label));
    }

    /** Values at one-minute resolution for minutes {@code from..to}: each covers the minute before it. */
    private static double[] perMinute(Path file, ConsolFun function, int from, int to) throws IOException {
        return fetch(file, function, minute(from), minute(to), 60);
    }

    @Test
    void gaugeValues_readBackExactly_asAverageMinAndMax_andConsolidateIntoFiveMinuteRows() throws IOException {
        double[] values = {7, 3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        for (int i = 0; i < values.length; i++) {
            RrdUpdate u = cycle(i, "load", value("load1", values[i], ""));
            assertEquals(List.of(new SeriesKey("web1", "load", "load1")), u.updated());
            assertEquals(List.of(), u.warnings());
        }
        Path file = file("load", "load1");
        for (ConsolFun f : List.of(ConsolFun.AVERAGE, ConsolFun.MIN, ConsolFun.MAX)) {
            assertArrayEquals(values, perMinute(file, f, 0, 10), f.name());
        }
        // rows of 5 minutes: minutes 1..5 and 6..10
        assertArrayEquals(new double[] {2.8, 5}, fetch(file, ConsolFun.AVERAGE, minute(5), minute(10), 300), 1e-12);
        assertArrayEquals(new double[] {1, 2}, fetch(file, ConsolFun.MIN, minute(5), minute(10), 300));
        assertArrayEquals(new double[] {5, 9}, fetch(file, ConsolFun.MAX, minute(5), minute(10), 300));
    }

    @Test
    void theFileHasOneGaugeSource_aStepOfTheInterval_aHeartbeatOfTwo_andAverageMinMaxPerArchive() throws IOException {
        cycle(0, "disk", value("used", 1, "B"));
        try (RrdDb db = RrdDb.getBuilder().setPath(file("disk", "used").toString()).readOnly().build()) {
            assertEquals(60, db.getHeader().getStep());
            assertEquals(1, db.getDsCount());
            assertEquals("u_B", db.getDatasource(0).getName());
            assertEquals(DsType.GAUGE, db.getDatasource(0).getType());
            assertEquals(120, db.getDatasource(0).getHeartbeat());
            assertEquals(6, db.getArcCount());
            assertEquals(60, db.getArchive(ConsolFun.AVERAGE, 1).getRows());
            assertEquals(288, db.getArchive(ConsolFun.MAX, 5).getRows());
        }
    }

    @Test
    void counters_becomeRatesPerSecond_andAResetIsUnknownNotASpike() throws IOException {
        double[] counter = {1000, 1060, 1180, 1180, 50, 110};
        for (int i = 0; i < counter.length; i++) {
            cycle(i, "net", value("rx", counter[i], "c"));
        }
        Path file = file("net", "rx");
        assertArrayEquals(new double[] {NAN, 1, 2, 0, NAN, 1}, perMinute(file, ConsolFun.AVERAGE, 0, 5));
        try (RrdDb db = RrdDb.getBuilder().setPath(file.toString()).readOnly().build()) {
            assertEquals(DsType.DERIVE, db.getDatasource(0).getType());
            assertEquals(0.0, db.getDatasource(0).getMinValue());
        }
    }

    @Test
    void unknownValues_andCyclesWithoutAResult_stayUnknown_neverZero() throws IOException {
        cycle(0, "load", value("load1", 5, ""));
        cycle(1, "load", value("load1", 6, ""));
        cycle(2, "load", value("load1", NAN, ""));
        cycle(3, "load", value("load1", 8, ""));
        for (int n = 4; n <= 6; n++) {
            // the host was not reached: the check keeps its result of minute 3
            RrdUpdate u = store.update(at(minute(n), host("web1", check("load", minute(3), value("load1", 8, "")))));
            assertEquals(List.of(), u.updated());
        }
        cycle(7, "load", value("load1", 9, ""));
        cycle(8, "load", value("load1", 10, ""));

        double[] got = perMinute(file("load", "load1"), ConsolFun.AVERAGE, 0, 8);
        assertArrayEquals(new double[] {5, 6, NAN, 8, NAN, NAN, NAN, NAN, 10}, got);
        assertEquals(minute(8).getEpochSecond(), lastUpdate(file("load", "load1")));
    }

    @Test
    void oneMissedCycle_isBridgedByTheHeartbeat() throws IOException {
        cycle(0, "load", value("load1", 5, ""));
        cycle(2, "load", value("load1", 7, ""));
        assertArrayEquals(new double[] {5, 7, 7}, perMinute(file("load", "load1"), ConsolFun.AVERAGE, 0, 2));
    }

    @Test
    void aLabelThatAppearsLater_getsItsOwnNewFile() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertEquals(i == 0 ? 1 : 0, cycle(i, "disk", value("a", i, "")).created().size());
        }
        RrdUpdate u = cycle(3, "disk", value("a", 3, ""), value("b", 30, ""));
        assertEquals(List.of(new SeriesKey("web1", "disk", "b")), u.created());
        cycle(4, "disk", value("a", 4, ""), value("b", 40, ""));

        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, perMinute(file("disk", "a"), ConsolFun.AVERAGE, 0, 4));
        assertArrayEquals(new double[] {30, 40}, perMinute(file("disk", "b"), ConsolFun.AVERAGE, 3, 4));
        assertTrue(Double.isNaN(perMinute(file("disk", "b"), ConsolFun.AVERAGE, 2, 2)[0]));
    }

    @Test
    void aLabelThatDisappears_leavesItsFileAndItsInfoAlone() throws IOException {
        cycle(0, "disk", value("a", 1, ""), value("b", 10, "B"));
        cycle(1, "disk", value("a", 2, ""), value("b", 20, "B"));
        byte[] before = Files.readAllBytes(file("disk", "b"));
        cycle(2, "disk", value("a", 3, ""));
        cycle(3, "disk", value("a", 4, ""));

        assertArrayEquals(before, Files.readAllBytes(file("disk", "b")));
        assertEquals(minute(1).getEpochSecond(), lastUpdate(file("disk", "b")));
        String info = Files.readString(paths.infoFile("web1", "disk"));
        assertTrue(info.contains("\"b\""), info);
        assertEquals(minute(3).getEpochSecond(), lastUpdate(file("disk", "a")));
    }

    @Test
    void aUnitChange_setsTheOldFileAsideUnderAClearName_andStartsANewOne() throws IOException {
        cycle(0, "disk", value("used", 100, "B"));
        cycle(1, "disk", value("used", 200, "B"));
        RrdUpdate u = cycle(2, "disk", value("used", 42, "%"));

        Path aside = file("disk", "used").resolveSibling("used.rrd.unit-B-20260203T040506Z");
        assertTrue(Files.exists(aside), "set aside as " + aside.getFileName());
        assertArrayEquals(new double[] {100, 200}, perMinute(aside, ConsolFun.AVERAGE, 0, 1));
        assertArrayEquals(new double[] {NAN, 42}, perMinute(file("disk", "used"), ConsolFun.AVERAGE, 1, 2));
        assertEquals(List.of(), u.warnings());
        assertEquals(List.of("rrd/web1/disk/used.rrd: made for unit B (GAUGE); the value is now %; kept as "
                + "used.rrd.unit-B-20260203T040506Z, a new file was started"), u.notes());
        assertTrue(Files.readString(paths.infoFile("web1", "disk")).contains("\"unit\" : \"%\""));
    }

    @Test
    void aValueThatBecomesACounter_isNotMixedWithTheGauge() throws IOException {
        cycle(0, "net", value("rx", 5, ""));
        cycle(1, "net", value("rx", 100, "c"));
        cycle(2, "net", value("rx", 160, "c"));

        assertTrue(Files.exists(file("net", "rx").resolveSibling("rx.rrd.unit-none-20260203T040506Z")));
        assertArrayEquals(new double[] {NAN, 1}, perMinute(file("net", "rx"), ConsolFun.AVERAGE, 1, 2));
    }

    @Test
    void damagedFiles_areReportedAndSetAside_newOnesStarted_andTheOthersStillUpdate() throws IOException {
        List<String> labels = List.of("a", "b", "c", "d", "e");
        for (int n = 0; n < 2; n++) {
            cycle(n, "disk", labels.stream().map(l -> value(l, 1, "")).toArray(PerfDatum[]::new));
        }
        byte[] whole = Files.readAllBytes(file("disk", "a"));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        Files.write(file("disk", "a"), half);
        byte[] garbage = new byte[whole.length];
        new Random(7).nextBytes(garbage);
        Files.write(file("disk", "b"), garbage);
        Files.write(file("disk", "d"), new byte[whole.length]); // zeros, as a power loss may leave a file
        byte[] shortened = Arrays.copyOf(whole, whole.length - 8);
        Files.write(file("disk", "e"), shortened);

        RrdUpdate u = cycle(2, "disk", labels.stream().map(l -> value(l, 10 * (l.charAt(0) - 'a' + 1), ""))
                .toArray(PerfDatum[]::new));

        assertEquals(5, u.updated().size());
        assertEquals(List.of("a", "b", "d", "e"), u.created().stream().map(SeriesKey::label).toList());
        List<String> w = u.warnings();
        assertEquals(4, w.size(), w.toString());
        assertEquals("rrd/web1/disk/a.rrd: not a readable RRD file (cannot read bytes 6672..6676: the file has "
                + half.length + " bytes); kept as a.rrd.corrupt-20260203T040506Z, a new file was started", w.get(0));
        assertTrue(w.get(1).startsWith("rrd/web1/disk/b.rrd: not a readable RRD file ("), w.get(1));
        assertTrue(w.get(1).endsWith("; kept as b.rrd.corrupt-20260203T040506Z, a new file was started"), w.get(1));
        assertTrue(w.get(2).startsWith("rrd/web1/disk/d.rrd: not a readable RRD file ("), w.get(2));
        assertEquals("rrd/web1/disk/e.rrd: has " + shortened.length + " bytes where its layout needs " + whole.length
                + ": truncated or damaged; kept as e.rrd.corrupt-20260203T040506Z, a new file was started", w.get(3));
        assertArrayEquals(half, Files.readAllBytes(file("disk", "a").resolveSibling("a.rrd.corrupt-20260203T040506Z")));
        assertArrayEquals(garbage, Files.readAllBytes(file("disk", "b").resolveSibling("b.rrd.corrupt-20260203T040506Z")));
        for (String label : List.of("a", "b", "d", "e")) {
            assertArrayEquals(new double[] {NAN, 10 * (label.charAt(0) - 'a' + 1)},
                    perMinute(file("disk", label), ConsolFun.AVERAGE, 1, 2), label);
        }
        assertArrayEquals(new double[] {1, 1, 30}, perMinute(file("disk", "c"), ConsolFun.AVERAGE, 0, 2));
    }

    @Test
    void aFileMadeWithAnotherStep_isSetAside_whenTheIntervalChanges() throws IOException {
        cycle(0, "load", value("load1", 1, ""));
        store = store(new RrdSettings(true, Duration.ofMinutes(5), List.of(
                new RrdSettings.Archive(Duration.ofMinutes(5), Duration.ofDays(1)))));
        RrdUpdate u = cycle(5, "load", value("load1", 2, ""));

        assertEquals(List.of("rrd/web1/load/load1.rrd: made with a step of 60s; the interval is now 300s; kept as "
                + "load1.rrd.step-60s-20260203T040506Z, a new file was started"), u.warnings());
        try (RrdDb db = RrdDb.getBuilder().setPath(file("load", "load1").toString()).readOnly().build()) {
            assertEquals(300, db.getHeader().getStep());
        }
    }

    @Test
    void theSameCycleTwice_orAClockThatWentBack_isSkippedWithANote() throws IOException {
        Snapshot s = at(minute(3), host("web1", check("disk", minute(3), value("a", 1, ""), value("b", 2, ""))));
        store.update(s);
        byte[] before = Files.readAllBytes(file("disk", "a"));

        RrdUpdate again = store.update(s);
        RrdUpdate back = cycle(2, "disk", value("a", 5, ""));

        assertEquals(List.of(), again.updated());
        assertEquals(List.of(), again.warnings());
        assertEquals(List.of("2 values not stored in RRD files: not after the file's last update (the clock went "
                + "back, or the same results were recorded twice); e.g. rrd/web1/disk/a.rrd was last updated at "
                + "2026-01-01T00:03:00Z, the value is of 2026-01-01T00:03:00Z"), again.notes());
        assertEquals(1, back.notes().size());
        assertArrayEquals(before, Files.readAllBytes(file("disk", "a")));
    }

    @Test
    void theFileTime_isTheTimeOfItsLastUpdate() throws IOException {
        cycle(4, "load", value("load1", 1, ""));
        assertEquals(FileTime.from(minute(4)), Files.getLastModifiedTime(file("load", "load1")));
    }

    @Test
    void labelsJson_keepsNamesUnitsAndThresholds_andIsRewrittenOnlyWhenThatChanges() throws IOException {
        cycle(0, "disk", value("/var", 5, "%", "80", "90"), value("inodes", 7, ""));
        Path info = paths.infoFile("web1", "disk");
        String first = Files.readString(info);
        assertTrue(first.contains("\"host\" : \"web1\""), first);
        assertTrue(first.contains("\"/var\" : {"), first);
        assertTrue(first.contains("\"warn\" : \"80\""), first);
        assertTrue(first.contains("\"crit\" : \"90\""), first);
        Files.setLastModifiedTime(info, FileTime.from(T0));

        cycle(1, "disk", value("/var", 6, "%", "80", "90"), value("inodes", 8, ""));
        assertEquals(FileTime.from(T0), Files.getLastModifiedTime(info));

        cycle(2, "disk", value("/var", 6, "%", "70", "90"), value("inodes", 8, ""));
        assertTrue(Files.readString(info).contains("\"warn\" : \"70\""));
    }

    @Test
    void hostileNames_stayInsideTheirCheckFolder() throws IOException {
        cycle(0, "disk", value("../../../escaped", 1, ""), value("/", 2, "B"), value(".hidden", 3, ""));
        Path checkDir = paths.checkDir("web1", "disk");
        try (Stream<Path> all = Files.walk(tmp)) {
            List<String> files = all.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()).sorted()
                    .toList();
            assertEquals(List.of("rrd/web1/disk/labels.json", "rrd/web1/disk/~2E.~2F..~2F..~2Fescaped.rrd",
                    "rrd/web1/disk/~2Ehidden.rrd", "rrd/web1/disk/~2F.rrd"), files);
        }
        assertTrue(Files.isDirectory(checkDir));
    }

    @Test
    void aLabelWrittenTwiceInOneResult_keepsTheFirstValue() throws IOException {
        cycle(0, "load", value("x", 1, ""), value("x", 2, ""));
        assertArrayEquals(new double[] {1}, perMinute(file("load", "x"), ConsolFun.AVERAGE, 0, 0));
    }

    @Test
    void aFileThatCannotBeStarted_isReported_andTheOtherHostsStillUpdate() throws IOException {
        Files.createDirectories(dir.rrdDir());
        Files.writeString(dir.rrdDir().resolve("db1"), "in the way", StandardCharsets.UTF_8);
        RrdUpdate u = store.update(at(minute(0), host("db1", check("load", minute(0), value("load1", 1, ""))),
                host("web1", check("load", minute(0), value("load1", 2, "")))));

        assertEquals(List.of(new SeriesKey("web1", "load", "load1")), u.updated());
        assertEquals(1, u.warnings().size());
        assertTrue(u.warnings().get(0).startsWith("rrd/db1/load/load1.rrd: cannot be opened or started ("),
                u.warnings().get(0));
    }

    @Test
    void manyHosts_areReportedInSnapshotOrder_whateverThreadUpdatedThem() throws IOException {
        List<org.udjat.evaluate.HostState> hosts = new java.util.ArrayList<>();
        List<SeriesKey> expected = new java.util.ArrayList<>();
        for (int h = 0; h < 40; h++) {
            hosts.add(host("h" + h, check("load", minute(0), value("a", h, ""), value("b", -h, ""))));
            expected.add(new SeriesKey("h" + h, "load", "a"));
            expected.add(new SeriesKey("h" + h, "load", "b"));
        }
        RrdUpdate u = store.update(at(minute(0), hosts.toArray(org.udjat.evaluate.HostState[]::new)));

        assertEquals(expected, u.updated());
        assertEquals(expected, u.created());
        assertArrayEquals(new double[] {-39}, perMinute(paths.rrdFile(new SeriesKey("h39", "load", "b")),
                ConsolFun.AVERAGE, 0, 0));
    }

    @Test
    void disabled_writesNothing() {
        store = store(new RrdSettings(false, STEP, small(STEP).archives()));
        assertEquals(RrdUpdate.NONE, cycle(0, "load", value("load1", 1, "")));
        assertFalse(Files.exists(dir.rrdDir()));
    }
}
