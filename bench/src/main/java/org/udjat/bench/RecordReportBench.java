package org.udjat.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.concurrent.FutureTask;
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
 * What one cycle's record and report stages cost together, as {@code udjat run} pays them after polling:
 * the RRD updates of every perfdata value of the status and every HTML page, then (in one mode) the graphs
 * of the check pages whose data changed. Works on a state written by {@code ReportBench setup DIR}
 * (1,000 hosts × 10 checks × 3 values, 30 days of history).
 *
 * <pre>
 * java -cp ... org.udjat.bench.RecordReportBench DIR [PAIRS [FIRST]]    each cycle in a fresh JVM
 * java -cp ... org.udjat.bench.RecordReportBench same-jvm DIR [CYCLES]  every cycle in this JVM, with graphs
 * java -cp ... org.udjat.bench.RecordReportBench cycle DIR N MODE       one cycle here (what the first starts)
 * </pre>
 *
 * The first form is what cron pays: every {@code udjat run} is a fresh JVM. It runs cycle 0 (creates the
 * RRD files, the pages, and with a second rendering the pages' spares, which steady cycles write over),
 * then PAIRS pairs of cycles, each cycle in a new JVM with the launcher's flags
 * ({@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, and the AppCDS archive the first cycle recorded, as
 * the launcher's first run records its own): one as {@code Cycle} runs them (the RRD update on a thread of
 * its own while the report renders: MODE {@code together}), one the old way (RRD update, then report: MODE
 * {@code sequential}), the order alternating from pair to pair. MODE {@code rrd} or {@code html} runs one
 * stage alone, to profile it. With FIRST (to measure again on the same state: one more than the last
 * cycle), cycle FIRST is run but not counted, in place of cycle 0: the files, last touched minutes before,
 * are read back into the page cache, as a cycle one interval after the previous one finds them. Cycle N is
 * the status with its result times moved on by N intervals. What a run has in memory by then (config,
 * status) is loaded before the clock starts.
 */
public final class RecordReportBench {
    /** The launcher's flags; its AppCDS archive is added per cycle, see {@link #child}. */
    private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private RecordReportBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("cycle")) {
            cycle(Path.of(args[1]), Integer.parseInt(args[2]), args[3]);
        } else if (args.length >= 2 && args[0].equals("same-jvm")) {
            sameJvm(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
        } else if (args.length >= 1 && !args[0].equals("cycle") && !args[0].equals("same-jvm")) {
            freshJvms(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 3,
                    args.length > 2 ? Integer.parseInt(args[2]) : 0);
        } else {
            System.err.println("usage: RecordReportBench DIR [PAIRS [FIRST]] | same-jvm DIR [CYCLES]"
                    + " | cycle DIR N together|sequential|rrd|html");
            System.exit(2);
        }
    }

    /** One measured cycle of a child JVM, as it printed it. */
    private record Measured(int cycle, boolean together, double rrd, double html, double wall, double cpu) {
        static Measured parse(String line) {
            String[] f = line.split(" ");
            return new Measured(Integer.parseInt(f[1]), f[2].equals("together"), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]));
        }

        String row() {
            return String.format(Locale.ROOT, "| %d | %s | %.2f s | %.2f s | %.2f s | %.2f s |", cycle,
                    together ? "together" : "one after the other", rrd, html, wall, cpu);
        }
    }

    private static void freshJvms(Path dir, int pairs, int from) throws Exception {
        System.out.println("load average before: " + loadAverage());
        System.out.println("each cycle in a fresh JVM: " + String.join(" ", FLAGS)
                + ", and the AppCDS archive the first (uncounted) cycle recorded");
        if (from == 0) {
            Measured first = child(dir, 0, false, true);
            System.out.printf(Locale.ROOT, "cycle 0 (creates the RRD files, the pages, then their spares):"
                    + " RRD %.2f s, HTML %.2f s%n", first.rrd(), first.html());
        } else {
            // the files were last touched minutes ago, not one interval ago: brings them back to the page cache
            Measured first = child(dir, from, false, true);
            System.out.printf(Locale.ROOT, "cycle %d (not counted: reads the files back into memory): RRD %.2f s,"
                    + " HTML %.2f s%n", from, first.rrd(), first.html());
        }
        System.out.println();
        System.out.println("| cycle | RRD and HTML | RRD | HTML | wall (RRD + HTML) | CPU |");
        System.out.println("|---:|---|---:|---:|---:|---:|");
        List<Double> ratios = new ArrayList<>();
        int cycle = from + 1;
        for (int p = 0; p < pairs; p++) {
            Measured together = null;
            Measured sequential = null;
            for (int k = 0; k < 2; k++) {
                boolean concurrent = (p + k) % 2 == 0;
                Measured m = child(dir, cycle++, concurrent, false);
                System.out.println(m.row());
                if (concurrent) {
                    together = m;
                } else {
                    sequential = m;
                }
            }
            ratios.add(together.wall() / sequential.wall());
        }
        System.out.println();
        System.out.println("together / one after the other, per pair: " + ratios.stream()
                .map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
        System.out.println("load average after: " + loadAverage());
    }

    /** Runs {@link #cycle} in a new JVM with the launcher's flags and this class path. */
    private static Measured child(Path dir, int cycle, boolean together, boolean first) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(FLAGS);
        // as the launcher: the first run records the classes it loaded, every later one maps them
        Path archive = dir.resolve("udjat-bench.jsa");
        if (first) {
            Files.deleteIfExists(archive);
            command.add("-XX:ArchiveClassesAtExit=" + archive);
        } else if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RecordReportBench.class.getName(), "cycle",
                dir.toString(), Integer.toString(cycle), together ? "together" : "sequential"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Measured measured = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("MEASURED ")) {
                    measured = Measured.parse(line);
                } else {
                    other.add(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || measured == null) {
            other.forEach(System.err::println);
            throw new IllegalStateException("cycle " + cycle + " failed (exit " + exit + ")");
        }
        return measured;
    }

    /**
     * One cycle in this JVM: the RRD update and the report, on two threads as {@code Cycle} runs them
     * ({@code together}) or one after the other. Prints {@code MEASURED cycle mode rrd html wall cpu}.
     */
    private static void cycle(Path dir, int cycle, String mode) throws Exception {
        boolean together = mode.equals("together");
        boolean recordOnly = mode.equals("rrd");
        boolean reportOnly = mode.equals("html");
        Config config = new ConfigLoader(Map.of(), System.getenv()).load(dir.resolve("udjat.yaml"));
        Snapshot snapshot = shifted(new StatusStore(StateDir.open(config.stateDir())).load().snapshot().orElseThrow(),
                config.interval().multipliedBy(cycle));
        Clock clock = Clock.fixed(snapshot.cycleFinished().plusSeconds(1), ZoneOffset.UTC);
        StateDir state = StateDir.open(config.stateDir(), clock);
        ProcCpu cpu = new ProcCpu(100);
        double cpu0 = cpu.self();
        long t0 = System.nanoTime();
        long[] rrdDone = new long[1];
        FutureTask<RrdUpdate> rrd = new FutureTask<>(() -> {
            RrdUpdate update = reportOnly ? RrdUpdate.NONE : new RrdStore(state, config.rrd(), clock).update(snapshot);
            rrdDone[0] = System.nanoTime();
            return update;
        });
        if (together) {
            Thread thread = new Thread(rrd, "udjat-rrd");
            thread.setDaemon(true);
            thread.start();
        } else {
            rrd.run();
        }
        long htmlStart = System.nanoTime();
        Reporter.Outcome report = recordOnly ? null : new Reporter(config, clock).report(state, Optional.of(snapshot));
        long htmlDone = System.nanoTime();
        RrdUpdate update = rrd.get();
        long t1 = System.nanoTime();
        double used = cpu.self() - cpu0;
        if (!reportOnly && (update.updated().isEmpty() || !update.warnings().isEmpty())
                || !recordOnly && report.written() == 0) {
            throw new IllegalStateException(update.updated().size() + " values stored (none: cycle " + cycle
                    + " was done before; set the state up again), RRD warnings " + update.warnings() + ", "
                    + (report == null ? 0 : report.written()) + " files");
        }
        if (cycle == 0) {
            // pages are rewritten over the spare copy of their previous version, made by the second rendering
            // (creating 11,000 files once): steady cycles have it
            new Reporter(config, clock).report(state, Optional.of(snapshot));
        }
        System.out.printf(Locale.ROOT, "MEASURED %d %s %.3f %.3f %.3f %.3f%n", cycle, mode, (rrdDone[0] - t0) / 1e9, (htmlDone - htmlStart) / 1e9,
                (t1 - t0) / 1e9, used);
    }

    /** Every cycle in this JVM: RRD update, report, then the graphs whose data changed, one after the other. */
    private static void sameJvm(Path dir, int cycles) throws Exception {
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

    private static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
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
