package org.udjat.checks;

import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;

/**
 * {@code swap}: swap space in use, from /proc/meminfo on Linux and BusyBox, {@code swapinfo -k} on
 * FreeBSD, {@code swapctl -s -k} on OpenBSD and {@code sysctl vm.swapusage} on macOS (see
 * {@link SwapInfo}). {@code warn}/{@code crit} take a used percentage ({@code 50%}) or the swap
 * still free as a size range ({@code 1GiB:}), as for {@code memory}. A host without swap is OK,
 * "no swap", whatever the thresholds: there is nothing to run out of. Stateless.
 */
@Extension
public final class SwapCheck extends ThresholdCheck<UsageThresholds> {

    public SwapCheck() {
        super("swap", UsageOptions.MEMORY);
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
    CheckOutcome parse(RawOutput output, UsageThresholds limits, Settings options) {
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
        return MemoryCheck.outcome(name(), u, "free", limits, String.join("\n", swap.devices()));
    }
}
