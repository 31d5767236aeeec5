package org.udjat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.Platform;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.evaluate.Evaluation;
import org.udjat.evaluate.Evaluator;
import org.udjat.evaluate.Snapshot;
import org.udjat.plan.HostOrder;
import org.udjat.plugin.Plugins;
import org.udjat.poll.HostPoll;
import org.udjat.poll.Poller;
import org.udjat.poll.Transport;
import org.udjat.record.CycleLock;
import org.udjat.record.HistoryLog;
import org.udjat.record.LockHeldException;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;

/**
 * One poll cycle, the whole pipeline: plan, poll, evaluate, record. Holds the state
 * directory's lock from before it reads the previous status until the new one is written.
 */
public final class Cycle {
    private final Config config;
    private final Plugins plugins;
    private final Map<HostSpec.Transport, Transport> transports;
    private final Clock clock;

    public Cycle(Config config, Plugins plugins, Map<HostSpec.Transport, Transport> transports, Clock clock) {
        this.config = config;
        this.plugins = plugins;
        this.transports = Map.copyOf(transports);
        this.clock = clock;
    }

    /**
     * Runs the cycle.
     *
     * @throws LockHeldException when another run holds the lock; nothing was touched
     * @throws IOException       when the state directory cannot be read or written
     */
    public CycleOutcome run() throws IOException, LockHeldException {
        Instant started = clock.instant();
        Instant deadline = started.plus(config.cycleDeadline());
        StateDir stateDir = StateDir.open(config.stateDir(), clock);
        try (CycleLock lock = stateDir.lock()) {
            List<String> warnings = new ArrayList<>();
            plugins.failures().forEach(f -> warnings.add("plugin " + f.name() + " left out: " + f.reason()));
            StatusStore statusStore = new StatusStore(stateDir);
            StatusStore.LoadResult loaded = statusStore.load();
            warnings.addAll(loaded.warnings());
            Optional<Snapshot> previous = loaded.snapshot();

            List<HostSpec> order = HostOrder.of(config).hosts();
            Poller poller = new Poller(transports, plugins.checks(), config.concurrency(), clock);
            Map<String, HostPoll> polls = new LinkedHashMap<>();
            poller.poll(order, knownPlatforms(previous), deadline).forEach(p -> polls.put(p.host(), p));

            Evaluation evaluation = new Evaluator(plugins.checks())
                    .evaluate(previous, config.hostList(), polls, started, clock.instant());

            new HistoryLog(stateDir).append(evaluation.changes());
            statusStore.save(evaluation.snapshot());
            return new CycleOutcome(evaluation.snapshot(), evaluation.changes(), warnings,
                    Duration.between(started, clock.instant()));
        }
    }

    /** Platforms detected in earlier cycles, so hosts are not probed every time. */
    private static Map<String, Platform> knownPlatforms(Optional<Snapshot> previous) {
        Map<String, Platform> known = new LinkedHashMap<>();
        previous.ifPresent(s -> s.hosts().forEach(h -> {
            if (h.platform() != null) {
                Platform.fromKey(h.platform()).ifPresent(p -> known.put(h.host(), p));
            }
        }));
        return known;
    }

}
