package org.udjat.dispatch.remedy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The remediation engine's memory, {@code remediation.json}: the actions taken (the sliding windows
 * are counted over them, so they hold across cron runs), what was done about each open problem, the
 * approval requests, and whether automatic action is blocked because the file was found unreadable.
 * Immutable; the engine makes changed copies.
 *
 * @param sequence the last id given to an action or request
 * @param actions  actions run on hosts, oldest first, kept {@link RemedyEngine#KEEP}
 * @param problems what is remembered of each problem of a check with {@code remediate:}, by {@code host/check}
 * @param requests approval requests, oldest first, kept {@link RemedyEngine#KEEP} once decided
 * @param blocked  set when the file was unreadable: nothing is done automatically until a human resets it
 */
public record RemedyState(long sequence, List<Action> actions, Map<String, Memo> problems, List<Request> requests,
                          Blocked blocked) {
    /** No memory: a state directory where nothing was ever remedied. */
    public static final RemedyState EMPTY = new RemedyState(0, List.of(), Map.of(), List.of(), null);

    public RemedyState {
        actions = actions == null ? List.of() : List.copyOf(actions);
        problems = problems == null ? Map.of() : Map.copyOf(problems);
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /**
     * One action run on a host.
     *
     * @param id         its id
     * @param host       the host
     * @param check      the check whose problem it was for
     * @param target     the remediator's target
     * @param with       the remediator's type
     * @param at         when it ran
     * @param done       whether the remediator judged it done
     * @param summary    the remediator's one line about it, or why it failed
     * @param approvedBy who approved it, null when it was automatic
     * @param verdict    {@code FIXED} or {@code NOT FIXED} once verified, null before
     */
    public record Action(String id, String host, String check, String target, String with, Instant at, boolean done,
                         String summary, String approvedBy, String verdict) {
        Action withVerdict(String v) {
            return new Action(id, host, check, target, with, at, done, summary, approvedBy, v);
        }
    }

    /**
     * What is remembered of one problem.
     *
     * @param since   when the engine first saw it as a HARD problem
     * @param pending the id of the action awaiting verification, or null
     * @param said    what was recorded once for this problem (a refusal, a dry run, a request), so it is not
     *                repeated every cycle; null when nothing
     */
    public record Memo(Instant since, String pending, String said) {
    }

    /**
     * An approval request.
     *
     * @param id           what {@code udjat remediate approve ID} names
     * @param host         the host
     * @param check        the check
     * @param target       the remediator's target
     * @param with         the remediator's type
     * @param at           when it was queued
     * @param problemSince when the problem it is for began
     * @param status       {@code QUEUED}, {@code APPROVED} (waiting for the limit), {@code DONE}, {@code DENIED}
     *                     or {@code EXPIRED} (the problem ended first)
     * @param by           who approved or denied it, null while queued
     * @param decided      when it left the queue, null while queued
     */
    public record Request(String id, String host, String check, String target, String with, Instant at,
                          Instant problemSince, String status, String by, Instant decided) {
        Request decided(String newStatus, String who, Instant when) {
            return new Request(id, host, check, target, with, at, problemSince, newStatus, who, when);
        }

        /** Whether it still waits for a human or for the limit. */
        public boolean open() {
            return status.equals(QUEUED) || status.equals(APPROVED);
        }
    }

    /**
     * Automatic action is blocked.
     *
     * @param since  when the unreadable file was found
     * @param reason what was wrong and where the file was set aside
     */
    public record Blocked(Instant since, String reason) {
    }

    static final String QUEUED = "QUEUED";
    static final String APPROVED = "APPROVED";
    static final String DONE = "DONE";
    static final String DENIED = "DENIED";
    static final String EXPIRED = "EXPIRED";
}
