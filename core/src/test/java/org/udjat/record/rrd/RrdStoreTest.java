package org.udjat.record.rrd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.udjat.record.rrd.Cycles.at;
import static org.udjat.record.rrd.Cycles.check;
import static org.udjat.record.rrd.Cycles.fetch;
import static org.udjat.record.rrd.Cycles.host;
import static org.udjat.record.rrd.Cycles.value;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rrd4j.ConsolFun;
import org.udjat.config.RrdSettings;
import org.udjat.record.StateDir;

class RrdStoreTest {
    /** A multiple of every archive's row time below, so rows line up with cycles. */
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(1);

    @TempDir
    Path tmp;
    private StateDir dir;
    private RrdPaths paths;

    @BeforeEach
    void open() throws IOException {
        dir = StateDir.open(tmp, Clock.fixed(T0, ZoneOffset.UTC));
        paths = new RrdPaths(dir);
    }

    private RrdStore store(RrdSettings settings) {
        return new RrdStore(dir, settings, Clock.fixed(Instant.parse("2026-02-03T04:05:06Z"), ZoneOffset.UTC));
    }

    /** 1 minute for 1 hour, 5 minutes for 1 day. */
    private static RrdSettings small() {
        return new RrdSettings(true, STEP, List.of(new RrdSettings.Archive(STEP, Duration.ofHours(1)),
                new RrdSettings.Archive(Duration.ofMinutes(5), Duration.ofDays(1))));
    }

    private static Instant minute(int n) {
        return T0.plus(STEP.multipliedBy(n));
    }

    @Test
    void gaugeValues_readBackExactly_andConsolidate() throws IOException {
        RrdStore store = store(small());
        double[] values = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        for (int i = 0; i <= values.length; i++) {
            double v = i == 0 ? 7 : values[i - 1];
            store.update(at(minute(i), host("web1", check("load", minute(i), value("load1", v, "")))));
        }
        Path file = paths.rrdFile(new SeriesKey("web1", "load", "load1"));
        double[] got = fetch(file, ConsolFun.AVERAGE, minute(0), minute(10), 60);
        System.out.println(java.util.Arrays.toString(got));
        assertArrayEquals(new double[] {Double.NaN}, got);
    }
}
