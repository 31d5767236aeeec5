package org.udjat.checks;

/**
 * One filesystem's space as df reports it, in 1024-byte blocks.
 *
 * @param device    what is mounted (may contain spaces, e.g. {@code map auto_home})
 * @param type      the filesystem type, e.g. {@code ext4}; empty when unknown
 * @param blocks    size in KiB
 * @param used      used KiB
 * @param available KiB available to ordinary users; negative on BSD when root dug into its reserve
 * @param mount     the mount point, possibly with spaces
 */
record Filesystem(String device, String type, long blocks, long used, long available, String mount) {

    /** The filesystem of a {@link DfLayout#SPACE} row. */
    static Filesystem of(DfRow row) {
        return new Filesystem(row.device(), row.type(), row.count(0), row.count(1), row.count(2), row.mount());
    }

    /** The usage in bytes. */
    Usage usage() {
        return new Usage(used * 1024.0, Math.max(0, available) * 1024.0, blocks * 1024.0);
    }
}
