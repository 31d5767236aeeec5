package org.udjat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rrd4j.ConsolFun;
import org.rrd4j.core.RrdDb;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.config.HostSpec;
import org.udjat.evaluate.Change;
import org.udjat.plugin.Plugins;
import org.udjat.poll.LocalTransport;
import org.udjat.record.HistoryLog;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;

/** Whole cycles on this machine (real /bin/sh) that store their perfdata in RRD files. */
class CycleRrdTest {
    /**
     * Cycles run real processes against a deadline from the clock (the interval less 10 s), so the
     * clock must not lag the real time: the next whole minute.
     */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);

    @TempDir
    Path dir;

    private CycleOutcome run(Plugins plugins, Instant at) throws Exception {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, """
                hosts:
                  here:
                    transport: local
                    checks:
                      - command: 'echo "OK - fine|used=2048B;4096;8192 rx=$((%d * 600))c"'
                        name: app
                """.formatted((int) (at.getEpochSecond() - T0.getEpochSecond()) / 60));
        Config config = new ConfigLoader(plugins.checks(), Map.of(), "tester", dir).load(file);
        return new Cycle(config, plugins, Map.of(HostSpec.Transport.LOCAL, new LocalTransport()),
                Clock.fixed(at, ZoneOffset.UTC)).run();
    }

    @Test
    void eachCycleStoresItsValues_andAnRrdProblemIsAWarningOfTheCycle() throws Exception {
        Path rrd = dir.resolve("state/rrd/here/app");
        try (Plugins plugins = Plugins.load(null)) {
            assertEquals(List.of(), run(plugins, T0).warnings());
            assertEquals(List.of(), run(plugins, T0.plusSeconds(60)).warnings());
            try (RrdDb db = RrdDb.getBuilder().setPath(rrd.resolve("rx.rrd").toString()).readOnly().build()) {
                double[] rates = db.createFetchRequest(ConsolFun.AVERAGE, T0.getEpochSecond() + 60,
                        T0.getEpochSecond() + 60, 1).fetchData().getValues(0);
                assertArrayEquals(new double[] {10}, rates); // 600 more each minute
            }
            assertTrue(Files.readString(rrd.resolve("labels.json")).contains("\"warn\" : \"4096\""));

            Files.writeString(rrd.resolve("used.rrd"), "not an RRD file");
            CycleOutcome third = run(plugins, T0.plusSeconds(120));
            assertEquals(1, third.warnings().size(), third.warnings().toString());
            assertTrue(third.warnings().get(0).startsWith("rrd/here/app/used.rrd: not a readable RRD file"),
                    third.warnings().get(0));
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                    .format(T0.plusSeconds(120));
            assertTrue(Files.exists(rrd.resolve("used.rrd.corrupt-" + stamp)), stamp);
        }
    }

    @Test
    void anRrdUpdateThatFailsBesideTheReportCostsWarnings_neverStatusHistoryOrReport() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        Files.writeString(state.resolve("rrd"), "a file where the RRD folder should be");
        try (Plugins plugins = Plugins.load(null)) {
            CycleOutcome outcome = run(plugins, T0);

            assertEquals(2, outcome.warnings().size(), outcome.warnings().toString());
            assertTrue(outcome.warnings().get(0).startsWith("rrd/here/app/used.rrd: cannot be opened or started"),
                    outcome.warnings().get(0));
            assertTrue(outcome.warnings().get(1).startsWith("rrd/here/app/rx.rrd: cannot be opened or started"),
                    outcome.warnings().get(1));
            StateDir recorded = StateDir.open(state);
            assertEquals(outcome.snapshot(), new StatusStore(recorded).load().snapshot().orElseThrow());
            assertEquals(outcome.changes(), new HistoryLog(recorded).read().changes());
            assertEquals(List.of("here", "here/app"), outcome.changes().stream().map(Change::subject).toList());
            String page = Files.readString(state.resolve("www/checks/here/app.html"));
            assertTrue(page.contains("OK - fine"), page);
            assertTrue(Files.readString(state.resolve("www/index.html")).contains("here"));
            assertEquals("a file where the RRD folder should be", Files.readString(state.resolve("rrd")));
        }
    }
}
