package org.udjat.cli;

/** The exit codes of every udjat command, as documented in the README. */
public final class ExitCode {
    /** Done; for {@code run}, a cycle completed (whatever the monitored hosts' states). */
    public static final int OK = 0;
    /** A software error: a bug, or the state directory could not be read or written. */
    public static final int SOFTWARE = 1;
    /** Bad usage or a bad configuration file; nothing was polled. */
    public static final int USAGE = 2;
    /** Another run holds the state directory's lock; this one touched nothing (sysexits EX_TEMPFAIL). */
    public static final int LOCKED = 75;

    private ExitCode() {
    }
}
