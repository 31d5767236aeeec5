package org.udjat.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.udjat.api.PerfDatum;
import org.udjat.api.Range;
import org.udjat.api.Status;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;
import org.udjat.record.HistoryLog;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;
import org.udjat.report.Page;
import org.udjat.report.ReportModel;
import org.udjat.report.ReportRenderer;
import org.udjat.report.ReportTemplates;
import org.udjat.report.Reporter;

/**
 * What the report stage costs on a big installation: a generated state directory with HOSTS hosts of
 * 10 checks of 3 measured values each, 10 switches every other host hangs off (one of them down, so
 * its hosts are UNREACHABLE), about 3% of checks in trouble, and 30 days of history (a few incidents per
 * check, three changes each), then every page rendered into {@code www/} as {@code udjat report} does.
 *
 * <pre>
 * java -cp ... org.udjat.bench.ReportBench setup DIR [HOSTS]     writes DIR/udjat.yaml and DIR/state/
 * java -cp ... org.udjat.bench.ReportBench render DIR [ROUNDS]   renders ROUNDS times in this JVM
 * </pre>
 */
public final class ReportBench {
    private static final List<String> CHECKS = List.of("load", "disk", "memory", "swap", "http", "ssh", "ntp",
            "procs", "users", "mailq");
    private static final int SWITCHES = 10;
    private static final Duration HISTORY = Duration.ofDays(30);

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !List.of("setup", "render").contains(args[0])) {
            System.err.println("usage: ReportBench setup DIR [HOSTS] | render DIR [ROUNDS]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]).toAbsolutePath();
        if (args[0].equals("setup")) {
            setup(dir, args.length > 2 ? Integer.parseInt(args[2]) : 1000);
        } else {
            render(dir, args.length > 2 ? Integer.parseInt(args[2]) : 5);
        }
    }

    private static void setup(Path dir, int hosts) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("udjat.yaml"), yaml(hosts));
        StateDir state = StateDir.open(dir.resolve("state"));
        Files.deleteIfExists(state.historyFile());
        Instant now = Instant.now();
        Random random = new Random(42);
        List<Change> history = new ArrayList<>();
        Snapshot snapshot = snapshot(hosts, now, random, history);
        history.sort(Comparator.comparing(Change::time));
        new HistoryLog(state).append(history);
        new StatusStore(state).save(snapshot);
        System.out.printf(Locale.ROOT, "%s: %d hosts x %d checks x 3 values, %d history lines (%.1f MB)%n", dir, hosts,
                CHECKS.size(), history.size(), Files.size(state.historyFile()) / 1e6);
    }

    private static String yaml(int hosts) {
        StringBuilder y = new StringBuilder("state_dir: state\ninterval: 1m\ntemplates:\n  bench:\n    tags: [bench]\n"
                + "    checks:\n");
        CHECKS.forEach(c -> y.append("      - name: ").append(c).append("\n        command: \"true\"\n"));
        y.append("hosts:\n");
        for (int i = 1; i <= hosts; i++) {
            y.append("  ").append(host(i)).append(":\n    address: 127.0.0.1\n    tags: [bench]\n");
            if (i > SWITCHES) {
                y.append("    parents: [").append(host(parent(i))).append("]\n");
            }
        }
        return y.toString();
    }

    private static String host(int i) {
        return String.format(Locale.ROOT, "host%04d", i);
    }

    private static int parent(int i) {
        return i % SWITCHES + 1;
    }

    private static Snapshot snapshot(int hosts, Instant now, Random random, List<Change> history) {
        List<HostState> states = new ArrayList<>();
        Instant start = now.minus(HISTORY);
        for (int i = 1; i <= hosts; i++) {
            String name = host(i);
            boolean down = i == 3 || i == hosts / 2;
            boolean unreachable = i > SWITCHES && parent(i) == 3;
            history.add(change(start, name, null, "UP", ChangeKind.NEW, StateType.HARD, null, ""));
            String suppressed = unreachable ? host(3) + " DOWN" : null;
            Instant since = down || unreachable ? now.minus(Duration.ofMinutes(17)) : start;
            if (down || unreachable) {
                history.add(change(since, name, null, unreachable ? "UNREACHABLE" : "DOWN", ChangeKind.PROBLEM,
                        StateType.HARD, suppressed, "timed out after 10s"));
            }
            List<CheckState> checks = new ArrayList<>();
            for (String check : CHECKS) {
                checks.add(check(name, check, now, random, history));
            }
            Status hostStatus = down || unreachable ? Status.CRITICAL : Status.OK;
            StateDetail detail = new StateDetail(hostStatus, StateType.HARD, 1, 1, hostStatus, hostStatus, List.of(),
                    false, null, suppressed);
            states.add(new HostState(name, !(down || unreachable), down || unreachable ? "timed out after 10s" : "",
                    "linux", now.minusSeconds(20), since, checks, detail));
        }
        return new Snapshot(Snapshot.CURRENT_VERSION, now.minusSeconds(30), now.minusSeconds(5), states);
    }

    private static CheckState check(String host, String check, Instant now, Random random, List<Change> history) {
        Instant start = now.minus(HISTORY);
        history.add(change(start, host + "/" + check, null, "OK", ChangeKind.NEW, StateType.HARD, null, "OK"));
        int incidents = random.nextDouble() < 0.4 ? 0 : 1 + random.nextInt(8);
        List<Instant> times = new ArrayList<>();
        for (int k = 0; k < incidents; k++) {
            times.add(start.plusSeconds(3600 + random.nextInt((int) HISTORY.toSeconds() - 7 * 3600)));
        }
        times.sort(null);
        Instant free = start;
        Instant recovered = start;
        for (Instant t : times) {
            if (t.isBefore(free)) {
                continue;
            }
            Duration lasted = Duration.ofMinutes(3 + random.nextInt(120));
            String subject = host + "/" + check;
            history.add(change(t, subject, "OK", "CRITICAL", ChangeKind.SOFT, StateType.SOFT, null,
                    summary(check, "CRITICAL")));
            history.add(change(t.plusSeconds(120), subject, "CRITICAL", "CRITICAL", ChangeKind.PROBLEM, StateType.HARD,
                    null, summary(check, "CRITICAL")));
            history.add(change(t.plus(lasted), subject, "CRITICAL", "OK", ChangeKind.RECOVERY, StateType.HARD, null,
                    summary(check, "OK")));
            recovered = t.plus(lasted);
            free = recovered.plusSeconds(60);
        }
        double roll = random.nextDouble();
        Status status = roll < 0.015 ? Status.WARNING
                : roll < 0.025 ? Status.CRITICAL
                : roll < 0.03 ? Status.UNKNOWN
                : Status.OK;
        boolean soft = status != Status.OK && random.nextDouble() < 0.2;
        Instant problemSince = now.minus(Duration.ofMinutes(1 + random.nextInt(300)));
        Instant since = status == Status.OK ? recovered : problemSince.isAfter(free) ? problemSince : free;
        if (status != Status.OK) {
            history.add(change(since, host + "/" + check, "OK", status.name(),
                    soft ? ChangeKind.SOFT : ChangeKind.PROBLEM, soft ? StateType.SOFT : StateType.HARD, null,
                    summary(check, status.name())));
        }
        StateDetail detail = new StateDetail(status, soft ? StateType.SOFT : StateType.HARD,
                soft || status == Status.OK ? 1 : 3, status == Status.OK ? 1 : 3, soft ? Status.OK : status, status,
                List.of(), false, null, null);
        List<PerfDatum> perf = new ArrayList<>();
        for (int v = 1; v <= 3; v++) {
            perf.add(new PerfDatum(check + (v == 1 ? "" : v == 2 ? " /var" : " /srv/data"),
                    Math.round(random.nextDouble() * 10000) / 100.0, "%", Range.parse("80"), Range.parse("90"), 0.0,
                    100.0));
        }
        String longOutput = random.nextDouble() < 0.1 ? "detail line one\ndetail line two\ndetail line three" : "";
        return new CheckState(check, status, summary(check, status.name()), longOutput, perf, now.minusSeconds(25),
                Duration.ofMillis(random.nextInt(900)), "", since, detail);
    }

    private static String summary(String check, String status) {
        return check.toUpperCase(Locale.ROOT) + " " + status + " - value 42.17% of limit, 3 of 7 items above threshold";
    }

    private static Change change(Instant t, String subject, String from, String to, ChangeKind kind, StateType type,
                                 String suppressedBy, String summary) {
        int slash = subject.indexOf('/');
        return new Change(t, slash < 0 ? subject : subject.substring(0, slash),
                slash < 0 ? null : subject.substring(slash + 1), from, to, summary, kind, type,
                type == StateType.SOFT ? 1 : 3, 3, false, suppressedBy, 0, List.of(), null, List.of());
    }

    private static void render(Path dir, int rounds) throws Exception {
        ProcCpu cpu = new ProcCpu(100);
        Config config = new ConfigLoader(Map.of(), System.getenv()).load(dir.resolve("udjat.yaml"));
        StateDir state = StateDir.open(config.stateDir());
        Optional<Snapshot> snapshot = new StatusStore(state).load().snapshot();
        List<Double> walls = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            double cpu0 = cpu.self();
            Reporter.Outcome outcome = new Reporter(config, Clock.systemUTC()).report(state, snapshot);
            double used = cpu.self() - cpu0;
            walls.add(outcome.took().toMillis() / 1000.0);
            System.out.printf(Locale.ROOT, "round %d%s: %.2f s wall, %.2f s CPU, %d files, %d history lines%n", r,
                    r == 1 ? " (first in this JVM)" : "", outcome.took().toMillis() / 1000.0, used, outcome.written(),
                    outcome.changes());
        }
        if (rounds > 1) {
            List<Double> warm = walls.subList(1, walls.size()).stream().sorted().toList();
            System.out.printf(Locale.ROOT, "warm median: %.2f s%n", warm.get(warm.size() / 2));
        }
        parts(config, state, snapshot);
    }

    /**
     * The parts of one warm rendering: reading the history (the last 31 days as the report reads them, from
     * {@code history.jsonl} alone and with {@code history.cache}), building and rendering every page in memory,
     * writing.
     */
    private static void parts(Config config, StateDir state, Optional<Snapshot> snapshot) throws Exception {
        Instant cutoff = Instant.now().minus(Duration.ofDays(31));
        long f0 = System.nanoTime();
        int fromFile = new HistoryLog(state).since(cutoff).changes().size();
        long f1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "parts, warm: history, last 31 days: from history.jsonl %.2f s (%d changes)",
                (f1 - f0) / 1e9, fromFile);
        long t0 = System.nanoTime();
        List<Change> history = new HistoryLog(state).since(cutoff, state.historyCache(), false).changes();
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, ", with history.cache %.2f s (%d changes)%n", (t1 - t0) / 1e9, history.size());
        ReportModel model = ReportModel.of(config, snapshot, history, Instant.now(), ZoneOffset.UTC);
        ReportRenderer renderer = new ReportRenderer(ReportTemplates.builtIn());
        long bytes = 0;
        for (Page page : model.pages().values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                renderer.render(model, page, w);
            }
            bytes += out.size();
        }
        long t2 = System.nanoTime();
        renderer.renderAll(model, state.wwwDir());
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "parts, warm: every page rendered in memory %.2f s (%d pages, %.1f MB);"
                + " rendered and written to www/ %.2f s%n", (t2 - t1) / 1e9, model.pages().size(), bytes / 1e6,
                (t3 - t2) / 1e9);
    }
}
