package org.udjat.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.udjat.api.PerfDatum;
import org.udjat.record.rrd.RrdPaths;
import org.udjat.record.rrd.SeriesKey;
import org.udjat.record.StateDir;

/**
 * The same files and updates as udjat's, made by rrdtool: {@code rrdtool -} (its pipe mode, one
 * process reading commands on stdin) and {@code rrdtool update} started once per value, as a shell
 * script or cron job would. Files live in {@code <dir>/<host>/<check>/<label>.rrd}.
 */
final class RrdTool {
    private static final String RRAS = rras();

    private final Path dir;
    private final RrdBench bench;
    private final ProcCpu cpu;

    RrdTool(Path dir, RrdBench bench, ProcCpu cpu) {
        this.dir = dir;
        this.bench = bench;
        this.cpu = cpu;
    }

    /** The default archives of udjat with a 1-minute interval, as rrdtool writes them. */
    private static String rras() {
        StringBuilder b = new StringBuilder();
        int[][] archives = {{1, 2880}, {30, 672}, {120, 720}, {1440, 730}};
        for (int[] a : archives) {
            for (String f : List.of("AVERAGE", "MIN", "MAX")) {
                b.append(" RRA:").append(f).append(":0.5:").append(a[0]).append(':').append(a[1]);
            }
        }
        return b.toString();
    }

    private Path file(String host, String check, String label) {
        return dir.resolve(host).resolve(check).resolve(label + ".rrd");
    }

    /** Every file, created through one pipe-mode process, the folders made beforehand (not timed). */
    Measure create() throws Exception {
        RrdBench.Clean.tree(dir);
        List<String> lines = new ArrayList<>();
        long start = RrdBench.T0.getEpochSecond() - 1;
        forEach(0, (host, check, datum) -> {
            Files.createDirectories(file(host, check, datum.label()).getParent());
            String ds = datum.isCounter() ? "DS:v:DERIVE:120:0:U" : "DS:v:GAUGE:120:U:U";
            lines.add("create " + file(host, check, datum.label()) + " --start " + start + " --step 60 " + ds + RRAS);
        });
        return Measure.run(cpu, () -> pipe(lines));
    }

    /** The updates of cycle {@code n} through one {@code rrdtool -} process. */
    Measure pipe(int n) throws Exception {
        List<String> lines = updates(n, "update ");
        return Measure.run(cpu, () -> pipe(lines));
    }

    /** The first {@code limit} updates of cycle {@code n}, one {@code rrdtool update} process each, from sh. */
    Measure processes(int n, int limit) throws Exception {
        List<String> lines = updates(n, "rrdtool update ");
        Path script = dir.resolve("updates.sh");
        Files.write(script, lines.subList(0, limit));
        Path errors = dir.resolve("updates.err");
        Measure m = Measure.run(cpu, () -> {
            Process p = new ProcessBuilder("sh", script.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()).start();
            if (p.waitFor() != 0 || Files.size(errors) > 0) {
                throw new IllegalStateException("rrdtool update failed: " + Files.readString(errors));
            }
        });
        return m;
    }

    private List<String> updates(int n, String prefix) throws Exception {
        List<String> lines = new ArrayList<>();
        long time = RrdBench.T0.getEpochSecond() + 60L * n;
        forEach(n, (host, check, datum) -> lines.add(prefix + file(host, check, datum.label()) + " " + time + ":"
                + value(datum.value())));
        return lines;
    }

    /** rrdtool takes only whole numbers for DERIVE, so whole values are written as such. */
    private static String value(double v) {
        if (Double.isNaN(v)) {
            return "U";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.17g", v);
    }

    /** Runs commands through {@code rrdtool -}, failing on any answer other than OK. */
    private static void pipe(List<String> lines) throws Exception {
        Process p = new ProcessBuilder("rrdtool", "-").redirectErrorStream(true).start();
        AtomicReference<Exception> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8),
                    1 << 16)) {
                for (String line : lines) {
                    w.write(line);
                    w.write('\n');
                }
            } catch (IOException e) {
                failed.set(e);
            }
        });
        writer.start();
        int ok = 0;
        String error = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("OK")) {
                    ok++;
                } else if (error == null && line.startsWith("ERROR")) {
                    error = line;
                }
            }
        }
        writer.join();
        p.waitFor();
        if (failed.get() != null || ok != lines.size()) {
            throw new IllegalStateException("rrdtool -: " + ok + " of " + lines.size() + " OK; " + error, failed.get());
        }
    }

    /** Compares the last value of a gauge and a counter in udjat's files and rrdtool's. */
    void verify(Path udjat, int cycles) throws Exception {
        long time = RrdBench.T0.getEpochSecond() + 60L * cycles;
        RrdPaths paths = new RrdPaths(StateDir.open(udjat));
        for (String label : List.of("load", "rx")) {
            double mine = RrdBench.lastAverage(paths.rrdFile(new SeriesKey(RrdBench.host(0), "check0", label)), time);
            double theirs = fetch(file(RrdBench.host(0), "check0", label), time);
            System.out.printf(Locale.ROOT, "  check: %s at cycle %d, udjat %.6f, rrdtool %.6f%s%n", label, cycles, mine,
                    theirs, Math.abs(mine - theirs) <= 1e-9 * Math.abs(theirs) ? "" : "  DIFFERENT");
        }
    }

    private static double fetch(Path file, long time) throws Exception {
        Process p = new ProcessBuilder("rrdtool", "fetch", file.toString(), "AVERAGE", "-r", "60", "-s",
                Long.toString(time - 60), "-e", Long.toString(time)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith(time + ":")) {
                return Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IllegalStateException("no row for " + time + " in rrdtool fetch output:\n" + out);
    }

    /** What is done for each value of a cycle. */
    private interface PerValue {
        void accept(String host, String check, PerfDatum datum) throws IOException;
    }

    private void forEach(int n, PerValue action) throws IOException {
        for (var host : bench.snapshot(n).hosts()) {
            for (var check : host.checks()) {
                for (PerfDatum d : check.perfData()) {
                    action.accept(host.host(), check.check(), d);
                }
            }
        }
    }
}
