package org.udjat.dispatch.remedy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.udjat.api.Remediator;
import org.udjat.config.DurationParser;
import org.udjat.config.RemedySpec;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.StateType;

/**
 * The history lines of remediation: a {@link Change} of kind {@link ChangeKind#REMEDIATION} whose
 * {@code to} says what happened ({@code RESTARTED}, {@code FAILED}, {@code REFUSED}, {@code QUEUED},
 * {@code DENIED}, {@code DRY-RUN}, {@code FIXED}, {@code NOT FIXED}), whose {@code from} is the check's
 * state, and whose summary is the line people read. Stateless.
 */
public final class RemedyChanges {
    /** The action ran and the remediator judged it failed, or it threw, hung or could not run. */
    public static final String FAILED = "FAILED";
    /** Not done: the limit is reached, or the engine is blocked. */
    public static final String REFUSED = "REFUSED";
    /** An approval request was queued. */
    public static final String QUEUED = "QUEUED";
    /** A human denied a request. */
    public static final String DENIED = "DENIED";
    /** What would have been done, in dry-run mode. */
    public static final String DRY_RUN = "DRY-RUN";
    /** The check's first result after the action was OK. */
    public static final String FIXED = "FIXED";
    /** The check's first result after the action still failed. */
    public static final String NOT_FIXED = "NOT FIXED";

    private static final Set<String> PAGED = Set.of(FAILED, REFUSED);

    private RemedyChanges() {
    }

    /** Whether people on duty are paged about it: a refusal at the limit or a failed action, when a machine gave up. */
    public static boolean pages(Change c) {
        return c.kind() == ChangeKind.REMEDIATION && PAGED.contains(c.to());
    }

    static Change change(Instant at, String host, String check, String from, String to, String line) {
        return new Change(at, host, check, from, to, line, ChangeKind.REMEDIATION, StateType.HARD, 0, 0, false, null, 0,
                List.of(), null, List.of());
    }

    /** {@code restarted orders on node3 (2nd time in 20m): orders.service restarted}. */
    static String acted(Remediator.Verb verb, RemedySpec spec, String host, int nth, String summary, String approvedBy) {
        String line = verb.past() + " " + spec.target() + " on " + host
                + (nth > 1 ? " (" + ordinal(nth) + " time in " + DurationParser.format(spec.per()) + ")" : "")
                + (approvedBy == null ? "" : ", approved by " + approvedBy);
        return summary.isBlank() ? line : line + ": " + summary;
    }

    /** {@code could not restart orders on node3: exit 5: Unit orders.service not found}. */
    static String failed(Remediator.Verb verb, RemedySpec spec, String host, String why) {
        return "could not " + verb.base() + " " + spec.target() + " on " + host + ": " + why;
    }

    /** {@code limit reached: not restarting orders on node3, 5 actions in 20m — needs a human}. */
    static String limit(Remediator.Verb verb, RemedySpec spec, String host, int count) {
        return "limit reached: not " + verb.continuous() + " " + spec.target() + " on " + host + ", " + count
                + (count == 1 ? " action in " : " actions in ") + DurationParser.format(spec.per()) + " \u2014 needs a human";
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
