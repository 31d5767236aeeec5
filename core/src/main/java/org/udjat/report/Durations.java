package org.udjat.report;

import java.time.Duration;

/** Durations as a person reads them on a report: {@code 45s}, {@code 12m}, {@code 2h 10m}, {@code 3d 4h}. */
public final class Durations {
    private Durations() {
    }

    /**
     * The two largest units of a duration, rounded down: seconds under two minutes, minutes under two
     * hours, hours and minutes under two days, then days and hours. Negative durations read as {@code 0s}.
     */
    public static String human(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        if (s < 172_800) {
            return two(s / 3600, "h", s % 3600 / 60, "m");
        }
        return two(s / 86_400, "d", s % 86_400 / 3600, "h");
    }

    private static String two(long big, String bigUnit, long small, String smallUnit) {
        return small == 0 ? big + bigUnit : big + bigUnit + " " + small + smallUnit;
    }
}
