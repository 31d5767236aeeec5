package org.udjat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rrd4j.ConsolFun;
import org.rrd4j.core.RrdDb;
import org.udjat.api.PerfDatum;
import org.udjat.api.Range;
import org.udjat.api.Status;
import org.udjat.config.RrdSettings;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.record.StateDir;
import org.udjat.record.rrd.GraphPeriod;
import org.udjat.record.rrd.GraphRenderer;
import org.udjat.record.rrd.GraphRun;
import org.udjat.record.rrd.RrdPaths;
import org.udjat.record.rrd.RrdStore;
import org.udjat.record.rrd.RrdUpdate;
import org.udjat.record.rrd.SeriesKey;

/**
 * What the RRD part of the record stage costs: the RRD4J updates of one cycle of HOSTS hosts x
 * CHECKS checks x 3 values (a gauge, bytes with thresholds, a counter), when the files are created
 * (the first cycle) and once they exist; the same updates by rrdtool, one process per update and
 * through its pipe mode ({@code rrdtool -}); and the time to draw graphs.
 *
 * <pre>java -cp ... org.udjat.bench.RrdBench all|cycle WORK [key=value...]</pre>
 * Keys: {@code hosts=1000 checks=10 cycles=5 processes=all graphs=40 pages=10}. {@code all} runs
 * everything in this JVM, into WORK/udjat and WORK/rrdtool (removed first); {@code processes=N}
 * times only the first N one-process-per-update runs and extrapolates. {@code cycle} runs one more
 * cycle on WORK/udjat and then draws {@code graphs} day graphs, for what a fresh JVM (as cron starts
 * it) takes.
 */
public final class RrdBench {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration STEP = Duration.ofMinutes(1);
    static final String[] LABELS = {"load", "used", "rx"};

    private final int hosts;
    private final int checks;

