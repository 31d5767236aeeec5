package org.udjat.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message for one recipient on one channel: what the dispatch stage composed from a cycle's
 * changes (or from pages, escalations, withdrawals and digests), ready to send. All text in it is
 * plain text; any part may come from a monitored host (check output, labels), so a notifier that
 * renders HTML or markup escapes it.
 *
 * @param id        stable across retries of the same message, so a receiver can drop duplicates
 * @param time      when the message was composed
 * @param kind      what the message is
 * @param urgency   {@code LOW} for email and chat, {@code PAGE} for what wakes someone up
 * @param severity  the worst state among its items ({@code CRITICAL}, {@code DOWN}, {@code WARNING},
 *                  {@code UNKNOWN}, {@code UNSTABLE}, {@code OK}, {@code UP})
 * @param subject   one line that says it all, e.g. {@code gw1 DOWN; 37 checks on 12 hosts behind it suppressed}
 * @param lines     the summary, most important first, already shortened to the configured limit
 *                  (the last line then says {@code +N more})
 * @param items     every change behind the message, for receivers that want structure
 * @param recipient who it is for, or null when the channel addresses a room or a group
 * @param reportUrl the report's overview page, or null when no {@code report_url} is configured
 * @param folded    how many earlier messages a rate limit folded into this one (0 when none)
 */
public record Notice(
        String id,
        Instant time,
        Kind kind,
        Urgency urgency,
        String severity,
        String subject,
        List<String> lines,
        List<Item> items,
        Contact recipient,
        String reportUrl,
        int folded) {

    /** What a message is. */
    public enum Kind {
        /** new or changed problems (and recoveries that came with them), on low-urgency channels */
        PROBLEM,
        /** problems that ended */
        RECOVERY,
        /** an urgent problem paged to the person on duty after its grace period */
        PAGE,
        /** a page to everybody on the escalation list: the person on duty did not acknowledge in time */
        ESCALATION,
        /** a problem still HARD and unacknowledged, said again */
        REPEAT,
        /** a page that was due is not sent: the problem recovered or was acknowledged in its grace period */
        WITHDRAWN,
        /** problems acknowledged by someone */
        ACKNOWLEDGED,
        /** what a rate limit held back, sent when the limit allows */
        DIGEST,
        /** a message about udjat itself: undelivered messages, a remediation, the poller's own health */
        NOTICE
    }

    /** How urgently a person must hear of it. */
    public enum Urgency {
        /** read when convenient: email, chat */
        LOW,
        /** wakes someone up: SMS, pager, phone */
        PAGE
    }

    /**
     * One change behind a message.
     *
     * @param host       the host
     * @param check      the check, or null for the host itself
     * @param from       the previous state, or null when first seen
     * @param to         the new state
     * @param change     what the change means: {@code PROBLEM}, {@code RECOVERY}, {@code UNSTABLE}, {@code STABLE},
     *                   or for a message about a problem rather than a change, {@code OPEN}
     * @param summary    the check's output or the reason, one line, untrusted
     * @param rootCause  what it is behind, when it is suppressed ({@code gw1 DOWN}), else null
     * @param suppressed for a root cause, how many dependents it suppresses
     * @param since      when the problem started, or null when not known
     * @param link       the report page of the host or check, or null
     */
    public record Item(String host, String check, String from, String to, String change, String summary,
                       String rootCause, int suppressed, Instant since, String link) {
        public Item {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(to, "to");
            summary = summary == null ? "" : summary;
        }

        /** {@code gw1} or {@code db1/postgres}. */
        public String subject() {
            return check == null ? host : host + "/" + check;
        }
    }

    public Notice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(urgency, "urgency");
        severity = severity == null ? "" : severity;
        subject = subject == null ? "" : subject;
        lines = lines == null ? List.of() : List.copyOf(lines);
        items = items == null ? List.of() : List.copyOf(items);
        if (folded < 0) {
            throw new IllegalArgumentException("folded must not be negative");
        }
    }

    /** The same message for another recipient (a new id, because it is another message). */
    public Notice to(Contact other, String otherId) {
        return new Notice(otherId, time, kind, urgency, severity, subject, lines, items, other, reportUrl, folded);
    }

    /**
     * The message as plain text: the subject, the lines, how many messages it stands for, and the
     * report link. What email bodies, SMS texts and chat messages are made of.
     */
    public String text() {
        StringBuilder sb = new StringBuilder(subject).append('\n');
        if (!lines.isEmpty()) {
            sb.append('\n');
            lines.forEach(l -> sb.append(l).append('\n'));
        }
        if (folded > 0) {
            sb.append('\n').append(folded).append(folded == 1 ? " earlier message" : " earlier messages")
                    .append(" held back by a rate limit are included.\n");
        }
        if (reportUrl != null) {
            sb.append('\n').append(reportUrl).append('\n');
        }
        return sb.toString();
    }
}
