package org.udjat.checks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.api.Thresholds;

/**
 * {@code memory}: used memory (total minus available) from /proc/meminfo on Linux and BusyBox, from
 * {@code sysctl} on FreeBSD, {@code sysctl} and {@code vmstat -s} on OpenBSD, and {@code sysctl} and
 * {@code vm_stat} on macOS; what counts as available on each is in {@link MemInfo} and
 * {@link BsdMemory}. {@code warn}/{@code crit} take a used percentage ({@code 90%}) or the memory
 * still available as a size range ({@code 512MiB:}); with neither the check is always OK and only
 * graphs. Stateless.
 */
@Extension
public final class MemoryCheck implements Check {
    private static final String FREEBSD_COMMAND = "sysctl hw.physmem hw.pagesize vm.stats.vm.v_free_count"
            + " vm.stats.vm.v_inactive_count vm.stats.vm.v_cache_count kstat.zfs.misc.arcstats.size"
            + " kstat.zfs.misc.arcstats.c_min";

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(Thresholds.WARN, Thresholds.CRIT);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        return UsageThresholds.validate(options);
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(switch (platform) {
            case LINUX, BUSYBOX -> "cat /proc/meminfo";
            // with names rather than -n, so an OID a release lacks (v_cache_count, the ZFS ones) leaves a gap, not a shift
            case FREEBSD -> FREEBSD_COMMAND;
            case OPENBSD -> "sysctl hw.physmem; vmstat -s";
            // vm_stat's header gives the page size its counts are in; hw.pagesize is the fallback
            case MACOS -> "sysctl hw.memsize hw.pagesize; vm_stat";
        });
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        UsageThresholds limits;
        try {
            limits = UsageThresholds.read(options);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown("MEMORY UNKNOWN - bad options: " + e.getMessage(), "");
        }
        List<String> lines = output.lines();
        Optional<MemInfo> read = MemInfo.parse(lines);
        if (read.isEmpty()) {
            return CheckOutcome.unknown("MEMORY UNKNOWN - could not read " + MemInfo.expected(lines), output.text());
        }
        MemInfo mem = read.get();
        Usage u = mem.usage();
        Status status = limits.evaluate(u);
        String summary = "MEMORY " + status + " - " + Quantity.PERCENT.format(u.usedPercent()) + " used ("
                + Quantity.SIZE.format(u.used()) + " of " + Quantity.SIZE.format(u.size()) + "), "
                + Quantity.SIZE.format(u.available()) + " available";
        List<PerfDatum> perf = List.of(
                new PerfDatum("used", u.used(), "B", limits.warnOnUsed(u), limits.critOnUsed(u), 0.0, u.size()),
                new PerfDatum("total", u.size(), "B", null, null, 0.0, null),
                new PerfDatum("used_pct", u.usedPercent(), "%", limits.warnOnPercent(u), limits.critOnPercent(u), 0.0, 100.0));
        return new CheckOutcome(status, summary, mem.basis(), perf);
    }
}
