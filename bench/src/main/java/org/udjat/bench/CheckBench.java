package org.udjat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.NagiosOutput;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.config.HostSpec;
import org.udjat.plugin.Plugins;
import org.udjat.poll.BatchResult;
import org.udjat.poll.BatchScript;
import org.udjat.poll.CheckRun;
import org.udjat.poll.FrameReader;
import org.udjat.poll.ScriptWriter;
import org.udjat.testkit.CheckTargets;

/**
 * What the checks of one host cost. Remote side: the CPU time of the generated script that runs
 * every check of the config's first host in one {@code /bin/sh -s}, against the same commands
 * each started by its own {@code /bin/sh -c} as check_by_ssh starts one remote shell per check
 * (the ssh part is measured by PollBench). Poller side: the time to parse 10,000 check outputs,
 * the real outputs of that script taken round-robin, against Nagios plugin output of the same count.
 *
 * With NAGIOS_CONFIG, the same measurements for a host whose checks are the equivalent
 * monitoring-plugins command lines (check_load, check_disk...), the Nagios way.
 *
 * <pre>java -cp ... org.udjat.bench.CheckBench CONFIG [NAGIOS_CONFIG|-] [ROUNDS] [PARSES]</pre>
 */
public final class CheckBench {
    private static final String USAGE = "usage: CheckBench CONFIG [NAGIOS_CONFIG|-] [ROUNDS] [PARSES]";
    /** Keeps the parsed outcomes observable, so the JIT cannot drop the parsing. */
    private static long sink;

