package org.udjat.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;

/**
 * Total and available memory on FreeBSD, OpenBSD and macOS, from page counts. Each platform's
 * <em>available</em> follows the idea of Linux's MemAvailable: free pages plus pages the kernel can
 * take back without writing anything to swap.
 *
 * <ul>
 * <li>FreeBSD: free + inactive + cache (the cache queue, gone since 11.1, then 0) + the ZFS ARC
 *     above its minimum size, since the ARC is file cache that shrinks under memory pressure,
 *     though the kernel counts it as wired. Laundry pages are not counted: they are dirty and must
 *     be written to swap first.</li>
 * <li>OpenBSD: free + inactive from {@code vmstat -s}. The buffer cache is not counted, as in top's
 *     "Real" memory.</li>
 * <li>macOS: free + file-backed + purgeable pages of {@code vm_stat}, i.e. free memory plus what
 *     Activity Monitor calls "Cached Files". vm_stat's "Pages free" excludes speculative pages,
 *     which are file-backed and counted there. Before OS X 10.9 vm_stat has no file-backed count,
 *     and free + speculative + inactive is used instead, marked as an estimate.</li>
 * </ul>
 */
final class BsdMemory {
    private static final Pattern VM_STAT = Pattern.compile("\"?([A-Za-z][\\w\\s-]*?)\"?:\\s+(\\d{1,18})\\.?");
    private static final Pattern PAGE_SIZE = Pattern.compile(".*\\(page size of (\\d{1,9}) bytes\\).*");
    private static final Pattern VMSTAT_S = Pattern.compile("(\\d{1,18})\\s+(\\S.*)");

    private BsdMemory() {
    }

    /** FreeBSD: {@code sysctl hw.physmem hw.pagesize vm.stats.vm.v_free_count ... kstat.zfs.misc.arcstats.c_min}. */
    static Optional<MemInfo> freebsd(SysctlValues sysctl) {
        OptionalLong total = sysctl.count("hw.physmem");
        OptionalLong page = sysctl.count("hw.pagesize");
        OptionalLong free = sysctl.count("vm.stats.vm.v_free_count");
        OptionalLong inactive = sysctl.count("vm.stats.vm.v_inactive_count");
        if (total.isEmpty() || total.getAsLong() == 0 || page.isEmpty() || free.isEmpty() || inactive.isEmpty()) {
            return Optional.empty();
        }
        double p = page.getAsLong();
        double cache = sysctl.count("vm.stats.vm.v_cache_count").orElse(0) * p;
        StringBuilder basis = new StringBuilder("available = free ").append(size(free.getAsLong() * p))
                .append(" + inactive ").append(size(inactive.getAsLong() * p));
        if (cache > 0) {
            basis.append(" + cache ").append(size(cache));
        }
        double arc = 0;
        OptionalLong arcSize = sysctl.count("kstat.zfs.misc.arcstats.size");
        if (arcSize.isPresent()) {
            arc = Math.max(0, arcSize.getAsLong() - sysctl.count("kstat.zfs.misc.arcstats.c_min").orElse(0));
            basis.append(" + ZFS ARC above its minimum ").append(size(arc)).append(" (ARC ")
                    .append(size(arcSize.getAsLong())).append(")");
        }
        double available = (free.getAsLong() + inactive.getAsLong()) * p + cache + arc;
        return Optional.of(new MemInfo(total.getAsLong(), available, basis.toString()));
    }

    /** OpenBSD: {@code sysctl hw.physmem; vmstat -s}. Without hw.physmem, the pages managed are the total. */
    static Optional<MemInfo> openbsd(List<String> lines, SysctlValues sysctl) {
        Map<String, Long> sum = new HashMap<>();
        for (String line : lines) {
            Matcher m = line.length() <= RawOutput.MAX_LINE ? VMSTAT_S.matcher(line.strip()) : null;
            if (m != null && m.matches()) {
                sum.putIfAbsent(m.group(2), Long.parseLong(m.group(1)));
            }
        }
        Long page = sum.get("bytes per page");
        Long free = sum.get("pages free");
        Long inactive = sum.get("pages inactive");
        if (page == null || free == null || inactive == null) {
            return Optional.empty();
        }
        OptionalLong physmem = sysctl.count("hw.physmem");
        Long managed = sum.get("pages managed");
        double total = physmem.isPresent() ? physmem.getAsLong() : managed == null ? 0 : managed * (double) page;
        if (total <= 0) {
            return Optional.empty();
        }
        String basis = "available = free " + size(free * (double) page) + " + inactive " + size(inactive * (double) page)
                + (physmem.isPresent() ? "" : "; total is the pages managed, hw.physmem is missing");
        return Optional.of(new MemInfo(total, (free + inactive) * (double) page, basis));
    }

    /** macOS: {@code sysctl hw.memsize hw.pagesize; vm_stat}. */
    static Optional<MemInfo> macos(List<String> lines, SysctlValues sysctl) {
        OptionalLong total = sysctl.count("hw.memsize");
        Map<String, Long> pages = new HashMap<>();
        long pageSize = sysctl.count("hw.pagesize").orElse(0);
        for (String line : lines) {
            if (line.length() > RawOutput.MAX_LINE) {
                continue;
            }
            Matcher header = PAGE_SIZE.matcher(line);
            Matcher m = VM_STAT.matcher(line.strip());
            if (header.matches()) {
                pageSize = Long.parseLong(header.group(1)); // the unit vm_stat's counts are in
            } else if (m.matches()) {
                pages.putIfAbsent(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        Long free = pages.get("Pages free");
        if (total.isEmpty() || total.getAsLong() == 0 || pageSize == 0 || free == null) {
            return Optional.empty();
        }
        double p = pageSize;
        long purgeable = pages.getOrDefault("Pages purgeable", 0L);
        Long fileBacked = pages.get("File-backed pages");
        if (fileBacked != null) {
            return Optional.of(new MemInfo(total.getAsLong(), (free + fileBacked + purgeable) * p,
                    "available = free " + size(free * p) + " + file-backed " + size(fileBacked * p) + " + purgeable "
                            + size(purgeable * p)));
        }
        Long inactive = pages.get("Pages inactive");
        if (inactive == null) {
            return Optional.empty();
        }
        long speculative = pages.getOrDefault("Pages speculative", 0L);
        return Optional.of(new MemInfo(total.getAsLong(), (free + speculative + inactive) * p,
                "vm_stat has no \"File-backed pages\" (OS X before 10.9): available estimated as free "
                        + size(free * p) + " + speculative " + size(speculative * p) + " + inactive " + size(inactive * p)));
    }

    private static String size(double bytes) {
        return Quantity.SIZE.format(bytes);
    }
}
