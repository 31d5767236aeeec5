package org.udjat.checks;

import java.util.EnumSet;
import java.util.List;

/**
 * The output of the disk check's command read into filesystems: {@code df -P -k -T} where df
 * prints types, or {@code df -P -k} followed by the mount table where it cannot (see
 * {@link DfTable}). POSIX format keeps one line per filesystem however long the device name is.
 *
 * @param filesystems the filesystems in the order df listed them
 * @param otherLines  lines that are neither the header nor a filesystem, e.g. {@code df: /mnt/nfs: Stale file handle}
 * @param table       the rows as read, with the mount table when there was one
 */
record DfReport(List<Filesystem> filesystems, List<String> otherLines, DfTable table) {
    DfReport {
        filesystems = List.copyOf(filesystems);
        otherLines = List.copyOf(otherLines);
    }

    /** Reads the lines of the command's output; never throws. */
    static DfReport parse(List<String> lines) {
        DfTable table = DfTable.read(lines, EnumSet.of(DfLayout.SPACE));
        return new DfReport(table.rows().stream().map(Filesystem::of).toList(), table.otherLines(), table);
    }
}
