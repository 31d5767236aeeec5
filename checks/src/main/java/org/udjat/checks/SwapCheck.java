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
 * {@code swap}: swap space in use, from /proc/meminfo on Linux and BusyBox, {@code swapinfo -k} on
 * FreeBSD, {@code swapctl -s -k} on OpenBSD and {@code sysctl vm.swapusage} on macOS (see
 * {@link SwapInfo}). {@code warn}/{@code crit} take a used percentage ({@code 50%}) or the swap
 * still free as a size range ({@code 1GiB:}), as for {@code memory}. A host without swap is OK,
 * "no swap", whatever the thresholds: there is nothing to run out of. Stateless.
 */
@Extension
public final class SwapCheck implements Check {

    @Override
    public String name() {
        return "swap";
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
            case FREEBSD -> "swapinfo -k";
            // -s gives one summary line; -k counts in KiB rather than 512-byte blocks
            case OPENBSD -> "swapctl -s -k";
            case MACOS -> "sysctl vm.swapusage";
        });
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        UsageThresholds limits;
        try {
            limits = UsageThresholds.read(options);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown("SWAP UNKNOWN - bad options: " + e.getMessage(), "");
        }
        Optional<SwapInfo> read = SwapInfo.parse(output.lines());
        if (read.isEmpty()) {
            return CheckOutcome.unknown("SWAP UNKNOWN - could not read " + SwapInfo.expected(), output.text());
        }
        SwapInfo swap = read.get();
        Usage u = swap.usage();
        if (u.size() <= 0) {
            return new CheckOutcome(Status.OK, "SWAP OK - no swap", "", List.of(
                    new PerfDatum("used", 0, "B", null, null, 0.0, 0.0),
                    new PerfDatum("total", 0, "B", null, null, 0.0, null),
                    new PerfDatum("used_pct", 0, "%", null, null, 0.0, 100.0)));
        }
        Status status = limits.evaluate(u);
        String summary = "SWAP " + status + " - " + Quantity.PERCENT.format(u.usedPercent()) + " used ("
                + Quantity.SIZE.format(u.used()) + " of " + Quantity.SIZE.format(u.size()) + "), "
                + Quantity.SIZE.format(u.available()) + " free";
        List<PerfDatum> perf = List.of(
                new PerfDatum("used", u.used(), "B", limits.warnOnUsed(u), limits.critOnUsed(u), 0.0, u.size()),
                new PerfDatum("total", u.size(), "B", null, null, 0.0, null),
                new PerfDatum("used_pct", u.usedPercent(), "%", limits.warnOnPercent(u), limits.critOnPercent(u), 0.0, 100.0));
        return new CheckOutcome(status, summary, String.join("\n", swap.devices()), perf);
    }
}
