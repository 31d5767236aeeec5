package org.udjat.evaluate;

/** What a change means for the people and remediators downstream. */
public enum ChangeKind {
    /** first time this host or check is seen */
    NEW,
    /** a move that is not (yet) confirmed, or one back to the confirmed state: recorded, never notified */
    SOFT,
    /** a HARD problem began, changed severity, or stopped being suppressed while still there */
    PROBLEM,
    /** a HARD problem ended */
    RECOVERY,
    /** it changes too often: one change instead of one per flap */
    UNSTABLE,
    /** it stopped changing too often; the change carries the state it settled in */
    STABLE,
    /** only the suppression changed (a dependency went down or came back); the state did not */
    SUPPRESSION,
    /**
     * not a change of state: what the remediation engine did about a problem (an action, its verification,
     * a refusal at the limit, an approval request); {@code to} says which, e.g. {@code RESTARTED}
     */
    REMEDIATION
}
