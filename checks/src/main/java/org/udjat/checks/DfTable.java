package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.udjat.api.RawOutput;

/**
 * df's output read into rows, keeping every other line (df's complaints about mounts it could
 * not read, such as {@code df: /mnt/nfs: Stale file handle}) so nothing it said is lost.
 *
 * <p>Where df printed the type itself ({@code -T}: GNU, BusyBox, FreeBSD), each row carries it.
 * Where it cannot (OpenBSD, macOS), the command prints {@link MountTable#SEPARATOR} and the mount
 * table after df's output, and each row gets its type from there by mount point.
 *
 * @param rows        the filesystems in df's order
 * @param otherLines  lines of df's part that are neither its header nor a filesystem
 * @param mountTable  the mount table that followed df's output; null when df printed the types
 */
record DfTable(List<DfRow> rows, List<String> otherLines, MountTable mountTable) {
    DfTable {
        rows = List.copyOf(rows);
        otherLines = List.copyOf(otherLines);
    }

    /** Reads the lines of the output, accepting rows of the given layouts; never throws. */
    static DfTable read(List<String> lines, Set<DfLayout> layouts) {
        int separator = lines.indexOf(MountTable.SEPARATOR);
        // a header without a Type column means the mount table should follow, even when the
        // output was cut before it: reading those lines as typed would take a device's second
        // word for a type (map auto_home)
        boolean typed = separator < 0 && lines.stream().noneMatch(DfTable::isUntypedHeader);
        int dfEnd = separator < 0 ? lines.size() : separator;
        MountTable mountTable = typed ? null : MountTable.parse(lines.subList(Math.min(dfEnd + 1, lines.size()), lines.size()));
        List<DfRow> rows = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : lines.subList(0, dfEnd)) {
            DfRow row = line.length() <= RawOutput.MAX_LINE ? row(line, typed, layouts) : null;
            if (row != null) {
                rows.add(typed ? row : row.withType(mountTable.typeOf(row.mount())));
            } else if (!line.isBlank() && !line.startsWith("Filesystem ")) {
                other.add(line);
            }
        }
        return new DfTable(rows, other, mountTable);
    }

    private static boolean isUntypedHeader(String line) {
        return line.startsWith("Filesystem ") && !line.contains(" Type ");
    }

    /** True when the mount table should have followed df's output but no line of it could be read. */
    boolean mountTableUnreadable() {
        return mountTable != null && mountTable.isEmpty();
    }

    /** The line as a row of the first layout it fits, or null. */
    private static DfRow row(String line, boolean typed, Set<DfLayout> layouts) {
        for (DfLayout layout : layouts) {
            Matcher m = layout.pattern(typed).matcher(line);
            if (m.matches()) {
                int first = typed ? 3 : 2;
                List<Long> counts = new ArrayList<>();
                for (int i = 0; i < layout.counts(); i++) {
                    counts.add(count(m.group(first + i)));
                }
                return new DfRow(m.group(1).strip(), typed ? m.group(2) : "", layout, counts,
                        m.group(first + layout.counts()));
            }
        }
        return null;
    }

    /** A count as df printed it: {@code -} (unknown) is 0, and one beyond a long's range is clamped to it. */
    private static long count(String text) {
        if (text.equals("-")) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
