package org.udjat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * What the checks of one host cost. Remote side: the CPU time of the generated script that runs
 * every check of the config's first host in one {@code /bin/sh -s}, against the same commands
 * each started by its own {@code /bin/sh -c} as check_by_ssh starts one remote shell per check
 * (the ssh part is measured by PollBench). Poller side: the time to parse 10,000 check outputs,
 * the real outputs of that script taken round-robin, against Nagios plugin output of the same count.
 *
 * <pre>java -cp ... org.udjat.bench.CheckBench CONFIG [ROUNDS] [PARSES]</pre>
 */
public final class CheckBench {
    private static final String USAGE = "usage: CheckBench CONFIG [ROUNDS] [PARSES]";
    /** Keeps the parsed outcomes observable, so the JIT cannot drop the parsing. */
    private static long sink;

    private CheckBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path configFile = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int parses = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        ProcCpu cpu = new ProcCpu(Double.parseDouble(run(List.of("getconf", "CLK_TCK")).strip()));
        try (Plugins plugins = Plugins.load(null)) {
            Map<String, Check> checks = plugins.checks();
            Config config = new ConfigLoader(checks, System.getenv()).load(configFile);
            HostSpec host = config.hostList().get(0);
            List<CheckSpec> specs = host.checks();
            BatchScript script = new ScriptWriter(checks).write(specs, Platform.LINUX);
            Path dir = Files.createTempDirectory("udjat-checkbench");
            Path scriptFile = dir.resolve("script.sh");
            Files.write(scriptFile, script.bytes());
            List<String> commands = commands(specs, checks);

            System.out.printf(Locale.ROOT, "checks: %d of host %s from %s (%d built-in, %d command lines)%n", specs.size(),
                    host.name(), configFile, specs.stream().filter(CheckSpec::isExtension).count(),
                    specs.stream().filter(s -> !s.isExtension()).count());
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
            System.out.printf(Locale.ROOT, "remote CPU per host and cycle, mean of %d rounds:%n", rounds);
            System.out.printf(Locale.ROOT, "  batched script (one sh -s):      %7.1f ms CPU  %7.1f ms wall%n",
                    1000 * batched / rounds, batchedWall / 1e6 / rounds);
            System.out.printf(Locale.ROOT, "  one sh -c per check:             %7.1f ms CPU  %7.1f ms wall%n",
                    1000 * perCheck / rounds, perCheckWall / 1e6 / rounds);
            System.out.printf(Locale.ROOT, "  ratio per-check / batched CPU:   %7.2f%n", perCheck / batched);

            BatchResult result = FrameReader.read(script, stdout, "no result");
            parseBench(result.runs(), specs, checks, parses);
        }
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
        System.out.println("  per check, after the passes above (us per parse, output bytes):");
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
