package org.udjat.checks;

import java.util.List;

/**
 * One filesystem's inodes as df reports them.
 *
 * @param device what is mounted (may contain spaces)
 * @param type   the filesystem type; empty when unknown
 * @param used   inodes in use
 * @param free   inodes still free
 * @param mount  the mount point, possibly with spaces
 */
record InodeCount(String device, String type, long used, long free, String mount) {
    /**
     * FAT and exFAT have no inodes: what they report is the root directory's entry count (FAT12
     * and FAT16 on FreeBSD: a few hundred, none free) or a placeholder (exFAT on macOS: 1 used,
     * 0 free), so any threshold on it would raise false alarms.
     */
    static final List<String> NO_INODES_TYPES = List.of("exfat", "msdos", "msdosfs", "vfat");

    /** The counts of an {@link DfLayout#INODES} or {@link DfLayout#SPACE_AND_INODES} row. */
    static InodeCount of(DfRow row) {
        int usedColumn = row.layout() == DfLayout.INODES ? 1 : 3;
        return new InodeCount(row.device(), row.type(), Math.max(0, row.count(usedColumn)),
                Math.max(0, row.count(usedColumn + 1)), row.mount());
    }

    /**
     * True when the filesystem reports inode counts that mean something. btrfs, vfat and tmpfs
     * with {@code nr_inodes=0} report 0 (GNU df prints {@code 0 0 0 -}); BSD pseudo filesystems
     * and exFAT on macOS report 1 used and none free. Neither can run out of inodes.
     */
    boolean counted() {
        return (double) used + free > 1 && !NO_INODES_TYPES.contains(type);
    }

    /** Used and free inodes as a usage, for the thresholds; the percentage is used / (used + free), as df's. */
    Usage usage() {
        return new Usage(used, free, (double) used + free);
    }
}
