package org.udjat.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.udjat.api.PerfDatum;
import org.udjat.api.Status;
import org.udjat.config.RrdSettings;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.record.StateDir;
import org.udjat.record.rrd.RrdStore;
import org.udjat.record.rrd.RrdUpdate;

/** Quick probe. */
public final class RrdBench {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int hosts = Integer.parseInt(args[1]);
        int cycles = Integer.parseInt(args[2]);
        int first = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        StateDir dir = StateDir.open(work, Clock.fixed(t0, ZoneOffset.UTC));
        RrdStore store = new RrdStore(dir, RrdSettings.defaults(Duration.ofMinutes(1)), Clock.systemUTC());
        for (int c = first; c < first + cycles; c++) {
            Instant at = t0.plusSeconds(60L * c);
            Snapshot s = snapshot(hosts, at, c);
            long t = System.nanoTime();
            RrdUpdate u = store.update(s);
            System.out.printf(Locale.ROOT, "cycle %d: %d updated, %d created in %.2f s %s%n", c, u.updated().size(),
                    u.created().size(), (System.nanoTime() - t) / 1e9, u.warnings());
        }
    }

    static Snapshot snapshot(int hosts, Instant at, int cycle) {
        List<HostState> hs = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            List<CheckState> cs = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                List<PerfDatum> p = List.of(PerfDatum.of("v0", h + c + cycle, ""), PerfDatum.of("v1", 1000.0 * cycle, "B"),
                        PerfDatum.of("v2", 100.0 * cycle, "c"));
                cs.add(new CheckState("check" + c, Status.OK, "", "", p, at, Duration.ZERO, "", at));
            }
            hs.add(new HostState(String.format("host%04d", h), true, "", null, at, at, cs));
        }
        return new Snapshot(1, at, at, hs);
    }
}
