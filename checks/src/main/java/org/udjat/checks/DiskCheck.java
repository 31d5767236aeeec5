package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Text;

/**
 * {@code disk}: space on mounted filesystems from {@code df -P -k -T}, or where df has no type
 * column (OpenBSD, macOS) from {@code df -P -k} followed by the mount table, joined by mount
 * point (see {@link DfTable}). {@code warn}/{@code crit} take a used percentage ({@code 90%}) or
 * the space still available as a size range ({@code 2GiB:}); see {@link UsageThresholds}. The
 * status is the worst over the selected filesystems ({@link FilesystemSelection}); a mount listed
 * in {@code mounts} that df does not show is CRITICAL. Stateless.
 */
@Extension
public final class DiskCheck extends ThresholdCheck<UsageThresholds> {

    public DiskCheck() {
        super("disk", UsageOptions.DISK);
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(switch (platform) {
            // GNU, BusyBox and FreeBSD df print the type column with -T; -P keeps one line per filesystem
            case LINUX, BUSYBOX, FREEBSD -> "df -P -k -T";
            // OpenBSD and macOS df have no type column: the mount table gives the types
            case OPENBSD, MACOS -> MountTable.after("df -P -k");
        });
    }

    @Override
    CheckOutcome parse(RawOutput output, UsageThresholds limits, Settings options) {
        DfReport df = DfReport.parse(output.lines());
        if (df.filesystems().isEmpty()) {
            return CheckOutcome.unknown("DISK UNKNOWN - could not read the output of df", output.text());
        }
        if (df.table().mountTableUnreadable()) {
            return CheckOutcome.unknown("DISK UNKNOWN - could not read the mount table after df's output", output.text());
        }
        FilesystemSelection.Selected<Filesystem> selected = FilesystemSelection.read(options)
                .select(df.filesystems(), Filesystem::mount, Filesystem::type);
        if (selected.rows().isEmpty() && selected.missing().isEmpty()) {
            return CheckOutcome.unknown("DISK UNKNOWN - no filesystem left to check after the exclusions ("
                    + df.filesystems().size() + " in df output)", output.text());
        }
        MountRows rows = new MountRows();
        List<PerfDatum> perf = new ArrayList<>();
        selected.missing().forEach(rows::missing);
        for (Filesystem fs : selected.rows()) {
            Usage u = fs.usage();
            rows.add(limits.evaluate(u), u.usedPercent(), describe(fs));
            perf.add(new PerfDatum(fs.mount(), u.used(), Quantity.SIZE.unit(), limits.warnOnUsed(u), limits.critOnUsed(u),
                    0.0, u.size()));
        }
        df.otherLines().forEach(l -> rows.note("df: " + Text.printable(l)));
        noteUntyped(rows, selected.untyped());
        return rows.outcome(name(), perf);
    }

    /** Says which filesystems were left out only because the mount table did not give their type. */
    static void noteUntyped(MountRows rows, List<String> untyped) {
        if (!untyped.isEmpty()) {
            rows.note("not in the mount table, so of unknown type and left out: "
                    + String.join(", ", untyped.stream().map(Text::printable).toList()));
        }
    }

    /** {@code / 95% used (1.2 GiB free of 20 GiB)}. */
    private static String describe(Filesystem fs) {
        Usage u = fs.usage();
        return Text.printable(fs.mount()) + " " + Quantity.PERCENT.format(u.usedPercent())
                + " used (" + Quantity.SIZE.format(u.available()) + " free of " + Quantity.SIZE.format(u.size()) + ")";
    }
}
