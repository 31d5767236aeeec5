package org.udjat.evaluate;

/** Whether a state is confirmed: SOFT until enough consecutive results agree, HARD after. */
public enum StateType {
    /** seen, not yet confirmed by {@code attempts} (or {@code recover_attempts}) results in a row */
    SOFT,
    /** confirmed; notifications are about HARD states only */
    HARD
}
