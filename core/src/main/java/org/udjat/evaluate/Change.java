package org.udjat.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One change of a host's or check's state: a line of {@code history.jsonl}, and what the dispatch
 * stage acts on. Suppression is data, not silence: a suppressed change is recorded like any other,
 * with the root cause in {@code suppressedBy}, and {@link #notifiable()} is false.
 *
 * @param time             when the change was observed
 * @param host             the host's name
 * @param check            the check's name, or null for a change of the host itself
 * @param from             the previous state ({@code OK}, {@code CRITICAL}, {@code UP}, {@code UNREACHABLE},
 *                         {@code UNSTABLE}...), or null when first seen
 * @param to               the new state ({@code UNSTABLE} when it became unstable)
 * @param summary          the output or reason that goes with the new state
 * @param kind             what the change means; null in history lines written before it existed
 * @param type             SOFT or HARD, of the new state
 * @param attempt          consecutive results behind the new state
 * @param attempts         results needed for HARD in that direction
 * @param unstable         whether the host or check is UNSTABLE after this change
 * @param suppressedBy     the root causes when the change is not for notification ({@code gw1 DOWN}), else null
 * @param suppressedCount  for a change of a root cause: how many dependents it suppresses now
 * @param rechecks         parents or dependencies polled again before this change was decided
 * @param previousDuration how long the previous state lasted, null when unknown
 * @param recent           for a change to UNSTABLE: the recent flips that caused it, oldest first
 */
public record Change(
        Instant time,
        String host,
        String check,
        String from,
        String to,
        String summary,
        ChangeKind kind,
        StateType type,
        int attempt,
        int attempts,
        boolean unstable,
        String suppressedBy,
        int suppressedCount,
        List<Recheck> rechecks,
        Duration previousDuration,
        List<Flip> recent) {

    public Change {
        summary = summary == null ? "" : summary;
        rechecks = rechecks == null ? List.of() : List.copyOf(rechecks);
        recent = recent == null ? List.of() : List.copyOf(recent);
    }

    /** A bare change, as history lines written before the state engine held them. */
    public Change(Instant time, String host, String check, String from, String to, String summary) {
        this(time, host, check, from, to, summary, null, null, 0, 0, false, null, 0, List.of(), null, List.of());
    }

    /**
     * Whether people should hear of it: a HARD problem or recovery, an UNSTABLE verdict, or what the
     * remediation engine did; not suppressed.
     */
    public boolean notifiable() {
        return suppressedBy == null && kind != null && switch (kind) {
            case PROBLEM, RECOVERY, UNSTABLE, STABLE, REMEDIATION -> true;
            case NEW, SOFT, SUPPRESSION -> false;
        };
    }

    /** Whether it says what state the host or check went to; false for a remediation line. */
    public boolean ofState() {
        return kind != ChangeKind.REMEDIATION;
    }

    /** {@code gw1} or {@code db1/postgres}. */
    public String subject() {
        return check == null ? host : host + "/" + check;
    }
}
