package org.udjat.evaluate;

import org.udjat.api.Status;
import org.udjat.config.StatePolicy;

/**
 * The hysteresis of one host or check, in both directions. A problem becomes HARD after
 * {@code attempts} consecutive problem results (which may differ in severity); a HARD problem
 * ends after {@code recover_attempts} consecutive OK results. A severity change within a HARD
 * problem is HARD at once. A SOFT move interrupted by a result equal to the HARD state falls back
 * to it. Stateless and pure.
 */
final class StateMachine {

    /**
     * Where the machine stands.
     *
     * @param state   the current state
     * @param type    SOFT or HARD
     * @param attempt consecutive results supporting {@code state}
     * @param hard    the latest HARD state
     */
    record Position(Status state, StateType type, int attempt, Status hard) {
        /** Before the first result: OK and confirmed, as if all was well. */
        static final Position INITIAL = new Position(Status.OK, StateType.HARD, 1, Status.OK);
    }

    /**
     * A step's outcome.
     *
     * @param next the new position
     * @param kind what the step means, or null when nothing changed
     */
    record Step(Position next, ChangeKind kind) {
    }

    private StateMachine() {
    }

    static Step step(Position at, Status result, StatePolicy policy) {
        boolean problem = result != Status.OK;
        int needed = problem ? policy.attempts() : policy.recoverAttempts();
        if (result == at.state()) {
            if (at.type() == StateType.HARD) {
                return new Step(at, null);
            }
            int n = at.attempt() + 1;
            return n >= needed
                    ? new Step(new Position(result, StateType.HARD, n, result), problem ? ChangeKind.PROBLEM : ChangeKind.RECOVERY)
                    : new Step(new Position(result, StateType.SOFT, n, at.hard()), null);
        }
        if (result == at.hard()) {
            return new Step(new Position(result, StateType.HARD, needed, result), ChangeKind.SOFT);
        }
        if (problem && at.hard() != Status.OK) {
            return new Step(new Position(result, StateType.HARD, needed, result), ChangeKind.PROBLEM);
        }
        // a new move away from the HARD state; problem results of any severity count together
        int n = problem && at.state() != Status.OK ? at.attempt() + 1 : 1;
        if (n >= needed) {
            return new Step(new Position(result, StateType.HARD, n, result), problem ? ChangeKind.PROBLEM : ChangeKind.RECOVERY);
        }
        return new Step(new Position(result, StateType.SOFT, n, at.hard()), ChangeKind.SOFT);
    }

    /** The number of results needed for HARD in the direction of {@code state}. */
    static int needed(Status state, StatePolicy policy) {
        return state == Status.OK ? policy.recoverAttempts() : policy.attempts();
    }
}
