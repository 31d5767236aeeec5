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
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.api.Platform;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.dispatch.DispatchRequest;
import org.udjat.dispatch.Dispatcher;
import org.udjat.dispatch.NotifyingDispatcher;
import org.udjat.evaluate.Evaluation;
import org.udjat.evaluate.Evaluator;
import org.udjat.evaluate.RecheckPlanner;
import org.udjat.evaluate.Snapshot;
import org.udjat.health.CycleFacts;
import org.udjat.health.HeartbeatStore;
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
import org.udjat.record.rrd.GraphRenderer;
import org.udjat.record.rrd.GraphRun;
import org.udjat.record.rrd.RrdStore;
import org.udjat.record.rrd.RrdUpdate;
import org.udjat.report.ReportException;
import org.udjat.report.Reporter;

/**
 * One poll cycle, the whole pipeline: plan, poll (re-checking parents that looked fine while
 * something behind them failed), evaluate, record (history, status, RRD files), dispatch, report
 * (when {@code report.on_run}; the RRD files are written meanwhile, on a second thread), graphs, and last
 * the heartbeat ({@code heartbeat.json}, and {@code www/heartbeat.json} with the report). Holds the
 * state directory's lock from before it reads the previous status until the report is written and the
 * RRD files are updated.
 */
public final class Cycle {
    private static final Logger LOG = LoggerFactory.getLogger(Cycle.class);

    private final Config config;
    private final Plugins plugins;
    private final Map<HostSpec.Transport, Transport> transports;
    private final Clock clock;
    private final Dispatcher dispatcher;

    /**
     * A cycle whose changes are logged, remedied through the loaded remediators and notified through the
     * loaded notifiers, as the config says.
     */
    public Cycle(Config config, Plugins plugins, Map<HostSpec.Transport, Transport> transports, Clock clock) {
        this(config, plugins, transports, clock, new NotifyingDispatcher(config, plugins.notifiers(),
                plugins.remediators(), transports, clock));
    }

