package org.udjat.checks;

import java.util.ArrayList;
import java.util.EnumSet;
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
 * {@code inodes}: inode use on mounted filesystems, from {@code df -P -i -T} (GNU, BusyBox),
 * {@code df -k -i -T} (FreeBSD), or {@code df -k -i} followed by the mount table (OpenBSD,
 * macOS). {@code warn}/{@code crit} take a used percentage ({@code 90%}) or the inodes still
 * free as a number range ({@code 10000:}); see {@link UsageThresholds}. The same mount and type
 * selection as {@code disk} ({@link FilesystemSelection}). Filesystems that report no inode
 * counts (btrfs, FAT, tmpfs without a limit) cannot run out of inodes; they are skipped and named
 * in the long output. Stateless.
 */
@Extension
public final class InodesCheck extends ThresholdCheck<UsageThresholds> {

    public InodesCheck() {
        super("inodes", UsageOptions.INODES);
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(switch (platform) {
            // -P keeps one line per filesystem; BusyBox 1.35 takes -i with -P and -T
            case LINUX, BUSYBOX -> "df -P -i -T";
            // FreeBSD's -P only sets the block size; -i adds iused, ifree and %iused after the space columns
            case FREEBSD -> "df -k -i -T";
            // OpenBSD rejects -i with -P, and neither it nor macOS prints types: the mount table gives them
            case OPENBSD, MACOS -> MountTable.after("df -k -i");
        });
    }

    @Override
    CheckOutcome parse(RawOutput output, UsageThresholds limits, Settings options) {
        DfTable df = DfTable.read(output.lines(), EnumSet.of(DfLayout.INODES, DfLayout.SPACE_AND_INODES));
        if (df.rows().isEmpty()) {
            return CheckOutcome.unknown("INODES UNKNOWN - could not read the output of df", output.text());
        }
        if (df.mountTableUnreadable()) {
            return CheckOutcome.unknown("INODES UNKNOWN - could not read the mount table after df's output", output.text());
        }
        List<InodeCount> all = df.rows().stream().map(InodeCount::of).toList();
        FilesystemSelection.Selected<InodeCount> selected = FilesystemSelection.read(options)
                .select(all, InodeCount::mount, InodeCount::type);
        if (selected.rows().isEmpty() && selected.missing().isEmpty()) {
            return CheckOutcome.unknown("INODES UNKNOWN - no filesystem left to check after the exclusions ("
                    + all.size() + " in df output)", output.text());
        }
        MountRows rows = new MountRows();
        List<PerfDatum> perf = new ArrayList<>();
        List<String> uncounted = new ArrayList<>();
        selected.missing().forEach(rows::missing);
        for (InodeCount fs : selected.rows()) {
            if (!fs.counted()) {
                uncounted.add(Text.printable(fs.mount()) + (fs.type().isEmpty() ? "" : " (" + fs.type() + ")"));
                continue;
            }
            Usage u = fs.usage();
            rows.add(limits.evaluate(u), u.usedPercent(), describe(fs));
            perf.add(new PerfDatum(fs.mount(), u.used(), Quantity.NUMBER.unit(), limits.warnOnUsed(u),
                    limits.critOnUsed(u), 0.0, u.size()));
        }
        if (!uncounted.isEmpty()) {
            rows.note("skipped, no inode counts: " + String.join(", ", uncounted));
        }
        df.otherLines().forEach(l -> rows.note("df: " + Text.printable(l)));
        DiskCheck.noteUntyped(rows, selected.untyped());
        if (rows.isEmpty()) {
            return rows.skipped(name(), "no filesystem with inode counts (" + uncounted.size() + " report none)");
        }
        return rows.outcome(name(), perf);
    }

    /** {@code / 2.5% used (16365945 free of 16777216 inodes)}. */
    private static String describe(InodeCount fs) {
        Usage u = fs.usage();
        return Text.printable(fs.mount()) + " " + Quantity.PERCENT.format(u.usedPercent()) + " used ("
                + Quantity.NUMBER.format(u.available()) + " free of " + Quantity.NUMBER.format(u.size()) + " inodes)";
    }
}
