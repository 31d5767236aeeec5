package org.udjat.checks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;

/**
 * How long a host has been up, read from the raw output of the uptime command: a first line
 * that is /proc/uptime ({@code 385.43 513.15}, seconds up and idle), FreeBSD's and macOS's
 * {@code sysctl -n kern.boottime} ({@code { sec = 1700000000, usec = 123 } Tue Nov 14 ...}) or
 * OpenBSD's (seconds since the epoch), and a second line with the host's clock from
 * {@code date +%s}. Only the numbers are read, so the date sysctl appends in the host's
 * language does not matter.
 *
 * @param uptime   seconds since boot; negative when a BSD boot time lies after the host's clock
 * @param hostTime the host's clock in seconds since the epoch, empty when it could not be read
 */
record UptimeReading(double uptime, OptionalLong hostTime) {
    /** /proc/uptime: the first field always has two decimals, which tells it from OpenBSD's integer. */
    private static final Pattern PROC = Pattern.compile("(\\d{1,12}\\.\\d{1,9})\\s+\\d{1,15}(?:\\.\\d{1,9})?");
    private static final Pattern TIMEVAL = Pattern.compile(
            "(?:kern\\.boottime:\\s*)?\\{ sec = (-?\\d{1,18}), usec = (\\d{1,6}) \\}.*");
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,18}");

    /** When the host booted, by its own clock; empty without the host's time. */
    Optional<Instant> bootTime() {
        if (hostTime.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Math.round((hostTime.getAsLong() - uptime) * 1000)));
    }

    /**
     * Reads the output; empty when the first line is none of the known forms or a boot time
     * comes without the host's clock to subtract it from. The uptime is negative when the boot
     * time lies after the host's clock (a clock set back since boot).
     */
    static Optional<UptimeReading> parse(List<String> lines) {
        List<String> nonBlank = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (nonBlank.isEmpty() || nonBlank.get(0).length() > RawOutput.MAX_LINE) {
            return Optional.empty();
        }
        String first = nonBlank.get(0);
        OptionalLong now = nonBlank.size() > 1 && EPOCH.matcher(nonBlank.get(1)).matches()
                ? OptionalLong.of(Long.parseLong(nonBlank.get(1))) : OptionalLong.empty();
        Matcher proc = PROC.matcher(first);
        if (proc.matches()) {
            return Optional.of(new UptimeReading(Double.parseDouble(proc.group(1)), now));
        }
        double boot;
        Matcher timeval = TIMEVAL.matcher(first);
        if (timeval.matches()) {
            boot = Long.parseLong(timeval.group(1)) + Integer.parseInt(timeval.group(2)) / 1e6;
        } else if (EPOCH.matcher(first).matches()) {
            boot = Long.parseLong(first);
        } else {
            return Optional.empty();
        }
        if (now.isEmpty()) {
            return Optional.empty();
        }
        // the host's clock has whole seconds, so a boot within the last second may look up to a second ahead
        double up = now.getAsLong() - boot;
        return Optional.of(new UptimeReading(up > -1 ? Math.max(0, up) : up, now));
    }
}
