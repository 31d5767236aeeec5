package org.udjat.checks;

import java.util.regex.Pattern;

/**
 * The column layouts of df output that the storage checks read. A line is the device (which may
 * contain spaces, e.g. {@code map auto_home}), the type when df prints one ({@code -T}), the
 * numeric columns of the layout, and the mount point as the rest of the line, so it may contain
 * spaces too. Reading the numbers from a fixed pattern rather than counting words from the left
 * is what keeps spaces on either side harmless.
 *
 * <p>A line must start with the device: a line df wrapped because the device name was long
 * (GNU df without {@code -P}) starts with blanks and matches no layout, so its numbers are
 * never credited to the wrong filesystem.
 */
enum DfLayout {
    /** Size, used and available 1024-byte blocks and the capacity ({@code df -P -k}). Available is negative on BSD when root dug into its reserve. */
    SPACE("NNSP"),
    /** Total, used and free inodes and their percentage (GNU and BusyBox {@code df -P -i}). */
    INODES("CCCP"),
    /** Space as in {@link #SPACE}, then used inodes, free inodes and their percentage (BSD and macOS {@code df -i}). */
    SPACE_AND_INODES("NNSPCCP");

    /**
     * A whole number of up to 20 digits, which covers every 64-bit count; one above what a long
     * holds is read as {@link Long#MAX_VALUE} (old macOS reports about 2^63 free inodes on APFS).
     */
    private static final String COUNT = "\\d{1,20}";
    private final String columns;
    private final Pattern typed;
    private final Pattern untyped;

    /**
     * @param columns one letter per column: {@code N} a count, {@code S} a count that may be
     *                negative, {@code C} a count that may be negative or {@code -} (unknown,
     *                read as 0), {@code P} a percentage or {@code -} (not captured)
     */
    DfLayout(String columns) {
        this.columns = columns;
        this.typed = pattern(columns, true);
        this.untyped = pattern(columns, false);
    }

    /** The number of counts a row of this layout carries. */
    int counts() {
        return (int) columns.chars().filter(c -> c != 'P').count();
    }

    /** The line pattern: group 1 the device, then the type when typed, then the counts, and last the mount point. */
    Pattern pattern(boolean withType) {
        return withType ? typed : untyped;
    }

    private static Pattern pattern(String columns, boolean withType) {
        StringBuilder b = new StringBuilder("(\\S.*?)");
        if (withType) {
            b.append("\\s+(\\S+)");
        }
        for (char c : columns.toCharArray()) {
            b.append("\\s+").append(switch (c) {
                case 'N' -> "(" + COUNT + ")";
                case 'S' -> "(-?" + COUNT + ")";
                case 'C' -> "(-?" + COUNT + "|-)";
                case 'P' -> "(?:\\d{1,4}%|-)";
                default -> throw new IllegalArgumentException("unknown column " + c);
            });
        }
        return Pattern.compile(b.append("\\s+(/.*)").toString());
    }
}
