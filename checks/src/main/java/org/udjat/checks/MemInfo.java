package org.udjat.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;

/**
 * Total and available memory, read from whichever platform's output the memory command printed:
 * /proc/meminfo (Linux, BusyBox), {@code sysctl} (FreeBSD), {@code sysctl} and {@code vmstat -s}
 * (OpenBSD), {@code sysctl} and {@code vm_stat} (macOS). <em>Available</em> is what can be handed
 * to programs without swapping: free memory plus what the kernel can drop at once. On Linux that
 * is MemAvailable, or on kernels before 3.14, which lack it, MemFree + Buffers + Cached; the other
 * platforms are in {@link BsdMemory}.
 *
 * @param total     total memory in bytes
 * @param available available memory in bytes
 * @param basis     how available was worked out, for the long output; empty for Linux's own MemAvailable
 */
record MemInfo(double total, double available, String basis) {
    private static final Pattern FIELD = Pattern.compile("(\\w+):\\s+(\\d{1,15})\\s*kB");

    /** The usage of memory: used is total minus available. */
    Usage usage() {
        double used = Math.max(0, total - available);
        return new Usage(used, total - used, total);
    }

    /** Reads the output of the memory command of any platform; empty when a figure it needs is missing. */
    static Optional<MemInfo> parse(List<String> lines) {
        SysctlValues sysctl = SysctlValues.parse(lines);
        return switch (Source.of(lines, sysctl)) {
            case MACOS -> BsdMemory.macos(lines, sysctl);
            case OPENBSD -> BsdMemory.openbsd(lines, sysctl);
            case FREEBSD -> BsdMemory.freebsd(sysctl);
            case PROC_MEMINFO -> procMeminfo(lines);
        };
    }

    /** What the parser looked for in this output, for the UNKNOWN summary. */
    static String expected(List<String> lines) {
        return switch (Source.of(lines, SysctlValues.parse(lines))) {
            case MACOS -> "hw.memsize and the page counts of vm_stat";
            case OPENBSD -> "hw.physmem and the page counts of vmstat -s";
            case FREEBSD -> "hw.physmem, hw.pagesize and the page counts from sysctl";
            case PROC_MEMINFO -> "MemTotal and MemAvailable from /proc/meminfo";
        };
    }

    private static Optional<MemInfo> procMeminfo(List<String> lines) {
        Map<String, Long> kib = kib(lines);
        Long total = kib.get("MemTotal");
        if (total == null || total == 0) {
            return Optional.empty();
        }
        if (kib.containsKey("MemAvailable")) {
            return Optional.of(new MemInfo(total * 1024.0, kib.get("MemAvailable") * 1024.0, ""));
        }
        Long free = kib.get("MemFree");
        Long buffers = kib.get("Buffers");
        Long cached = kib.get("Cached");
        if (free == null || buffers == null || cached == null) {
            return Optional.empty();
        }
        return Optional.of(new MemInfo(total * 1024.0, (free + buffers + cached) * 1024.0,
                "MemAvailable is missing (kernel before 3.14): available memory estimated as MemFree + Buffers + Cached"));
    }

    /** The {@code Name: 123 kB} fields of /proc/meminfo in KiB; the first of a name wins. */
    static Map<String, Long> kib(List<String> lines) {
        Map<String, Long> kib = new HashMap<>();
        for (String line : lines) {
            Matcher m = line.length() <= RawOutput.MAX_LINE ? FIELD.matcher(line.strip()) : null;
            if (m != null && m.matches()) {
                kib.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return kib;
    }

    /** Whose output this is, told by names only that platform's commands print. */
    private enum Source {
        PROC_MEMINFO, FREEBSD, OPENBSD, MACOS;

        static Source of(List<String> lines, SysctlValues sysctl) {
            if (sysctl.text("hw.memsize").isPresent() || lines.stream().anyMatch(l -> l.startsWith("Mach Virtual Memory"))) {
                return MACOS;
            }
            if (lines.stream().anyMatch(l -> l.endsWith(" pages managed") || l.endsWith(" bytes per page")
                    || l.startsWith("hw.physmem="))) {
                return OPENBSD;
            }
            if (sysctl.text("hw.physmem").isPresent() || sysctl.hasPrefix("vm.stats.vm.")) {
                return FREEBSD;
            }
            return PROC_MEMINFO;
        }
    }
}
