package org.udjat.api;

/** The result of one check, in Nagios plugin terms; ordered from best to worst severity. */
public enum Status {
    OK, WARNING, CRITICAL, UNKNOWN;

    /** Maps a Nagios plugin exit code: 0 OK, 1 WARNING, 2 CRITICAL, anything else UNKNOWN. */
    public static Status fromExitCode(int code) {
        return switch (code) {
            case 0 -> OK;
            case 1 -> WARNING;
            case 2 -> CRITICAL;
            default -> UNKNOWN;
        };
    }

    /** The Nagios exit code of this status. */
    public int exitCode() {
        return ordinal();
    }
}
