package org.udjat.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.udjat.config.HostSpec;
import org.udjat.plugin.Plugins;
import org.udjat.poll.CheckRun;
import org.udjat.poll.HostPoll;
import org.udjat.poll.Poller;
import org.udjat.poll.RunState;
import org.udjat.poll.SshTransport;

/**
 * Polls the benchmark hosts with udjat's real poll stage ({@link Poller} over {@link SshTransport})
 * and writes every check's result as {@code host index exit first-line} for {@code bench/run} to verify.
 *
 * <p>{@code once}: one poll, timed from outside (a fresh JVM, start included). {@code warm}: warm-up
 * polls, then measured ones; for each it prints wall seconds, this JVM's CPU seconds and the sshd
 * listeners' CPU seconds, and finally {@code RESULT wall cpu sshd} of the median cycle by wall time.
 */
public final class PollBench {
    private static final Duration CYCLE_BUDGET = Duration.ofMinutes(5);
    private static final String USAGE = "usage: PollBench once|warm 'hosts=F;checks=F;out=F;key=F;known_hosts=F;user=U;"
            + "concurrency=N[;sshd_pids=P,P;warmups=1;cycles=3;hz=100]'";

    private final Poller poller;
    private final List<HostSpec> hosts;

    private PollBench(Poller poller, List<HostSpec> hosts) {
        this.poller = poller;
        this.hosts = hosts;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2 || !List.of("once", "warm").contains(args[0])) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Map<String, String> o = options(args[1]);
        List<HostSpec> hosts = BenchHosts.read(Path.of(need(o, "hosts")), Path.of(need(o, "checks")),
                BenchHosts.ssh(need(o, "user"), Path.of(need(o, "key")), Path.of(need(o, "known_hosts"))));
        Path out = Path.of(need(o, "out"));
        int concurrency = Integer.parseInt(need(o, "concurrency"));
        try (SshTransport ssh = new SshTransport(); Plugins plugins = Plugins.load(null)) {
            Poller poller = new Poller(Map.of(HostSpec.Transport.SSH, ssh), plugins.checks(), concurrency, Clock.systemUTC());
            PollBench bench = new PollBench(poller, hosts);
            if (args[0].equals("once")) {
                write(out, bench.poll());
            } else {
                bench.warm(o, out);
            }
        }
    }

    private List<HostPoll> poll() {
        List<HostPoll> polls = new ArrayList<>(poller.poll(hosts, Map.of(), Instant.now().plus(CYCLE_BUDGET)));
        long unreached = polls.stream().filter(p -> !p.reached()).count();
        if (unreached > 0) {
            System.err.println(unreached + " host(s) not reached, e.g. " + polls.stream()
                    .filter(p -> !p.reached()).findFirst().map(p -> p.host() + ": " + p.reason()).orElse(""));
        }
        return polls;
    }

    private void warm(Map<String, String> o, Path out) throws IOException, InterruptedException {
        List<Long> sshd = Arrays.stream(o.getOrDefault("sshd_pids", "").split(","))
                .filter(s -> !s.isBlank()).map(Long::parseLong).toList();
        ProcCpu cpu = new ProcCpu(Double.parseDouble(o.getOrDefault("hz", "100")));
        for (int i = 0; i < Integer.parseInt(o.getOrDefault("warmups", "1")); i++) {
            poll();
        }
        List<double[]> cycles = new ArrayList<>();
        List<HostPoll> last = List.of();
        for (int i = 0; i < Integer.parseInt(o.getOrDefault("cycles", "3")); i++) {
            settle(sshd);
            double cpu0 = cpu.self();
            double sshd0 = cpu.withChildren(sshd);
            long t0 = System.nanoTime();
            last = poll();
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu1 = cpu.self();
            settle(sshd);
            double[] cycle = {wall, cpu1 - cpu0, cpu.withChildren(sshd) - sshd0};
            cycles.add(cycle);
            System.out.printf("cycle %d: wall %.2fs cpu %.2fs sshd cpu %.2fs%n", i + 1, cycle[0], cycle[1], cycle[2]);
        }
        write(out, last);
        cycles.sort(Comparator.comparingDouble(c -> c[0]));
        double[] median = cycles.get(cycles.size() / 2);
        System.out.printf("RESULT %.3f %.2f %.2f%n", median[0], median[1], median[2]);
    }

    /** Waits until the sshd listeners have reaped every connection, so their CPU time is complete. */
    private static void settle(List<Long> sshdPids) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until && sshdPids.stream().anyMatch(PollBench::hasChildren)) {
            Thread.sleep(20);
        }
    }

    private static boolean hasChildren(long pid) {
        return ProcessHandle.of(pid).map(h -> h.children().findAny().isPresent()).orElse(false);
    }

    private static void write(Path out, List<HostPoll> polls) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (HostPoll poll : polls) {
                List<CheckRun> runs = poll.checks();
                for (int i = 0; i < runs.size(); i++) {
                    CheckRun run = runs.get(i);
                    String exit = run.state() == RunState.COMPLETED ? Integer.toString(run.raw().exitCode()) : run.state().name();
                    String text = run.raw().text();
                    int nl = text.indexOf('\n');
                    w.printf("%s %d %s %s%n", poll.host(), i + 1, exit, nl < 0 ? text : text.substring(0, nl));
                }
            }
        }
    }

    private static Map<String, String> options(String spec) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String kv : spec.split(";")) {
            int eq = kv.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected key=value, got \"" + kv + "\"\n" + USAGE);
            }
            o.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return o;
    }

    private static String need(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing option " + key + "\n" + USAGE);
        }
        return v;
    }
}