    private CheckBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 4) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path configFile = Path.of(args[0]);
        Path nagiosFile = args.length > 1 && !args[1].equals("-") ? Path.of(args[1]) : null;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int parses = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        ProcCpu cpu = new ProcCpu(Double.parseDouble(run(List.of("getconf", "CLK_TCK")).strip()));
        try (Plugins plugins = Plugins.load(null); Targets targets = new Targets()) {
            Map<String, Check> checks = plugins.checks();
            ConfigLoader loader = new ConfigLoader(checks, System.getenv());
            List<CheckSpec> specs = firstHost(loader, targets.fill(configFile));
            List<CheckSpec> nagios = nagiosFile == null ? List.of() : firstHost(loader, targets.fill(nagiosFile));
            ScriptWriter writer = new ScriptWriter(checks);
            System.out.printf(Locale.ROOT, "remote CPU per host and cycle on this machine (Linux variants), mean of %d rounds:%n", rounds);
            Measured udjat = measure("udjat built-ins", specs, writer, checks, cpu, rounds);
            if (!nagios.isEmpty()) {
                Measured plugins2 = measure("monitoring-plugins", nagios, writer, checks, cpu, rounds);
                System.out.printf(Locale.ROOT, "  ratio monitoring-plugins / udjat built-ins, CPU of the batched script: %.2f%n",
                        plugins2.batchedCpu() / udjat.batchedCpu());
            }
            BatchResult result = FrameReader.read(udjat.script(), udjat.stdout(), "no result");
            parseBench(result.runs(), specs, checks, parses);
        }
    }

    private static List<CheckSpec> firstHost(ConfigLoader loader, Path file) throws Exception {
        Config config = loader.load(file);
        HostSpec host = config.hostList().get(0);
        System.out.printf(Locale.ROOT, "%s: host %s, %d checks (%d built-in, %d command lines)%n", file, host.name(),
                host.checks().size(), host.checks().stream().filter(CheckSpec::isExtension).count(),
                host.checks().stream().filter(s -> !s.isExtension()).count());
        return host.checks();
    }

    /** What one host's checks cost: one batched script, and one shell per check. */
    private static Measured measure(String label, List<CheckSpec> specs, ScriptWriter writer, Map<String, Check> checks,
            ProcCpu cpu, int rounds) throws IOException, InterruptedException {
        BatchScript script = writer.write(specs, Platform.LINUX);
        Path scriptFile = Files.createTempFile("udjat-checkbench", ".sh");
        Files.write(scriptFile, script.bytes());
        List<String> commands = commands(specs, checks);
        byte[] stdout = null;
        double batched = 0;
        double perCheck = 0;
        long batchedWall = 0;
        long perCheckWall = 0;
        for (int r = 0; r < rounds; r++) {
            double before = cpu.reapedChildren();
            long t0 = System.nanoTime();
            stdout = runScript(scriptFile);
            batchedWall += System.nanoTime() - t0;
            double middle = cpu.reapedChildren();
            t0 = System.nanoTime();
            for (String c : commands) {
                runOne(c);
            }
            perCheckWall += System.nanoTime() - t0;
            batched += middle - before;
            perCheck += cpu.reapedChildren() - middle;
        }
        Files.delete(scriptFile);
        System.out.printf(Locale.ROOT, "  %-20s batched script (one sh -s): %7.1f ms CPU %7.1f ms wall;"
                + " one sh -c per check: %7.1f ms CPU %7.1f ms wall; ratio %.2f%n", label,
                1000 * batched / rounds, batchedWall / 1e6 / rounds, 1000 * perCheck / rounds, perCheckWall / 1e6 / rounds,
                perCheck / batched);
        return new Measured(script, stdout, batched / rounds);
    }

    /** The bench configs with their placeholders filled in by {@link CheckTargets}, in a folder of their own. */
    private static final class Targets implements AutoCloseable {
        private final Path dir;
        private final CheckTargets targets;

        Targets() throws IOException {
            dir = Files.createTempDirectory("udjat-checkbench");
            targets = new CheckTargets(dir);
        }

        /** The config with the placeholders filled in, as a file next to the backup. */
        Path fill(Path config) throws IOException {
            return Files.writeString(dir.resolve(config.getFileName()), targets.fill(Files.readString(config)));
        }

        @Override
        public void close() throws IOException {
            targets.close();
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    /** One measured script: what it printed in its last round and its mean CPU time in seconds. */
    private record Measured(BatchScript script, byte[] stdout, double batchedCpu) {
    }

    /** Each check's command as the script would run it, for the one-shell-per-check comparison. */
    private static List<String> commands(List<CheckSpec> specs, Map<String, Check> checks) {
        List<String> commands = new ArrayList<>();
        for (CheckSpec s : specs) {
            if (s.isExtension()) {
                checks.get(s.check()).command(Platform.LINUX, s.options()).ifPresent(commands::add);
            } else {
                commands.add(s.command());
            }
        }
        return commands;
    }

    private static void parseBench(List<CheckRun> runs, List<CheckSpec> specs, Map<String, Check> checks, int parses) {
        List<Runnable> parsers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Runnable> nagios = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < runs.size(); i++) {
            CheckSpec spec = specs.get(i);
            RawOutput raw = runs.get(i).raw().polledBetween(now, now.plusMillis(200));
            if (spec.isExtension()) {
                Check check = checks.get(spec.check());
                parsers.add(() -> sink(check.parse(raw, spec.options())));
                names.add(spec.name());
                // the same result as a Nagios plugin would print it
                CheckOutcome o = check.parse(raw, spec.options());
                RawOutput plugin = new RawOutput(o.summary() + " | " + perf(o) + "\n" + o.longOutput(), o.status().ordinal(), false);
                nagios.add(() -> sink(NagiosOutput.parse(plugin)));
            }
        }
        System.out.printf(Locale.ROOT, "poller-side parse of %,d check outputs (%d kinds, round-robin; first pass is a fresh JVM):%n",
                parses, parsers.size());
        for (int pass = 1; pass <= 3; pass++) {
            long raw = time(parsers, parses);
            long plugin = time(nagios, parses);
            System.out.printf(Locale.ROOT, "  pass %d: raw values parsed + thresholds %6.1f ms (%5.2f us each)"
                    + "   Nagios plugin output %6.1f ms   ratio %.2f%n", pass, raw / 1e6, raw / 1e3 / parses,
                    plugin / 1e6, (double) raw / plugin);
        }
        System.out.println("  per check, after the passes above (us per parse):");
        for (int i = 0; i < parsers.size(); i++) {
            long t = time(List.of(parsers.get(i)), 2000);
            System.out.printf(Locale.ROOT, "    %-16s %8.2f%n", names.get(i), t / 1e3 / 2000);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static String perf(CheckOutcome o) {
        StringBuilder b = new StringBuilder();
        o.perfData().forEach(p -> b.append('\'').append(p.label()).append("'=").append(p.value()).append(p.unit()).append(' '));
        return b.toString().strip();
    }

    private static long time(List<Runnable> parsers, int count) {
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            parsers.get(i % parsers.size()).run();
        }
        return System.nanoTime() - t0;
    }

    private static void sink(CheckOutcome o) {
        sink += o.summary().length() + o.perfData().size();
    }

    private static byte[] runScript(Path script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-s").redirectInput(script.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        return out;
    }

    private static void runOne(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", "LC_ALL=C; export LC_ALL; exec </dev/null; " + command)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
