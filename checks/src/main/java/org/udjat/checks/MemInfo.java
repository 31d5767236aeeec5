package org.udjat.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Total and available memory read from /proc/meminfo. Available is MemAvailable, or on
 * kernels before 3.14, which lack it, MemFree + Buffers + Cached.
 *
 * @param total     MemTotal in bytes
 * @param available available memory in bytes
 * @param estimated true when MemAvailable was missing and the older estimate was used
 */
record MemInfo(double total, double available, boolean estimated) {
    private static final Pattern FIELD = Pattern.compile("(\\w+):\\s+(\\d{1,15})\\s*kB");

    /** The usage of memory: used is total minus available. */
    Usage usage() {
        double used = Math.max(0, total - available);
        return new Usage(used, total - used, total);
    }

    /** Reads the lines of /proc/meminfo; empty when MemTotal or the available memory is missing. */
    static Optional<MemInfo> parse(List<String> lines) {
        Map<String, Long> kib = new HashMap<>();
        for (String line : lines) {
            Matcher m = line.length() <= OutputLines.MAX_LINE ? FIELD.matcher(line.strip()) : null;
            if (m != null && m.matches()) {
                kib.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        Long total = kib.get("MemTotal");
        if (total == null || total == 0) {
            return Optional.empty();
        }
        if (kib.containsKey("MemAvailable")) {
            return Optional.of(new MemInfo(total * 1024.0, kib.get("MemAvailable") * 1024.0, false));
        }
        Long free = kib.get("MemFree");
        Long buffers = kib.get("Buffers");
        Long cached = kib.get("Cached");
        if (free == null || buffers == null || cached == null) {
            return Optional.empty();
        }
        return Optional.of(new MemInfo(total * 1024.0, (free + buffers + cached) * 1024.0, true));
    }
}
