package org.udjat.dispatch.notify;

import org.udjat.dispatch.Outgoing;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.config.ChannelSpec;
import org.udjat.config.NotifySettings;
import org.udjat.evaluate.Change;
import org.udjat.record.FileNames;

/**
 * The notification policy: turns one cycle's changes, with who is on duty, the acknowledgements
 * and downtimes on record and its own memory, into the messages to send now and the memory for
 * the next cycle. Pure and exact: no I/O, no clock (the time is in the input), the same input
 * always gives the same decision. Thread-safe (stateless apart from its constructor argument).
 *
 * <p>What it decides, in order, for each cycle:
 * <ol>
 *   <li>problems: notifiable PROBLEM, UNSTABLE and STABLE changes open (or change) a problem; a
 *       RECOVERY, suppressed or not, or the snapshot showing it fine or gone, ends it;</li>
 *   <li>endings: a recovery to everybody who was told of the problem, on every channel; a page still
 *       in its grace period is withdrawn, and that is said;</li>
 *   <li>open problems: announced on the routed low-urgency channels (not while in downtime or
 *       suppressed), paged after the grace period to the person on duty, escalated to the escalation
 *       list when the page is not acknowledged in time, repeated while HARD and unacknowledged; an
 *       acknowledgement withdraws a pending page, is told to those paged, and when it expires the
 *       problem is paged again;</li>
 *   <li>remediation: each line of the remediation engine (a REMEDIATION change) goes to the problem's
 *       low-urgency channels as one line; a refusal at the limit or a failed action is also paged at once
 *       (no grace: a machine already tried) to the person on duty, as an urgent problem is, unless the
 *       problem is acknowledged, and then counts as the problem's page;</li>
 *   <li>messages: one per channel and recipient, through the channel's rate limit.</li>
 * </ol>
 */
public final class NotifyPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyPolicy.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Predicate<String> addressesPeople;

    /**
     * @param addressesPeople whether a channel (by name) addresses people one by one (one message per
     *                        contact) rather than a room (one message, no recipient); the caller asks each
     *                        channel's notifier ({@code Notifier.addressesPeople(options)})
     */
    public NotifyPolicy(Predicate<String> addressesPeople) {
        this.addressesPeople = Objects.requireNonNull(addressesPeople, "addressesPeople");
    }

    /** The messages to send now and the memory to keep; see the class comment. */
    public Decision decide(NotifyInput input, NotifyState previous) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(previous, "previous");
        NotifySettings settings = input.config().notifications();
        Router router = new Router(settings, input.config().hosts(), addressesPeople);
        NotifyCycle cycle = new NotifyCycle(input, previous, router, addressesPeople);
        cycle.run();
        return send(input, settings, previous, cycle);
    }

    /** One message per channel and recipient, in config order, through each channel's rate limit. */
    private Decision send(NotifyInput input, NotifySettings settings, NotifyState previous, NotifyCycle cycle) {
        Instant now = input.now();
        List<String> channelOrder = List.copyOf(settings.channels().keySet());
        List<String> contactOrder = List.copyOf(settings.contacts().keySet());
        List<Told> targets = new ArrayList<>(cycle.entries().keySet());
        targets.sort(Comparator.comparingInt((Told t) -> channelOrder.indexOf(t.channel()))
                .thenComparingInt(t -> t.recipient() == null ? -1 : contactOrder.indexOf(t.recipient())));
        long[] sequence = {previous.sequence()};
        java.util.function.Function<Told, String> ids = t -> {
            sequence[0]++;
            return STAMP.format(now) + "-" + sequence[0] + "-" + FileNames.safe(t.channel())
                    + (t.recipient() == null ? "" : "-" + FileNames.safe(t.recipient()));
        };
        Composer composer = new Composer(settings.summaryLines(), settings.reportUrl());
        Map<String, List<RateLimiter.Draft>> drafts = new LinkedHashMap<>();
        channelOrder.forEach(c -> drafts.put(c, new ArrayList<>()));
        for (Told t : targets) {
            ChannelSpec channel = settings.channels().get(t.channel());
            Contact recipient = t.recipient() == null ? null : settings.contacts().get(t.recipient());
            Notice notice = composer.compose(ids.apply(t), now, channel.pages(), recipient, cycle.entries().get(t));
            drafts.get(t.channel()).add(new RateLimiter.Draft(t, notice, cycle.cutsThrough(t)));
        }
        RateLimiter limiter = new RateLimiter(settings.summaryLines(), settings.reportUrl());
        List<Outgoing> messages = new ArrayList<>();
        List<String> notes = new ArrayList<>(cycle.notes());
        Map<String, ChannelLog> logs = new HashMap<>();
        for (Map.Entry<String, List<RateLimiter.Draft>> e : drafts.entrySet()) {
            ChannelLog log = previous.channels().getOrDefault(e.getKey(), ChannelLog.EMPTY);
            RateLimiter.Result r = limiter.apply(settings.channels().get(e.getKey()), log, e.getValue(), now, ids,
                    name -> settings.contacts().get(name));
            messages.addAll(r.sent());
            notes.addAll(r.notes());
            if (!r.log().isEmpty()) {
                logs.put(e.getKey(), r.log());
            }
        }
        previous.channels().forEach((name, log) -> {
            if (!settings.channels().containsKey(name) && !log.held().isEmpty()) {
                int count = log.held().values().stream().mapToInt(Held::count).sum();
                notes.add("channel " + name + " is no longer configured: " + count
                        + " messages it held back by its rate limit are dropped");
            }
        });
        return new Decision(messages, new NotifyState(sequence[0], cycle.problems(), logs), notes);
    }

    /**
     * Whether each configured channel addresses people one by one, as its notifier says
     * ({@code Notifier.addressesPeople(options)}); a channel whose notifier is not loaded, or throws
     * when asked, counts as addressing people.
     */
    public static Map<String, Boolean> addressing(NotifySettings settings, Map<String, Notifier> notifiers) {
        Map<String, Boolean> byChannel = new LinkedHashMap<>();
        for (ChannelSpec channel : settings.channels().values()) {
            Notifier notifier = notifiers.get(channel.type());
            boolean people = true;
            if (notifier != null) {
                try {
                    people = notifier.addressesPeople(channel.options());
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("notifier {} failed to say whom channel {} addresses: {}", channel.type(), channel.name(),
                            e.toString());
                }
            }
            byChannel.put(channel.name(), people);
        }
        return byChannel;
    }

    /** Whether a contact can be reached on a channel that addresses people: email needs an email address, sms a phone. */
    public static boolean reaches(Contact contact, ChannelSpec channel) {
        return Router.reaches(contact, channel);
    }

    /** Whether a channel, by name, addresses people; for callers that know it from a map. */
    public static Predicate<String> addressing(Map<String, Boolean> byChannel) {
        Map<String, Boolean> copy = Map.copyOf(byChannel);
        return name -> copy.getOrDefault(name, true);
    }

    /** The distinct targets of several lists, in order. */
    static List<Told> union(List<Told> a, List<Told> b) {
        Set<Told> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** A change's state reads as fine. */
    static boolean fine(String state) {
        return "OK".equals(state) || "UP".equals(state);
    }

    /** Items of the change, for a message. */
    static Notice.Item item(Change c, String link) {
        return new Notice.Item(c.host(), c.check(), c.from(), c.to(), c.kind() == null ? "" : c.kind().name(),
                c.summary(), c.suppressedBy(), c.suppressedCount(), null, link);
    }
}
