package org.udjat.evaluate;

import java.time.Instant;
import java.util.function.Function;
import org.udjat.api.Status;
import org.udjat.config.StatePolicy;

/**
 * Feeds one result of a host or check to its state machine and its flap detector, giving the
 * new memory and what the step meant. Suppression is decided later, by whoever knows the
 * dependencies. Stateless and pure.
 */
final class Tracker {

    /**
     * The outcome of one result.
     *
     * @param detail         the new memory, not suppressed
     * @param kind           what the state machine did, or null when nothing changed
     * @param becameUnstable it became UNSTABLE with this result
     * @param becameStable   it stopped being UNSTABLE with this result
     */
    record Tracked(StateDetail detail, ChangeKind kind, boolean becameUnstable, boolean becameStable) {
    }

    private Tracker() {
    }

    /**
     * @param before the memory so far, null before the first result
     * @param result this cycle's result
     * @param names  how a status reads for this kind of subject ({@code DOWN} for a host's CRITICAL)
     */
    static Tracked track(StateDetail before, Status result, Function<Status, String> names, StatePolicy policy,
                         Instant now) {
        StateMachine.Position at = before == null ? StateMachine.Position.INITIAL
                : new StateMachine.Position(before.state(), before.type(), before.attempt(), before.hard());
        StateMachine.Step step = StateMachine.step(at, result, policy);
        boolean wasUnstable = before != null && before.unstable();
        String previous = before == null || before.lastResult() == null ? null : names.apply(before.lastResult());
        FlapDetector.Verdict verdict = before == null
                ? new FlapDetector.Verdict(java.util.List.of(), false)
                : FlapDetector.observe(before.flips(), previous, names.apply(result), wasUnstable, now, policy);
        StateMachine.Position next = step.next();
        String unstableFrom = !verdict.unstable() ? null
                : wasUnstable ? before.unstableFrom() : names.apply(before.state());
        StateDetail detail = new StateDetail(next.state(), next.type(), next.attempt(),
                StateMachine.needed(next.state(), policy), next.hard(), result, verdict.flips(), verdict.unstable(),
                unstableFrom, null);
        return new Tracked(detail, step.kind(), verdict.unstable() && !wasUnstable, wasUnstable && !verdict.unstable());
    }

    /** The memory a check or host had before the engine kept any: its status taken as HARD. */
    static StateDetail legacy(Status status, StatePolicy policy) {
        return new StateDetail(status, StateType.HARD, StateMachine.needed(status, policy),
                StateMachine.needed(status, policy), status, status, java.util.List.of(), false, null, null);
    }
}
