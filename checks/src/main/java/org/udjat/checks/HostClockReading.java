package org.udjat.checks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's clock as {@code date} printed it in seconds since the epoch: {@code 1796084576.476682917}
 * from GNU {@code date +%s.%N}, or whole seconds from BSD and macOS {@code date +%s}. A BusyBox
 * built without FEATURE_DATE_NANO leaves {@code %N} alone ({@code 1796084576.%N} with glibc) or
 * stops at it ({@code 1796084576.} with musl); both are read as whole seconds.
 *
 * @param seconds    the time printed
 * @param resolution the step of the printed time: 1 for whole seconds, 1e-9 for nanoseconds.
 *                   date truncates, so the host's clock read between {@code seconds} and
 *                   {@code seconds + resolution}
 */
record HostClockReading(BigDecimal seconds, BigDecimal resolution) {
    private static final Pattern FRACTION = Pattern.compile("(-?\\d{1,12})\\.(\\d{1,9})");
    private static final Pattern WHOLE = Pattern.compile("(-?\\d{1,12})(?:\\.(?:%N|N)?)?");

    /** True when the host printed whole seconds only. */
    boolean wholeSeconds() {
        return resolution.compareTo(BigDecimal.ONE) == 0;
    }

    /** Reads the first non-blank line; empty when it is not a time in one of the forms above. */
    static Optional<HostClockReading> parse(List<String> lines) {
        Optional<String> first = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Matcher f = FRACTION.matcher(first.get());
        if (f.matches()) {
            // date prints the whole seconds rounded down and the fraction above them: -6.75 is -6 + 0.75
            return Optional.of(new HostClockReading(new BigDecimal(f.group(1)).add(new BigDecimal("0." + f.group(2))),
                    BigDecimal.ONE.movePointLeft(f.group(2).length())));
        }
        Matcher w = WHOLE.matcher(first.get());
        if (w.matches()) {
            return Optional.of(new HostClockReading(new BigDecimal(w.group(1)), BigDecimal.ONE));
        }
        return Optional.empty();
    }
}
