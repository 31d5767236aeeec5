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
 * {@code memory}: used memory (total minus available) from /proc/meminfo. {@code warn}/{@code crit}
 * take a used percentage ({@code 90%}) or the memory still available as a size range
 * ({@code 512MiB:}); with neither the check is always OK and only graphs. Stateless.
 */
@Extension
public final class MemoryCheck implements Check {

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
        return switch (platform) {
            case LINUX, BUSYBOX -> Optional.of("cat /proc/meminfo");
            // BSD and macOS have no /proc/meminfo; their sysctl/vm_stat variants are not written yet
            case FREEBSD, OPENBSD, MACOS -> Optional.empty();
        };
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        UsageThresholds limits;
        try {
            limits = UsageThresholds.read(options);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown("MEMORY UNKNOWN - bad options: " + e.getMessage(), "");
        }
        Optional<MemInfo> read = MemInfo.parse(OutputLines.of(output));
        if (read.isEmpty()) {
            return CheckOutcome.unknown("MEMORY UNKNOWN - could not read MemTotal and MemAvailable from /proc/meminfo",
                    output.text());
        }
        MemInfo mem = read.get();
        Usage u = mem.usage();
        Status status = limits.evaluate(u);
        String summary = "MEMORY " + status + " - " + Quantity.PERCENT.format(u.usedPercent()) + " used ("
                + Quantity.SIZE.format(u.used()) + " of " + Quantity.SIZE.format(u.size()) + "), "
                + Quantity.SIZE.format(u.available()) + " available";
        String longOutput = mem.estimated() ? "MemAvailable is missing (kernel before 3.14): available memory estimated"
                + " as MemFree + Buffers + Cached" : "";
        List<PerfDatum> perf = List.of(
                new PerfDatum("used", u.used(), "B", limits.warnOnUsed(u), limits.critOnUsed(u), 0.0, u.size()),
                new PerfDatum("total", u.size(), "B", null, null, 0.0, null),
                new PerfDatum("used_pct", u.usedPercent(), "%", limits.warnOnPercent(u), limits.critOnPercent(u), 0.0, 100.0));
        return new CheckOutcome(status, summary, longOutput, perf);
    }
}
