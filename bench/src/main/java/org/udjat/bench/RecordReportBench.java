package org.udjat.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;
import org.udjat.record.rrd.GraphRenderer;
import org.udjat.record.rrd.GraphRun;
import org.udjat.record.rrd.RrdStore;
import org.udjat.record.rrd.RrdUpdate;
import org.udjat.report.Reporter;

/**
 * What one cycle's record and report stages cost together, in one JVM as {@code udjat run} pays
 * them: the RRD updates of every perfdata value of the status, then every HTML page, then the
 * graphs of the check pages whose data changed. Works on a state written by
 * {@code ReportBench setup DIR} (1,000 hosts × 10 checks × 3 values, 30 days of history).
 *
 * <pre>java -cp ... org.udjat.bench.RecordReportBench DIR [CYCLES]</pre>
 *
 * The first cycle creates the RRD files (and is reported apart); every later one is steady state:
 * the same status with its result times moved on by one interval.
 */
public final class RecordReportBench {

    private RecordReportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Config config = new ConfigLoader(Map.of(), System.getenv()).load(dir.resolve("udjat.yaml"));
        Snapshot base = new StatusStore(StateDir.open(config.stateDir())).load().snapshot().orElseThrow();
        for (int cycle = 0; cycle <= cycles; cycle++) {
            Duration shift = config.interval().multipliedBy(cycle);
            Snapshot snapshot = shifted(base, shift);
            Clock clock = Clock.fixed(snapshot.cycleFinished().plusSeconds(1), ZoneOffset.UTC);
            StateDir state = StateDir.open(config.stateDir(), clock);
            long t0 = System.nanoTime();
            RrdUpdate rrd = new RrdStore(state, config.rrd(), clock).update(snapshot);
            long t1 = System.nanoTime();
            Reporter.Outcome report = new Reporter(config, clock).report(state, Optional.of(snapshot));
            long t2 = System.nanoTime();
            GraphRun graphs = new GraphRenderer(state, config.rrd(), Clock.systemUTC())
                    .renderChanged(Instant.now().plus(config.interval().dividedBy(2)));
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "cycle %d%s: RRD %.2f s (%d warnings) + HTML %.2f s (%d files) = %.2f s;"
                    + " then graphs %.2f s (%d drawn, %d postponed)%n", cycle, cycle == 0 ? " (creates the RRD files)" : "",
                    (t1 - t0) / 1e9, rrd.warnings().size(), (t2 - t1) / 1e9, report.written(), (t2 - t0) / 1e9,
                    (t3 - t2) / 1e9, graphs.rendered(), graphs.postponed());
        }
    }

    /** The status as the next cycles would leave it: every time moved on by {@code shift}. */
    private static Snapshot shifted(Snapshot s, Duration shift) {
        List<HostState> hosts = new ArrayList<>();
        for (HostState h : s.hosts()) {
            List<CheckState> checks = new ArrayList<>();
            for (CheckState c : h.checks()) {
                checks.add(new CheckState(c.check(), c.status(), c.summary(), c.longOutput(), c.perfData(),
                        plus(c.lastResult(), shift), c.duration(), c.note(), c.since(), c.detail()));
            }
            hosts.add(new HostState(h.host(), h.reachable(), h.reason(), h.platform(), plus(h.lastPoll(), shift), h.since(),
                    checks, h.detail()));
        }
        return new Snapshot(s.version(), plus(s.cycleStarted(), shift), plus(s.cycleFinished(), shift), hosts);
    }

    private static Instant plus(Instant t, Duration shift) {
        return t == null ? null : t.plus(shift);
    }
}
