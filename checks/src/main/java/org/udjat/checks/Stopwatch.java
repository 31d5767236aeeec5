package org.udjat.checks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elapsed time measured on the monitored host with the best clock each platform has, read from
 * the raw output: two readings of GNU {@code date +%s%N} (nanoseconds), two of
 * {@code /proc/uptime} (hundredths of a second, read with the shell's {@code read} on BusyBox,
 * whose {@code date} usually lacks {@code %N}), or the {@code real} line of POSIX
 * {@code time -p} (hundredths on the BSDs and macOS).
 */
final class Stopwatch {
    private static final Pattern NANOS = Pattern.compile("[0-9]{10,19}");
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}[.,][0-9]{1,9}");
    /** {@code real 0.01} or, from some shells, {@code real 0m0.010s}; a decimal comma is taken too. */
    private static final Pattern REAL = Pattern.compile("real\\s+(?:([0-9]{1,9})m)?([0-9]{1,9}(?:[.,][0-9]{1,9})?)s?");

    private Stopwatch() {
    }

    /** Seconds between two clock readings as printed, or empty when they are not readings of one clock. */
    static Optional<Double> between(String start, String end) {
        if (NANOS.matcher(start).matches() && NANOS.matcher(end).matches()) {
            long a = Long.parseLong(start);
            long b = Long.parseLong(end);
            return b >= a ? Optional.of((b - a) / 1e9) : Optional.empty();
        }
        if (SECONDS.matcher(start).matches() && SECONDS.matcher(end).matches()) {
            BigDecimal a = new BigDecimal(start.replace(',', '.'));
            BigDecimal b = new BigDecimal(end.replace(',', '.'));
            return b.compareTo(a) >= 0 ? Optional.of(b.subtract(a).doubleValue()) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The seconds of the last {@code real} line of {@code time -p} among the lines, if any. */
    static Optional<Double> real(List<String> lines) {
        Optional<Double> found = Optional.empty();
        for (String line : lines) {
            Matcher m = REAL.matcher(line.strip());
            if (m.matches()) {
                double minutes = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
                found = Optional.of(minutes * 60 + Double.parseDouble(m.group(2).replace(',', '.')));
            }
        }
        return found;
    }

    /** True for the lines {@code time -p} adds, which are not the tool's own words. */
    static boolean isTimeLine(String line) {
        String s = line.strip();
        return REAL.matcher(s).matches() || s.matches("(user|sys)\\s+[0-9.,ms]+");
    }
}
