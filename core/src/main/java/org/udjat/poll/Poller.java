package org.udjat.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.udjat.api.Check;
import org.udjat.api.Platform;
import org.udjat.config.HostSpec;

/**
 * Polls hosts: for each, one batched script through its transport, read back into one
 * {@link CheckRun} per configured check.
 *
 * <p>Hosts start in the order given (parents first), at most {@code concurrency} at once, and a
 * host whose parents are in the same call starts only once they are done (so a child's failure can
 * be judged against a fresh parent result; a parent given after its child is not waited for). A
 * host that cannot be reached, or whose transport throws, is reported as not reached and never
 * holds up the others. {@link #poll} returns by the cycle deadline plus {@link #GRACE} whatever
 * the transports do: a host not finished by then is reported as not reached, and its thread
 * (a daemon) is interrupted and abandoned. Each call uses its own threads; calls may overlap.
 */
public final class Poller {

    /** How long past the cycle deadline {@link #poll} waits for transports to return. */
    public static final Duration GRACE = Duration.ofSeconds(1);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Map<HostSpec.Transport, Transport> transports;
    private final ScriptWriter writer;
    private final int concurrency;
    private final Clock clock;

    /**
     * @param transports  the transport for each kind of host
     * @param checks      the installed check extensions by name
     * @param concurrency how many hosts may be polled at once, at least 1
     * @param clock       the time source for deadlines and durations
     */
    public Poller(Map<HostSpec.Transport, Transport> transports, Map<String, Check> checks, int concurrency, Clock clock) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.transports = Map.copyOf(transports);
        this.writer = new ScriptWriter(checks);
        this.concurrency = concurrency;
        this.clock = clock;
    }

    /**
     * Polls the hosts and returns one result per host, in the order given.
     *
     * @param hosts          the hosts, parents first
     * @param knownPlatforms platforms remembered from earlier cycles by host name; a platform
     *                       forced in a host's config wins; hosts in neither are probed
     * @param deadline       the end of the cycle
     */
    public List<HostPoll> poll(List<HostSpec> hosts, Map<String, Platform> knownPlatforms, Instant deadline) {
        Instant cycleStart = clock.instant();
        Map<String, Platform> known = knownPlatforms == null ? Map.of() : knownPlatforms;
        // waiting uses the monotonic clock, so a wall-clock step cannot stretch the cycle
        long waitUntil = System.nanoTime() + Duration.between(cycleStart, deadline.plus(GRACE)).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, hosts.size())), daemons());
        List<Future<HostPoll>> futures = new ArrayList<>();
        Map<String, Future<HostPoll>> byName = new java.util.HashMap<>();
        for (HostSpec host : hosts) {
            // tasks start in submission order, so a parent waited for is already running: no deadlock
            List<Future<HostPoll>> parents = host.parents().stream().map(byName::get)
                    .filter(java.util.Objects::nonNull).toList();
            Future<HostPoll> future = pool.submit(() -> {
                awaitParents(parents, waitUntil);
                return pollHost(host, platformOf(host, known), cycleStart, deadline);
            });
            futures.add(future);
            byName.put(host.name(), future);
        }
        pool.shutdown();
        List<HostPoll> results = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            HostSpec host = hosts.get(i);
            try {
                results.add(futures.get(i).get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                futures.get(i).cancel(true);
                results.add(notReached(host, platformOf(host, known), deadlineReason(cycleStart, deadline), cycleStart));
            } catch (ExecutionException e) {
                results.add(notReached(host, platformOf(host, known), "internal error while polling: " + e.getCause(), cycleStart));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.get(i).cancel(true);
                results.add(notReached(host, platformOf(host, known), "polling was interrupted", cycleStart));
            }
        }
        pool.shutdownNow();
        return results;
    }

    /** Waits for the parents' polls to end, however they end, but never past {@code waitUntil} (nanoTime). */
    private static void awaitParents(List<Future<HostPoll>> parents, long waitUntil) throws InterruptedException {
        for (Future<HostPoll> parent : parents) {
            try {
                parent.get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
                // the parent's own result says what happened; the child is polled regardless
            }
        }
    }

    private HostPoll pollHost(HostSpec host, Platform platform, Instant cycleStart, Instant deadline) {
        Instant started = clock.instant();
        if (!started.isBefore(deadline)) {
            return notReached(host, platform, deadlineReason(cycleStart, deadline), cycleStart);
        }
        Transport transport = transports.get(host.transport());
        if (transport == null) {
            return notReached(host, platform, "no transport for " + host.transport().name().toLowerCase(Locale.ROOT) + " hosts", started);
        }
        BatchScript script = writer.write(host.checks(), platform);
        Execution execution;
        try {
            execution = transport.execute(host, script.bytes(), hostDeadline(host, started, deadline));
        } catch (RuntimeException e) {
            execution = Execution.unreachable(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (execution == null || !execution.reached()) {
            return notReached(host, platform, execution == null ? "the transport returned nothing" : execution.reason(), started);
        }
        BatchResult result = FrameReader.read(script, execution.stdout(), missingReason(execution, started));
        Instant ended = clock.instant();
        List<CheckRun> runs = result.runs().stream()
                .map(r -> new CheckRun(r.check(), r.state(), r.raw().polledBetween(started, ended), r.duration(), r.reason()))
                .toList();
        return new HostPoll(host.name(), true, "", result.platform(), runs, started, Duration.between(started, ended));
    }

    private static Platform platformOf(HostSpec host, Map<String, Platform> known) {
        return host.platform() != null ? host.platform() : known.get(host.name());
    }

    private static Instant hostDeadline(HostSpec host, Instant started, Instant deadline) {
        if (host.ssh() == null || host.ssh().execTimeout() == null || host.ssh().connectTimeout() == null) {
            return deadline;
        }
        Instant own = started.plus(host.ssh().execTimeout()).plus(host.ssh().connectTimeout());
        return own.isBefore(deadline) ? own : deadline;
    }

    private String missingReason(Execution execution, Instant started) {
        String reason = execution.completed()
                ? "no result: the script ended before reporting this check"
                : "no result: exec cut off after " + seconds(Duration.between(started, clock.instant())) + "s";
        return execution.reason().isEmpty() ? reason : reason + " (" + execution.reason() + ")";
    }

    private static String deadlineReason(Instant cycleStart, Instant deadline) {
        return "cycle deadline passed (" + seconds(Duration.between(cycleStart, deadline)) + "s) before the host finished";
    }

    private HostPoll notReached(HostSpec host, Platform platform, String reason, Instant started) {
        String checkReason = reason.startsWith("cycle deadline") ? reason : "host unreachable: " + reason;
        List<CheckRun> runs = host.checks().stream().map(c -> CheckRun.notRun(c.name(), checkReason)).toList();
        return new HostPoll(host.name(), false, reason, platform, runs, started, Duration.between(started, clock.instant()));
    }

    private static long seconds(Duration d) {
        return Math.max(0, (d.toMillis() + 500) / 1000);
    }

    private static ThreadFactory daemons() {
        return task -> {
            Thread t = new Thread(task, "udjat-poll-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
