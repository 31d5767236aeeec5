package org.udjat.dispatch;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.api.Notifier;
import org.udjat.api.Remediator;
import org.udjat.config.Config;
import org.udjat.dispatch.control.AckStore;
import org.udjat.dispatch.control.DowntimeStore;
import org.udjat.dispatch.control.DutyStore;
import org.udjat.dispatch.notify.Decision;
import org.udjat.dispatch.notify.NotifyInput;
import org.udjat.dispatch.notify.NotifyPolicy;
import org.udjat.dispatch.notify.NotifyStore;
import org.udjat.dispatch.outbox.Deliverer;
import org.udjat.dispatch.outbox.DeliveryReport;
import org.udjat.dispatch.outbox.Outbox;
import org.udjat.health.PollerHealthNotices;
import org.udjat.dispatch.remedy.HostRunner;
import org.udjat.dispatch.remedy.RemedyEngine;
import org.udjat.dispatch.remedy.RemedyStore;
import org.udjat.dispatch.remedy.VerdictStore;
import org.udjat.evaluate.Change;
import org.udjat.record.HistoryLog;
import org.udjat.record.StateDir;

/**
 * The dispatch stage with notifications: the policy decides what to say to whom (from the
 * cycle's changes, who is on duty, the acks and downtimes in force, and what it said before), the
 * messages are stored in the outbox, the policy's memory is saved, and then everything due in the
 * outbox is delivered until the request's deadline. In that order: a crash at any point loses no
 * message (at worst one is sent twice), and a notifier that fails or hangs costs a retry, never
 * the cycle. Crashes of the poller and runs of overrun cycles are told to the low-urgency channels too
 * ({@link PollerHealthNotices}). Without channels in the config, changes are only logged, as before.
 *
 * <p>With remediators, remediation runs first: its engine acts on the problems that lasted (within
 * the request's deadline), its lines are appended to {@code history.jsonl} and its memory saved, and
 * the policy gets the cycle's changes followed by the remediation lines, so the same cycle tells people
 * what was done.
 */
public final class NotifyingDispatcher implements Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyingDispatcher.class);

    private final Config config;
    private final Map<String, Notifier> notifiers;
    private final Clock clock;
    private final RemedyEngine remedies;
    private final LoggingDispatcher log = new LoggingDispatcher();

    /**
     * @param config    the config the cycle runs with
     * @param notifiers the loaded notifiers by type
     * @param clock     the cycle's clock, for delivery times and backoff
     */
    public NotifyingDispatcher(Config config, Map<String, Notifier> notifiers, Clock clock) {
        this(config, notifiers, clock, null);
    }

    /**
     * A dispatcher that also remedies, running actions on hosts through the cycle's transports.
     *
     * @param remediators the loaded remediators by type
     * @param transports  the cycle's transports by kind of host
     */
    public NotifyingDispatcher(Config config, Map<String, Notifier> notifiers, Map<String, Remediator> remediators,
                               Map<org.udjat.config.HostSpec.Transport, org.udjat.poll.Transport> transports,
                               Clock clock) {
        this(config, notifiers, clock, new RemedyEngine(remediators, new HostRunner(transports, clock), clock));
    }

    /** A dispatcher with the given remediation engine, or none. */
    public NotifyingDispatcher(Config config, Map<String, Notifier> notifiers, Clock clock, RemedyEngine remedies) {
        this.config = config;
        this.notifiers = Map.copyOf(notifiers);
        this.clock = clock;
        this.remedies = remedies;
    }

    @Override
    public List<String> dispatch(DispatchRequest request) {
        log.dispatch(request);
        StateDir dir = request.stateDir();
        Outbox outbox = new Outbox(dir);
        List<String> warnings = new ArrayList<>();
        List<Change> remedied = remedy(request, warnings);
        if (config.notifications().enabled()) {
            List<Change> all = new ArrayList<>(request.changes());
            all.addAll(remedied);
            decide(new DispatchRequest(request.snapshot(), all, dir, request.started(), request.deadline()), outbox,
                    warnings);
            warnings.addAll(new PollerHealthNotices(config.notifications(), notifiers)
                    .store(dir, outbox, request.started()));
        }
        Outbox.Listing pending = outbox.pending();
        if (!pending.messages().isEmpty() || !pending.unreadable().isEmpty()) {
            DeliveryReport report = new Deliverer(notifiers, config.notifications(), clock)
                    .deliver(outbox, request.deadline());
            LOG.debug("notifications: {}", report.summary());
            warnings.addAll(report.warnings());
        }
        return warnings;
    }

    /**
     * Runs the remediation engine, appends its lines to the history and saves its memory; a failure costs a
     * warning. The history first: a crash before the memory is saved repeats a line rather than losing one.
     */
    private List<Change> remedy(DispatchRequest request, List<String> warnings) {
        boolean any = config.hosts().values().stream().flatMap(h -> h.checks().stream()).anyMatch(c -> c.remedy() != null);
        StateDir dir = request.stateDir();
        RemedyStore store = new RemedyStore(dir);
        if (remedies == null || !any && !java.nio.file.Files.exists(store.file())) {
            return List.of();
        }
        RemedyStore.Loaded loaded = store.load();
        warnings.addAll(loaded.warnings());
        var downtimes = new DowntimeStore(dir).read();
        warnings.addAll(downtimes.warnings());
        List<org.udjat.dispatch.remedy.Verdict> verdicts = new VerdictStore(dir).read(warnings);
        RemedyEngine.Result result = remedies.run(config, request.snapshot(), downtimes.value(), verdicts,
                loaded.state(), request.deadline());
        warnings.addAll(result.warnings());
        result.changes().forEach(c -> LOG.info("remediation: {} {}: {}", c.subject(), c.to(), c.summary()));
        try {
            new HistoryLog(dir).append(result.changes());
            store.save(result.next());
        } catch (IOException e) {
            warnings.add("remediation memory not stored (" + result.changes().size() + " lines): " + e.getMessage());
        }
        return result.changes();
    }

    /** Runs the policy and stores its messages, then its memory; a failure costs a warning. */
    private void decide(DispatchRequest request, Outbox outbox, List<String> warnings) {
        StateDir dir = request.stateDir();
        NotifyStore store = new NotifyStore(dir);
        NotifyStore.Loaded loaded = store.load();
        warnings.addAll(loaded.warnings());
        var duty = new DutyStore(dir).read();
        var acks = new AckStore(dir).read();
        var downtimes = new DowntimeStore(dir).read();
        warnings.addAll(duty.warnings());
        warnings.addAll(acks.warnings());
        warnings.addAll(downtimes.warnings());
        Decision decision = new NotifyPolicy(NotifyPolicy.addressing(NotifyPolicy.addressing(config.notifications(), notifiers)))
                .decide(new NotifyInput(request.started(), config, request.snapshot(), request.changes(),
                        duty.value(), acks.value(), downtimes.value()), loaded.state());
        decision.notes().forEach(n -> LOG.info("notifications: {}", n));
        try {
            // messages first: a crash between the two writes keeps every message (they are sent next
            // cycle) and at worst forgets that they were said; the other order could lose messages
            outbox.put(decision.messages());
            store.save(decision.next());
        } catch (IOException e) {
            warnings.add("notifications not stored (" + decision.messages().size() + " messages; the changes are in "
                    + "history.jsonl and will be decided again next cycle): " + e.getMessage());
        }
    }

}
