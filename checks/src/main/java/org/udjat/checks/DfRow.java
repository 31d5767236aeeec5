package org.udjat.checks;

import java.util.List;

/**
 * One filesystem as a df line gave it, before a check reads its counts.
 *
 * @param device the mounted device, possibly with spaces
 * @param type   the filesystem type; empty when unknown (df printed none and the mount table
 *               did not list the mount point)
 * @param layout which columns the counts are
 * @param counts the numeric columns in df's order, percentages left out; {@code -} reads as 0
 * @param mount  the mount point, possibly with spaces
 */
record DfRow(String device, String type, DfLayout layout, List<Long> counts, String mount) {
    DfRow {
        counts = List.copyOf(counts);
    }

    /** The count in the given column, counting from 0 and skipping percentages. */
    long count(int column) {
        return counts.get(column);
    }

    /** This row with the type the mount table gave. */
    DfRow withType(String newType) {
        return new DfRow(device, newType, layout, counts, mount);
    }
}
