package org.udjat.report;

import java.util.Locale;
import java.util.Set;

/**
 * How the report reads the state names of hosts ({@code UP}, {@code DOWN}, {@code UNREACHABLE}) and
 * checks ({@code OK}, {@code WARNING}, {@code CRITICAL}, {@code UNKNOWN}), and {@code UNSTABLE}, as
 * they stand in the status file and the history.
 */
final class States {
    private static final Set<String> KNOWN = Set.of("OK", "WARNING", "CRITICAL", "UNKNOWN", "UP", "DOWN",
            "UNREACHABLE", "UNSTABLE");

    private States() {
    }

    /** Whether the state means all is well: {@code OK} or {@code UP}. */
    static boolean isOk(String state) {
        return "OK".equals(state) || "UP".equals(state);
    }

    /**
     * Rank for "worst first": 0 for CRITICAL, DOWN and UNREACHABLE, 1 for WARNING, 2 for UNKNOWN, 3 for
     * anything else (UNSTABLE, OK, UP).
     */
    static int severity(String state) {
        if (state == null) {
            return 3;
        }
        return switch (state) {
            case "CRITICAL", "DOWN", "UNREACHABLE" -> 0;
            case "WARNING" -> 1;
            case "UNKNOWN" -> 2;
            default -> 3;
        };
    }

    /** The CSS class of a state: its name in lower case, or {@code other} for a name udjat does not write. */
    static String css(String state) {
        return state != null && KNOWN.contains(state) ? state.toLowerCase(Locale.ROOT) : "other";
    }
}