    /** A cycle whose changes go to {@code dispatcher} once recorded. */
    public Cycle(Config config, Plugins plugins, Map<HostSpec.Transport, Transport> transports, Clock clock,
                 Dispatcher dispatcher) {
        this.config = config;
        this.plugins = plugins;
        this.transports = Map.copyOf(transports);
        this.clock = clock;
        this.dispatcher = dispatcher;
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
            lock.previousHolder().ifPresent(h -> warnings.add("the previous run (pid " + h.pid() + ", started "
                    + h.started() + ") did not finish: it was killed or crashed; its cycle left no partial state"));
            plugins.failures().forEach(f -> warnings.add("plugin " + f.name() + " left out: " + f.reason()));
            StatusStore statusStore = new StatusStore(stateDir);
            StatusStore.LoadResult loaded = statusStore.load();
            warnings.addAll(loaded.warnings());
            Optional<Snapshot> previous = loaded.snapshot();

            List<HostSpec> order = HostOrder.of(config).hosts();
            Poller poller = new Poller(transports, plugins.checks(), config.concurrency(), clock);
            Map<String, HostPoll> polls = new LinkedHashMap<>();
            poller.poll(order, knownPlatforms(previous), deadline).forEach(p -> polls.put(p.host(), p));
            boolean hitDeadline = !clock.instant().isBefore(deadline);
            Map<String, HostPoll> rechecks = recheck(poller, order, previous, polls, deadline);

            Evaluation evaluation = new Evaluator(plugins.checks())
                    .evaluate(previous, config, polls, rechecks, started, clock.instant());

            // history first: a run killed between the two writes keeps the previous status, so the
            // next run finds the same changes again (a repeated line) rather than losing them
            new HistoryLog(stateDir).append(evaluation.changes());
            statusStore.save(evaluation.snapshot());
            // the RRD files are written from the snapshot on a thread of their own while the changes are
            // dispatched and the report (status and history into www/) is rendered, so a cycle uses a
            // second core; the graphs draw what the RRD files hold, so they come after both
            int rrdWarningsAt = warnings.size();
            List<String> rrdWarnings = new ArrayList<>();
            FutureTask<Void> rrd = new FutureTask<>(() -> recordValues(stateDir, evaluation.snapshot(), rrdWarnings),
                    null);
            startDaemon(rrd, "udjat-rrd");
            try {
                dispatch(stateDir, evaluation, started, warnings);
                if (config.report().onRun()) {
                    report(stateDir, evaluation.snapshot(), warnings);
                }
            } finally {
                awaitRecorded(rrd, rrdWarnings); // not even an Error here lets the lock go while it writes
            }
            warnings.addAll(rrdWarningsAt, rrdWarnings); // where they were when the stages ran one after the other
            if (config.report().onRun()) {
                drawGraphs(stateDir, started, warnings);
            }
            Instant finished = clock.instant();
            int reached = (int) polls.values().stream().filter(HostPoll::reached).count();
            warnings.addAll(new HeartbeatStore(stateDir).beat(new CycleFacts(started, finished, config.interval(),
                    config.cycleDeadline(), polls.size(), reached, hitDeadline, warnings), version(),
                    config.report().onRun()));
            return new CycleOutcome(evaluation.snapshot(), evaluation.changes(), warnings,
                    Duration.between(started, finished));
        }
    }

    /**
     * Polls once more, together, the parents and dependencies the planner names, if the deadline
     * allows. A re-poll cut short by the deadline says nothing about the host and is dropped.
     */
    private Map<String, HostPoll> recheck(Poller poller, List<HostSpec> order, Optional<Snapshot> previous,
                                          Map<String, HostPoll> polls, Instant deadline) {
        Set<String> again = new RecheckPlanner(plugins.checks()).plan(previous, config, polls);
        Map<String, HostPoll> rechecks = new LinkedHashMap<>();
        if (again.isEmpty() || !clock.instant().isBefore(deadline)) {
            return rechecks;
        }
        LOG.debug("re-checking {} before deciding what depends on them", again);
        List<HostSpec> hosts = order.stream().filter(h -> again.contains(h.name())).toList();
        for (HostPoll p : poller.poll(hosts, knownPlatforms(previous), deadline)) {
            if (p.reached() || clock.instant().isBefore(deadline)) {
                rechecks.put(p.host(), p);
            }
        }
        return rechecks;
    }

    /** Stores the measured values in RRD files; a problem there costs a warning, never the recorded state. */
    private void recordValues(StateDir stateDir, Snapshot snapshot, List<String> warnings) {
        try {
            RrdUpdate rrd = new RrdStore(stateDir, config.rrd(), clock).update(snapshot);
            rrd.notes().forEach(LOG::info);
            warnings.addAll(rrd.warnings());
        } catch (RuntimeException e) {
            String warning = "RRD files not updated: " + e;
            LOG.debug(warning, e); // the warning itself is logged once, with the cycle's others
            warnings.add(warning);
        }
    }

    /**
     * Waits for the RRD update started beside the report, however long it takes: it writes under the
     * cycle lock, so the cycle must not end before it. Whatever it threw becomes its warning, as when it
     * ran on the cycle's own thread; an {@link Error} is thrown on, as it was then.
     */
    private static void awaitRecorded(FutureTask<Void> rrd, List<String> rrdWarnings) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    rrd.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the update finishes its files in any case
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    String warning = "RRD files not updated: " + e.getCause();
                    LOG.debug(warning, e.getCause());
                    rrdWarnings.add(warning);
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void startDaemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Hands the recorded changes on, with half an interval from the cycle's start (at least a few
     * seconds) for deliveries; a failing dispatcher costs a warning, never the recorded state.
     */
    private void dispatch(StateDir stateDir, Evaluation evaluation, Instant started, List<String> warnings) {
        Instant deadline = started.plus(config.interval().dividedBy(2));
        Instant soonest = clock.instant().plusSeconds(5);
        try {
            warnings.addAll(dispatcher.dispatch(new DispatchRequest(evaluation.snapshot(), evaluation.changes(), stateDir,
                    started, deadline.isAfter(soonest) ? deadline : soonest)));
        } catch (RuntimeException e) {
            String warning = "dispatching " + evaluation.changes().size() + " changes failed (they are recorded in "
                    + "history.jsonl): " + e;
            warnings.add(warning);
        }
    }

    /** Renders the HTML report; a broken template or a full disk costs a warning, never the recorded state. */
    private void report(StateDir stateDir, Snapshot snapshot, List<String> warnings) {
        try {
            LOG.debug(new Reporter(config, clock).report(stateDir, Optional.of(snapshot)).summary());
        } catch (ReportException | IOException | RuntimeException e) {
            String why = e instanceof ReportException || e instanceof IOException ? e.getMessage() : e.toString();
            warnings.add("the report was not rendered (status and history are recorded): " + why);
        }
    }

    /**
     * Draws the graphs of the report's check pages whose data changed, until shortly before the
     * next cycle is due; what is left is drawn first next time, and the CGI draws any on demand.
     */
    private void drawGraphs(StateDir stateDir, Instant started, List<String> warnings) {
        if (!config.rrd().enabled()) {
            return;
        }
        Instant until = started.plus(config.interval()).minus(config.interval().dividedBy(6));
        try {
            GraphRun run = new GraphRenderer(stateDir, config.rrd(), clock).renderChanged(until);
            LOG.debug("graphs: {} drawn, {} up to date, {} postponed", run.rendered(), run.upToDate(), run.postponed());
            warnings.addAll(run.warnings());
        } catch (RuntimeException e) {
            warnings.add("graphs not drawn: " + e);
        }
    }

    /** The udjat version, from the jar's manifest; {@code development build} when run from classes. */
    public static String version() {
        String version = Cycle.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
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
