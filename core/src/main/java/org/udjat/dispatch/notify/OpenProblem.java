package org.udjat.dispatch.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A problem people were (or are to be) told of, and what was said about it: the part of
 * {@code notify.json} that lets recoveries reach everybody told, and pages, escalations and repeats
 * happen once each. Immutable; the policy makes changed copies.
 *
 * @param host        the host
 * @param check       the check, or null for the host itself
 * @param state       its state as last announced: {@code CRITICAL}, {@code DOWN}, {@code UNSTABLE}...
 * @param summary     the output that came with it, untrusted
 * @param since       when it began
 * @param announced   whether it was announced (false while in downtime or suppressed since it began)
 * @param told        everybody told anything about it, in the order first told
 * @param pageDueAt   when it is to be paged, null when no page is pending
 * @param pagedAt     when it was last paged, null when never
 * @param paged       who that page and its escalation went to
 * @param escalatedAt when the last page was escalated, null when not
 * @param lastSaid    when it was last announced, paged or repeated (for {@code repeat_every})
 * @param ackId       the acknowledgement last seen covering it, null when none; when that ack is gone
 *                    and the problem is still open, it is paged again
 */
public record OpenProblem(String host, String check, String state, String summary, Instant since, boolean announced,
                          List<Told> told, Instant pageDueAt, Instant pagedAt, List<Told> paged, Instant escalatedAt,
                          Instant lastSaid, String ackId) {
    public OpenProblem {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(state, "state");
        summary = summary == null ? "" : summary;
        told = told == null ? List.of() : List.copyOf(told);
        paged = paged == null ? List.of() : List.copyOf(paged);
    }

    /** A problem just seen, not yet announced. */
    static OpenProblem begin(String host, String check, String state, String summary, Instant since) {
        return new OpenProblem(host, check, state, summary, since, false, List.of(), null, null, List.of(), null, null,
                null);
    }

    /** {@code gw1} or {@code db1/disk}. */
    public String subject() {
        return check == null ? host : host + "/" + check;
    }

    /** {@code gw1 DOWN}: how the problem reads as a root cause. */
    public String label() {
        return subject() + " " + state;
    }
}