    private RrdBench(int hosts, int checks) {
        this.hosts = hosts;
        this.checks = checks;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !List.of("all", "cycle").contains(args[0])) {
            System.err.println("usage: RrdBench all|cycle WORK [hosts=1000] [checks=10] [cycles=5] [processes=N]"
                    + " [graphs=40] [pages=10]");
            System.exit(2);
        }
        Path work = Path.of(args[1]);
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : Arrays.copyOfRange(args, 2, args.length)) {
            o.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        RrdBench bench = new RrdBench(Integer.parseInt(o.getOrDefault("hosts", "1000")),
                Integer.parseInt(o.getOrDefault("checks", "10")));
        ProcCpu cpu = new ProcCpu(Double.parseDouble(o.getOrDefault("hz", "100")));
        if (args[0].equals("cycle")) {
            bench.oneMoreCycle(work.resolve("udjat"), Integer.parseInt(o.getOrDefault("graphs", "100")), cpu);
            return;
        }
        bench.all(work, o, cpu);
    }

    private int values() {
        return hosts * checks * LABELS.length;
    }

    /** The snapshot of cycle {@code n}: every check measured at minute n. */
    Snapshot snapshot(int n) {
        Instant at = T0.plus(STEP.multipliedBy(n));
        List<HostState> hs = new ArrayList<>(hosts);
        for (int h = 0; h < hosts; h++) {
            List<CheckState> cs = new ArrayList<>(checks);
            for (int c = 0; c < checks; c++) {
                cs.add(new CheckState("check" + c, Status.OK, "OK", "", data(h, c, n), at, Duration.ofMillis(3), "",
                        T0));
            }
            hs.add(new HostState(host(h), true, "", "linux", at, T0, cs));
        }
        return new Snapshot(Snapshot.CURRENT_VERSION, at, at, hs);
    }

    static String host(int h) {
        return String.format(Locale.ROOT, "host%04d", h);
    }

    /** A gauge, bytes with thresholds and a counter, all different per host, check and cycle. */
    static List<PerfDatum> data(int h, int c, int n) {
        double wave = Math.sin((n + h + c) / 30.0);
        return List.of(PerfDatum.of("load", 1.5 + wave, ""),
                new PerfDatum("used", 40e9 + 10e9 * wave, "B", Range.parse("60000000000"), Range.parse("80000000000"),
                        0.0, 100e9),
                PerfDatum.of("rx", 1_000_000.0 * n + 1000.0 * n * (h % 7), "c"));
    }

    private void all(Path work, Map<String, String> o, ProcCpu cpu) throws Exception {
        int cycles = Integer.parseInt(o.getOrDefault("cycles", "5"));
        System.out.printf(Locale.ROOT, "%d hosts x %d checks x %d values = %,d RRD files; step 60s, default archives"
                + " (AVERAGE, MIN, MAX of 1m/2d, 30m/14d, 2h/60d, 1d/730d)%n", hosts, checks, LABELS.length, values());
        Path udjat = work.resolve("udjat");
        Clean.tree(udjat);
        StateDir dir = StateDir.open(udjat, Clock.fixed(T0, ZoneOffset.UTC));
        RrdStore store = new RrdStore(dir, RrdSettings.defaults(STEP), Clock.systemUTC());
        Measure first = Measure.run(cpu, () -> check(store.update(snapshot(0)), values(), values()));
        first.print("udjat (RRD4J), first cycle: creates every file", values());
        List<Measure> steady = new ArrayList<>();
        for (int n = 1; n <= cycles; n++) {
            int cycle = n;
            Measure m = Measure.run(cpu, () -> check(store.update(snapshot(cycle)), values(), 0));
            m.print("udjat (RRD4J), cycle " + n + ", warm JVM", values());
            steady.add(m);
        }
        Measure median = Measure.median(steady);
        System.out.printf(Locale.ROOT, "  file size %,d bytes; %s%n", Files.size(new RrdPaths(dir)
                .rrdFile(new SeriesKey(host(0), "check0", "used"))), Disk.usage(udjat));

        RrdTool tool = new RrdTool(work.resolve("rrdtool"), this, cpu);
        Measure create = tool.create();
        create.print("rrdtool, create every file (pipe mode)", values());
        Measure pipeFirst = tool.pipe(0);
        pipeFirst.print("rrdtool, first update of every file (pipe mode)", values());
        List<Measure> pipes = new ArrayList<>();
        for (int n = 1; n <= cycles; n++) {
            Measure m = tool.pipe(n);
            m.print("rrdtool -, cycle " + n + " (one process, update lines on stdin)", values());
            pipes.add(m);
        }
        Measure pipe = Measure.median(pipes);
        int processes = Integer.parseInt(o.getOrDefault("processes", Integer.toString(values())));
        Measure perProcess = tool.processes(cycles + 1, processes);
        perProcess.print("rrdtool update, one process per update, cycle " + (cycles + 1)
                + (processes < values() ? " (first " + processes + " values)" : ""), processes);
        tool.verify(udjat, cycles);

        System.out.println();
        System.out.printf(Locale.ROOT, "one steady cycle of %,d updates (median of %d):%n", values(), cycles);
        double perUpdate = perProcess.wall() / processes * values();
        System.out.printf(Locale.ROOT, "  udjat (RRD4J, warm JVM)          %7.2f s wall %7.2f s CPU%n", median.wall(),
                median.cpu());
        System.out.printf(Locale.ROOT, "  rrdtool - (pipe mode)            %7.2f s wall %7.2f s CPU   %5.1fx udjat%n",
                pipe.wall(), pipe.cpu(), pipe.wall() / median.wall());
        System.out.printf(Locale.ROOT, "  rrdtool update, process each     %7.2f s wall %7.2f s CPU   %5.1fx udjat%s%n",
                perUpdate, perProcess.cpu() / processes * values(), perUpdate / median.wall(),
                processes < values() ? " (extrapolated)" : "");
        System.out.printf(Locale.ROOT, "first cycle (files created): udjat %.2f s, rrdtool create + update %.2f s%n",
                first.wall(), create.wall() + pipeFirst.wall());
        graphs(dir, Integer.parseInt(o.getOrDefault("graphs", "40")), Integer.parseInt(o.getOrDefault("pages", "10")),
                store, cycles, cpu);
    }

    /** One more cycle on an existing state, then some day graphs, as a fresh JVM started by cron would. */
    private void oneMoreCycle(Path udjat, int graphs, ProcCpu cpu) throws Exception {
        StateDir dir = StateDir.open(udjat, Clock.systemUTC());
        RrdStore store = new RrdStore(dir, RrdSettings.defaults(STEP), Clock.systemUTC());
        Path probe = new RrdPaths(dir).rrdFile(new SeriesKey(host(0), "check0", "load"));
        int n;
        try (RrdDb db = RrdDb.getBuilder().setPath(probe.toString()).readOnly().build()) {
            n = (int) ((db.getLastUpdateTime() - T0.getEpochSecond()) / 60) + 1;
        }
        int cycle = n;
        Measure m = Measure.run(cpu, () -> check(store.update(snapshot(cycle)), values(), 0));
        m.print("udjat (RRD4J), cycle " + n + ", fresh JVM", values());
        GraphRenderer renderer = new GraphRenderer(dir, RrdSettings.defaults(STEP),
                Clock.fixed(T0.plus(STEP.multipliedBy(n)).plusSeconds(20), ZoneOffset.UTC));
        Measure g = Measure.run(cpu, () -> {
            for (int i = 0; i < graphs; i++) {
                renderer.render(host(i % hosts), "check" + (i / hosts) % checks, LABELS[i % 3], GraphPeriod.DAY);
            }
        });
        System.out.printf(Locale.ROOT, "  then %d day graphs in the same JVM: %.1f ms wall %.1f ms CPU per graph%n",
                graphs, g.wall() * 1000 / graphs, g.cpu() * 1000 / graphs);
    }

    private static void check(RrdUpdate u, int updated, int created) {
        if (u.updated().size() != updated || u.created().size() != created || !u.warnings().isEmpty()) {
            throw new IllegalStateException(u.updated().size() + " updated, " + u.created().size() + " created, "
                    + u.warnings());
        }
    }

    /** Graph costs: single graphs per period, then renderChanged over the checks of a share of hosts. */
    private void graphs(StateDir dir, int count, int pagesPercent, RrdStore store, int cycles, ProcCpu cpu)
            throws Exception {
        Instant now = T0.plus(STEP.multipliedBy(cycles)).plusSeconds(20);
        GraphRenderer renderer = new GraphRenderer(dir, RrdSettings.defaults(STEP), Clock.fixed(now, ZoneOffset.UTC));
        System.out.println();
        System.out.printf(Locale.ROOT, "graphs (PNG %s, RRD4J), after %d warm-up graphs:%n", "691x246", count);
        for (int i = 0; i < count; i++) {
            renderer.render(host(i % hosts), "check" + i % checks, LABELS[i % 3], GraphPeriod.values()[i % 4]);
        }
        for (GraphPeriod p : GraphPeriod.values()) {
            Measure m = Measure.run(cpu, () -> {
                for (int i = 0; i < count; i++) {
                    renderer.render(host(i % hosts), "check" + (i / hosts) % checks, LABELS[i % 3], p);
                }
            });
            System.out.printf(Locale.ROOT, "  %-5s %6.1f ms wall %6.1f ms CPU per graph (%d graphs)%n", p.key(),
                    m.wall() * 1000 / count, m.cpu() * 1000 / count, count);
        }
        int withPages = Math.max(1, hosts * pagesPercent / 100);
        RrdPaths paths = new RrdPaths(dir);
        for (int h = 0; h < withPages; h++) {
            for (int c = 0; c < checks; c++) {
                Path page = paths.pageFile(host(h), "check" + c);
                Files.createDirectories(page.getParent());
                Files.writeString(page, "<html></html>");
            }
        }
        int series = withPages * checks * LABELS.length;
        Instant far = now.plus(Duration.ofHours(1));
        Measure firstRun = Measure.run(cpu, () -> expect(renderer.renderChanged(far), series * 4));
        firstRun.print("renderChanged, " + withPages + " hosts with report pages (" + pagesPercent + "%), first: all "
                + series * 4 + " graphs", series * 4);
        store.update(snapshot(cycles + 1));
        GraphRenderer next = new GraphRenderer(dir, RrdSettings.defaults(STEP),
                Clock.fixed(now.plus(STEP), ZoneOffset.UTC));
        Measure steady = Measure.run(cpu, () -> expect(next.renderChanged(far), series));
        steady.print("renderChanged after one more cycle: the " + series + " day graphs", series);
        double perGraph = steady.wall() / series;
        System.out.printf(Locale.ROOT, "  a cycle's day graphs for every value (%,d) would take %.0f s; 8 s draw %,d"
                + " graphs (%.0f%% of the values)%n", values(), perGraph * values(), (int) (8 / perGraph),
                100 * 8 / perGraph / values());
    }

    private static void expect(GraphRun run, int rendered) {
        if (run.rendered() != rendered || !run.warnings().isEmpty()) {
            throw new IllegalStateException(run.toString());
        }
    }

    /** Removes a benchmark folder. */
    static final class Clean {
        private Clean() {
        }

        static void tree(Path dir) throws IOException, InterruptedException {
            if (Files.exists(dir)) {
                new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
            }
        }
    }

    /** Space taken by a folder, as du counts it. */
    static final class Disk {
        private Disk() {
        }

        static String usage(Path dir) throws IOException, InterruptedException {
            Process p = new ProcessBuilder("du", "-sh", dir.toString()).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return "du: " + out.split("\\s+")[0];
        }
    }

    /** Fetches the last AVERAGE of one series, to compare udjat's file with rrdtool's. */
    static double lastAverage(Path file, long time) throws IOException {
        try (RrdDb db = RrdDb.getBuilder().setPath(file.toString()).readOnly().build()) {
            return db.createFetchRequest(ConsolFun.AVERAGE, time, time, 60).fetchData().getValues(0)[0];
        }
    }
}
