package org.udjat.dispatch;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.api.Notifier;
import org.udjat.config.ChannelSpec;
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
import org.udjat.record.StateDir;

/**
 * The dispatch stage with notifications: the policy decides what to say to whom (from the
 * cycle's changes, who is on duty, the acks and downtimes in force, and what it said before), the
 * messages are stored in the outbox, the policy's memory is saved, and then everything due in the
 * outbox is delivered until the request's deadline. In that order: a crash at any point loses no
 * message (at worst one is sent twice), and a notifier that fails or hangs costs a retry, never
 * the cycle. Crashes of the poller and runs of overrun cycles are told to the low-urgency channels too
 * ({@link PollerHealthNotices}). Without channels in the config, changes are only logged, as before.
 */
public final class NotifyingDispatcher implements Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyingDispatcher.class);

    private final Config config;
    private final Map<String, Notifier> notifiers;
    private final Clock clock;
    private final LoggingDispatcher log = new LoggingDispatcher();

    /**
     * @param config    the config the cycle runs with
     * @param notifiers the loaded notifiers by type
     * @param clock     the cycle's clock, for delivery times and backoff
     */
    public NotifyingDispatcher(Config config, Map<String, Notifier> notifiers, Clock clock) {
        this.config = config;
        this.notifiers = Map.copyOf(notifiers);
        this.clock = clock;
    }

    @Override
    public List<String> dispatch(DispatchRequest request) {
        log.dispatch(request);
        StateDir dir = request.stateDir();
        Outbox outbox = new Outbox(dir);
        List<String> warnings = new ArrayList<>();
        if (config.notifications().enabled()) {
            decide(request, outbox, warnings);
            warnings.addAll(new PollerHealthNotices(config.notifications(), notifiers)
                    .store(dir, outbox, request.started()));
        }
        if (!outbox.pending().messages().isEmpty() || !outbox.pending().unreadable().isEmpty()) {
            DeliveryReport report = new Deliverer(notifiers, config.notifications(), clock)
                    .deliver(outbox, request.deadline());
            LOG.debug("notifications: {}", report.summary());
            warnings.addAll(report.warnings());
        }
        return warnings;
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
        Decision decision = new NotifyPolicy(NotifyPolicy.addressing(addressing()))
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

    /** Whether each channel addresses people one by one, as its notifier says; a notifier that throws counts as yes. */
    private Map<String, Boolean> addressing() {
        Map<String, Boolean> byChannel = new LinkedHashMap<>();
        for (ChannelSpec channel : config.notifications().channels().values()) {
            Notifier notifier = notifiers.get(channel.type());
            boolean people = true;
            if (notifier != null) {
                try {
                    people = notifier.addressesPeople(channel.options());
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("notifier {} failed to say whom channel {} addresses: {}", channel.type(), channel.name(), e.toString());
                }
            }
            byChannel.put(channel.name(), people);
        }
        return byChannel;
    }
}
