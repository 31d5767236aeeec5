package org.udjat.report;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How one host or check spent a window of time, as its history tells: every instant of the window
 * is in exactly one of {@code ok}, {@code problem}, {@code unknown} and {@code noData}.
 *
 * <p>Availability is OK time over the time with data: UNKNOWN time counts against it (udjat could
 * not confirm that the thing worked), time before the first record or after the last cycle counts
 * neither way. {@code suppressed} is the part of the problem and UNKNOWN time during which the
 * problem was blamed on something else (a parent down, a dependency failing): it still counts as
 * not available, and is shown so the reader knows whom to blame.
 *
 * @param window     the length of the window
 * @param ok         time in OK or UP
 * @param problem    time in WARNING, CRITICAL, DOWN, UNREACHABLE or UNSTABLE
 * @param unknown    time in UNKNOWN
 * @param suppressed part of {@code problem} and {@code unknown} that was suppressed
 * @param noData     time nothing was known
 */
public record Availability(Duration window, Duration ok, Duration problem, Duration unknown, Duration suppressed,
                           Duration noData) {

    /** Time with data: {@code ok + problem + unknown}. */
    public Duration known() {
        return ok.plus(problem).plus(unknown);
    }

    /** OK time over known time, from 0 to 1; empty when nothing is known. */
    public OptionalDouble fraction() {
        long known = known().toMillis();
        return known == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) ok.toMillis() / known);
    }

    /**
     * The fraction in percent with two decimals, rounded down so that any time not OK never shows as
     * {@code 100%}: {@code 99.99%}; {@code —} when nothing is known.
     */
    public String percent() {
        long known = known().toMillis();
        if (known == 0) {
            return "\u2014";
        }
        long hundredths = Math.multiplyExact(ok.toMillis(), 10_000L) / known;
        long cents = hundredths % 100;
        return hundredths / 100 + (cents < 10 ? ".0" : ".") + cents + "%";
    }
}
