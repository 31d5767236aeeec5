package org.udjat.checks;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.Range;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * {@code fds}: the system-wide file table ({@link FileTable}). When it is full, every process
 * that opens a file or socket fails with ENFILE, whoever holds the descriptors. {@code warn}
 * and {@code crit} take a used percentage of the limit ({@code 80%}) or a count of descriptors
 * in use ({@code 50000}, which alerts above 50000); the defaults are {@code 80%} and {@code 90%}.
 * Stateless.
 */
@Extension
public final class FdCheck extends ThresholdCheck<Thresholds> {
    static final String DEFAULT_WARN = "80%";
    static final String DEFAULT_CRIT = "90%";

    public FdCheck() {
        super("fds", WarnCrit.withDefaults(EnumSet.of(Quantity.PERCENT, Quantity.NUMBER), DEFAULT_WARN, DEFAULT_CRIT));
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(switch (platform) {
            case LINUX, BUSYBOX -> "cat /proc/sys/fs/file-nr";
            case FREEBSD -> "sysctl kern.openfiles kern.maxfiles";
            case OPENBSD -> "sysctl kern.nfiles kern.maxfiles";
            case MACOS -> "sysctl kern.num_files kern.maxfiles";
        });
    }

    @Override
    CheckOutcome parse(RawOutput output, Thresholds limits, Settings options) {
        Optional<FileTable> read = FileTable.parse(output.lines());
        if (read.isEmpty()) {
            return CheckOutcome.unknown("FDS UNKNOWN - could not read the open file count and limit", output.text());
        }
        FileTable files = read.get();
        Status status = limits.evaluate(q -> q == Quantity.PERCENT ? files.usedPercent() : files.used());
        String summary = "FDS " + status + " - " + files.used() + " of " + files.max() + " file descriptors in use ("
                + Quantity.PERCENT.format(files.usedPercent()) + ")";
        PerfDatum used = new PerfDatum("used", files.used(), "", onCount(limits.warn(), files), onCount(limits.crit(), files),
                0.0, (double) files.max());
        return new CheckOutcome(status, summary, "", List.of(used));
    }

    /** A threshold as a range on the count in use, for perfdata. */
    private static Range onCount(Threshold t, FileTable files) {
        return t.quantity() == Quantity.PERCENT ? t.mapped(files.max() / 100.0, 0) : t.range();
    }
}
