package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code rrd:} section: defaults, archives as written, and their rows and steps. */
class RrdSettingsTest {
    @TempDir
    Path dir;

    private Config load(String yaml) throws IOException, ConfigException {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(TestChecks.standard(), Map.of(), "tester", Path.of("/home/tester")).load(file);
    }

    private static RrdSettings.Archive archive(Duration every, Duration keep) {
        return new RrdSettings.Archive(every, keep);
    }

    @Test
    void withoutAnRrdSection_everyValueIsKeptTwoDaysByTheMinute_andTwoYearsByTheDay() throws Exception {
        RrdSettings rrd = load("hosts:\n  web1:\n").rrd();

        assertTrue(rrd.enabled());
        assertEquals(Duration.ofMinutes(1), rrd.step());
        assertEquals(List.of(archive(Duration.ofMinutes(1), Duration.ofDays(2)),
                archive(Duration.ofMinutes(30), Duration.ofDays(14)), archive(Duration.ofHours(2), Duration.ofDays(60)),
                archive(Duration.ofDays(1), Duration.ofDays(730))), rrd.archives());
        assertEquals(List.of(1, 30, 120, 1440), rrd.archives().stream().map(rrd::stepsOf).toList());
        assertEquals(List.of(2880L, 672L, 720L, 730L), rrd.archives().stream().map(rrd::rowsOf).toList());
    }

    @Test
    void theFirstDefaultArchiveFollowsTheInterval_andAnIntervalOverThirtyMinutesMergesTheFirstTwo() throws Exception {
        RrdSettings five = load("interval: 5m\nhosts:\n  web1:\n").rrd();
        assertEquals(List.of(1, 6, 24, 288), five.archives().stream().map(five::stepsOf).toList());
        assertEquals(576L, five.rowsOf(five.archives().get(0)));

        RrdSettings hourly = load("interval: 1h\nhosts:\n  web1:\n").rrd();
        assertEquals(List.of(archive(Duration.ofMinutes(30), Duration.ofDays(14)),
                archive(Duration.ofHours(2), Duration.ofDays(60)), archive(Duration.ofDays(1), Duration.ofDays(730))),
                hourly.archives());
        assertEquals(List.of(1, 2, 24), hourly.archives().stream().map(hourly::stepsOf).toList());
    }

    @Test
    void archivesAreReadAsWritten_roundedToWholeIntervals() throws Exception {
        RrdSettings rrd = load("interval: 2m\nrrd:\n  archives:\n    - {every: 2m, keep: 1d}\n"
                + "    - {every: 15m, keep: 31d}\nhosts:\n  web1:\n").rrd();

        assertEquals(List.of(archive(Duration.ofMinutes(2), Duration.ofDays(1)),
                archive(Duration.ofMinutes(15), Duration.ofDays(31))), rrd.archives());
        // 15m is 7.5 intervals: rounded to 8, so a row holds 16 minutes and 31 days need 2790 of them
        assertEquals(8, rrd.stepsOf(rrd.archives().get(1)));
        assertEquals(2790L, rrd.rowsOf(rrd.archives().get(1)));
        assertEquals(720L, rrd.rowsOf(rrd.archives().get(0)));
    }

    @Test
    void rrdFilesCanBeTurnedOff() throws Exception {
        RrdSettings rrd = load("rrd:\n  enabled: false\nhosts:\n  web1:\n").rrd();
        assertFalse(rrd.enabled());
        assertEquals(4, rrd.archives().size());
    }
}
