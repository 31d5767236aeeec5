package org.udjat.checks;

/**
 * A span of time written for people at 3 am: the two largest units that matter, {@code 3 d 4 h},
 * {@code 4 h 12 min}, {@code 12 min 5 s}, {@code 45 s}. Days are the largest unit, so an uptime
 * of years reads {@code 1462 d 5 h} rather than a year count that would have to guess leap days.
 */
final class Elapsed {
    private static final long[] SECONDS = {86_400, 3_600, 60, 1};
    private static final String[] UNITS = {"d", "h", "min", "s"};

    private Elapsed() {
    }

    /** The span in whole seconds (fractions dropped), at most two units; a second unit of zero is left out. */
    static String of(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return String.valueOf(seconds);
        }
        long rest = (long) Math.floor(Math.abs(seconds));
        String sign = seconds <= -1 ? "-" : "";
        for (int i = 0; i < SECONDS.length; i++) {
            if (rest >= SECONDS[i] || i == SECONDS.length - 1) {
                long big = rest / SECONDS[i];
                String text = sign + big + " " + UNITS[i];
                if (i + 1 < SECONDS.length) {
                    long small = rest % SECONDS[i] / SECONDS[i + 1];
                    if (small > 0) {
                        text += " " + small + " " + UNITS[i + 1];
                    }
                }
                return text;
            }
        }
        throw new AssertionError("unreachable");
    }
}
