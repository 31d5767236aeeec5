package org.udjat.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;

/**
 * The kernel's system-wide table of open files: how many entries are in use and how many it can
 * hold. Read from {@code /proc/sys/fs/file-nr} on Linux (allocated, free, max; free has been
 * 0 since Linux 2.6, but is subtracted for older kernels) or from {@code sysctl} on BSD and macOS,
 * in either output form ({@code kern.openfiles: 143} or OpenBSD's {@code kern.nfiles=167}).
 *
 * @param used entries in use
 * @param max  the most the kernel allows ({@code fs.file-max} or {@code kern.maxfiles})
 */
record FileTable(long used, long max) {
    /** The sysctl names of the in-use count on FreeBSD, OpenBSD and macOS. */
    static final List<String> USED_NAMES = List.of("kern.openfiles", "kern.nfiles", "kern.num_files");
    static final String MAX_NAME = "kern.maxfiles";
    private static final Pattern FILE_NR = Pattern.compile("(\\d{1,19})\\s+(\\d{1,19})\\s+(\\d{1,19})");
    private static final Pattern SYSCTL = Pattern.compile("(kern\\.[a-z_]+)\\s*[:=]\\s*(\\d{1,19})");

    /** The used share in percent. */
    double usedPercent() {
        return used * 100.0 / max;
    }

    /** Reads file-nr or sysctl output; empty when no count and limit are found, or the limit is 0. */
    static Optional<FileTable> parse(List<String> lines) {
        Map<String, Long> sysctl = new HashMap<>();
        for (String line : lines) {
            String s = line.strip();
            if (s.length() > RawOutput.MAX_LINE) {
                continue;
            }
            try {
                Matcher m = FILE_NR.matcher(s);
                if (m.matches()) {
                    long max = Long.parseLong(m.group(3));
                    long used = Long.parseLong(m.group(1)) - Long.parseLong(m.group(2));
                    return max > 0 && used >= 0 ? Optional.of(new FileTable(used, max)) : Optional.empty();
                }
                m = SYSCTL.matcher(s);
                if (m.matches()) {
                    sysctl.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
                }
            } catch (NumberFormatException e) {
                // a number past Long.MAX_VALUE is not one of these counters; the line is skipped
            }
        }
        Long max = sysctl.get(MAX_NAME);
        Long used = USED_NAMES.stream().map(sysctl::get).filter(v -> v != null).findFirst().orElse(null);
        return max == null || used == null || max <= 0 ? Optional.empty() : Optional.of(new FileTable(used, max));
    }
}
