package org.udjat.poll;

/** What became of one check's command in a cycle. */
public enum RunState {
    /** the command ran to its end; its output and exit code are in the run */
    COMPLETED,
    /** the command exceeded its own timeout and was killed */
    TIMED_OUT,
    /** the command never ran: the host was unreachable, the exec failed or the cycle deadline passed first */
    NOT_RUN
}
