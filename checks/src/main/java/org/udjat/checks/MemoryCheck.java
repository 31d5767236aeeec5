package org.udjat.checks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pf4j.Extension;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;

/**
 * {@code memory}: used memory (total minus available) from /proc/meminfo on Linux and BusyBox, from
 * {@code sysctl} on FreeBSD, {@code sysctl} and {@code vmstat -s} on OpenBSD, and {@code sysctl} and
 * {@code vm_stat} on macOS; what counts as available on each is in {@link MemInfo} and
 * {@link BsdMemory}. {@code warn}/{@code crit} take a used percentage ({@code 90%}) or the memory
 * still available as a size range ({@code 512MiB:}); with neither the check is always OK and only
 * graphs. Stateless.
 */
@Extension
public final class MemoryCheck extends ThresholdCheck<UsageThresholds> {
    private static final String FREEBSD_COMMAND = "sysctl hw.physmem hw.pagesize vm.stats.vm.v_free_count"
            + " vm.stats.vm.v_inactive_count vm.stats.vm.v_cache_count kstat.zfs.misc.arcstats.size"
            + " kstat.zfs.misc.arcstats.c_min";

    public MemoryCheck() {
        super("memory", UsageOptions.MEMORY);
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
    CheckOutcome parse(RawOutput output, UsageThresholds limits, Settings options) {
        List<String> lines = output.lines();
        Optional<MemInfo> read = MemInfo.parse(lines);
        if (read.isEmpty()) {
            return CheckOutcome.unknown("MEMORY UNKNOWN - could not read " + MemInfo.expected(lines), output.text());
        }
        MemInfo mem = read.get();
        return outcome(name(), mem.usage(), "available", limits, mem.basis());
    }

    /**
     * A store of bytes as memory and swap report it: {@code MEMORY OK - 42% used (3.3 GiB of
     * 7.8 GiB), 4.5 GiB available}, and {@code used} and {@code total} in bytes and
     * {@code used_pct}, with the thresholds as ranges on used bytes and on the percentage.
     *
     * @param available what the summary calls the part still available: {@code available}, {@code free}
     */
    static CheckOutcome outcome(String checkName, Usage u, String available, UsageThresholds limits, String longOutput) {
        Status status = limits.evaluate(u);
        String summary = checkName.toUpperCase(Locale.ROOT) + " " + status + " - " + Quantity.PERCENT.format(u.usedPercent())
                + " used (" + Quantity.SIZE.format(u.used()) + " of " + Quantity.SIZE.format(u.size()) + "), "
                + Quantity.SIZE.format(u.available()) + " " + available;
        List<PerfDatum> perf = List.of(
                new PerfDatum("used", u.used(), "B", limits.warnOnUsed(u), limits.critOnUsed(u), 0.0, u.size()),
                new PerfDatum("total", u.size(), "B", null, null, 0.0, null),
                new PerfDatum("used_pct", u.usedPercent(), "%", limits.warnOnPercent(u), limits.critOnPercent(u), 0.0, 100.0));
        return new CheckOutcome(status, summary, longOutput, perf);
    }
}
