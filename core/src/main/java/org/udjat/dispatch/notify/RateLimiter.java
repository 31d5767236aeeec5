package org.udjat.dispatch.notify;

import org.udjat.dispatch.Outgoing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.config.ChannelSpec;
import org.udjat.config.RateLimit;

/**
 * Applies a channel's {@code rate_limit} over a sliding window of send times. A message over the
 * limit is held for its recipient and folded into the next message that recipient gets on the
 * channel: the next message of a later cycle when the window has room, or a {@code DIGEST} of
 * what was held when there is nothing new to say. A message with a new urgent host problem cuts
 * through the limit, carrying what was held with it. Nothing is dropped. Pure.
 */
final class RateLimiter {
    /** One message the cycle would send on the channel. */
    record Draft(Told to, Notice notice, boolean cutThrough) {
    }

    /** What goes out now, and what the channel remembers. */
    record Result(List<Outgoing> sent, ChannelLog log, List<String> notes) {
    }

    private final int summaryLines;
    private final String reportUrl;

    RateLimiter(int summaryLines, String reportUrl) {
        this.summaryLines = summaryLines;
        this.reportUrl = reportUrl;
    }

    /**
     * @param ids      a new notice id for a digest to this target
     * @param contacts the contact of a recipient name
     */
    Result apply(ChannelSpec channel, ChannelLog log, List<Draft> drafts, Instant now, Function<Told, String> ids,
                 Function<String, Contact> contacts) {
        RateLimit limit = channel.rateLimit();
        List<Instant> window = new ArrayList<>(limit == null ? List.of()
                : log.sent().stream().filter(t -> t.isAfter(now.minus(limit.per()))).toList());
        Map<String, Held> held = new TreeMap<>(log.held());
        Map<String, Draft> byKey = new LinkedHashMap<>();
        drafts.forEach(d -> byKey.put(key(d.to()), d));
        List<String> keys = Stream.concat(byKey.keySet().stream(),
                held.keySet().stream().filter(k -> !byKey.containsKey(k)).sorted()).toList();
        List<Outgoing> sent = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String key : keys) {
            Draft d = byKey.get(key);
            Held h = held.get(key);
            boolean room = limit == null || window.size() < limit.count();
            if (room || d != null && d.cutThrough()) {
                Told to = new Told(channel.name(), key.isEmpty() ? null : key);
                Notice n = d != null ? fold(d.notice(), h) : digest(ids.apply(to), now, h, contacts.apply(key));
                sent.add(new Outgoing(channel.name(), n));
                window.add(now);
                held.remove(key);
            } else if (d != null) {
                Held more = add(h, d.notice(), now);
                held.put(key, more);
                notes.add("channel " + channel.name() + ": rate limit of " + limit.count() + " per "
                        + org.udjat.report.Durations.human(limit.per()) + " reached; the message"
                        + (key.isEmpty() ? "" : " to " + key) + " is held back (" + more.count()
                        + " held, sent as one digest when the limit allows)");
            }
        }
        ChannelLog next = limit == null ? new ChannelLog(List.of(), held) : new ChannelLog(window, held);
        return new Result(sent, next, notes);
    }

    static String key(Told to) {
        return to.recipient() == null ? ChannelLog.ROOM : to.recipient();
    }

    private static Held add(Held h, Notice n, Instant now) {
        if (h == null) {
            return new Held(1, now, n.severity(), List.of(n.subject()), n.items());
        }
        List<String> subjects = new ArrayList<>(h.subjects());
        subjects.add(n.subject());
        List<Notice.Item> items = new ArrayList<>(h.items());
        items.addAll(n.items());
        return new Held(h.count() + 1, h.since(), worse(h.severity(), n.severity()), subjects, items);
    }

    private static String worse(String a, String b) {
        return Stream.of(a, b).filter(s -> !s.isEmpty()).min(Comparator.comparingInt(Entry::stateRank)).orElse("");
    }

    /** The message with what was held for its recipient folded in. */
    private Notice fold(Notice n, Held h) {
        if (h == null) {
            return n;
        }
        List<String> lines = new ArrayList<>(n.lines());
        lines.add("Held back by the rate limit since " + h.since() + ":");
        lines.addAll(Composer.cut(h.subjects(), summaryLines));
        List<Notice.Item> items = new ArrayList<>(n.items());
        items.addAll(h.items());
        return new Notice(n.id(), n.time(), n.kind(), n.urgency(), worse(n.severity(), h.severity()), n.subject(), lines,
                items, n.recipient(), n.reportUrl(), h.count());
    }

    private Notice digest(String id, Instant now, Held h, Contact recipient) {
        String subject = h.count() + (h.count() == 1 ? " message" : " messages") + " held back by the rate limit"
                + (h.severity().isEmpty() ? "" : ", worst " + h.severity()) + ": " + h.subjects().get(0);
        return new Notice(id, now, Notice.Kind.DIGEST, Notice.Urgency.LOW, h.severity(), subject,
                Composer.cut(h.subjects(), summaryLines), h.items(), recipient,
                reportUrl == null ? null : reportUrl + "index.html", h.count());
    }
}
