package org.udjat.checks;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 1, 5 and 15 minute load averages and the number of CPUs, as read from the raw output of
 * the load command: a first line with the three averages (the start of /proc/loadavg, or
 * sysctl's {@code { 0.52 0.40 0.31 }}) and a second line with the CPU count.
 *
 * @param load1  the 1-minute load average
 * @param load5  the 5-minute load average
 * @param load15 the 15-minute load average
 * @param cpus   the number of CPUs, 0 when it could not be read
 */
record LoadAverage(double load1, double load5, double load15, int cpus) {
    private static final Pattern LOAD = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");
    private static final Pattern COUNT = Pattern.compile("[1-9]\\d{0,5}");

    /** The three averages in order. */
    List<Double> values() {
        return List.of(load1, load5, load15);
    }

    /** Reads the output; empty when the first non-blank line does not start with three load averages. */
    static Optional<LoadAverage> parse(List<String> lines) {
        List<String> nonBlank = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (nonBlank.isEmpty()) {
            return Optional.empty();
        }
        String[] f = nonBlank.get(0).replace("{", " ").replace("}", " ").strip().split("\\s+");
        if (f.length < 3 || !LOAD.matcher(f[0]).matches() || !LOAD.matcher(f[1]).matches()
                || !LOAD.matcher(f[2]).matches()) {
            return Optional.empty();
        }
        int cpus = nonBlank.size() > 1 && COUNT.matcher(nonBlank.get(1)).matches() ? Integer.parseInt(nonBlank.get(1)) : 0;
        return Optional.of(new LoadAverage(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), cpus));
    }
}
