package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code df -P -k -T} read into filesystems, keeping every other line (df's
 * complaints about mounts it could not read) so nothing it said is lost.
 *
 * <p>POSIX format keeps one line per filesystem however long the device name is; the mount
 * point is the rest of the line after the Capacity column, so it may contain spaces. A device
 * name with spaces is taken up to the last word before the numbers, which is the type.
 *
 * @param filesystems the filesystems in the order df listed them
 * @param otherLines  lines that are neither the header nor a filesystem, e.g. {@code df: /mnt/nfs: Stale file handle}
 */
record DfReport(List<Filesystem> filesystems, List<String> otherLines) {
    private static final Pattern LINE = Pattern.compile(
            "(.+?)\\s+(\\S+)\\s+(\\d{1,18})\\s+(\\d{1,18})\\s+(-?\\d{1,18})\\s+(?:\\d{1,4}%|-)\\s+(/.*)");

    DfReport {
        filesystems = List.copyOf(filesystems);
        otherLines = List.copyOf(otherLines);
    }

    /** Reads the lines of df's output; never throws. */
    static DfReport parse(List<String> lines) {
        List<Filesystem> filesystems = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : lines) {
            Matcher m = line.length() <= OutputLines.MAX_LINE ? LINE.matcher(line) : null;
            if (m != null && m.matches()) {
                filesystems.add(new Filesystem(m.group(1).strip(), m.group(2), Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), m.group(6)));
            } else if (!line.isBlank() && !line.startsWith("Filesystem ")) {
                other.add(line);
            }
        }
        return new DfReport(filesystems, other);
    }
}
