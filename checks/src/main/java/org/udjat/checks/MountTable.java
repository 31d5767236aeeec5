package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;

/**
 * The mount table as mount(8) prints it where df has no type column: OpenBSD writes
 * {@code /dev/sd0a on / type ffs (local)}, macOS (like FreeBSD) {@code /dev/disk3s5 on
 * /System/Volumes/Data (apfs, local, journaled)}. Used to find the type of each filesystem df
 * listed, by its mount point.
 *
 * <p>Devices and mount points may contain spaces ({@code map auto_home on /System/Volumes/Data/home},
 * {@code /dev/disk4s1 on /Volumes/My Disk (hfs, local)}), and even {@code " on "} or {@code " ("},
 * so a line is not split on its own: each mount point df printed is looked up as
 * {@code " on " + mount point} followed by exactly a type and its options to the end of the line.
 */
final class MountTable {
    /** The line the check's command prints between df's output and the mount table. */
    static final String SEPARATOR = "== mount ==";
    /** What follows a mount point: OpenBSD's {@code type ffs (options)} or macOS's {@code (apfs, options)}. */
    private static final Pattern TYPE_AFTER = Pattern.compile(
            " type (\\S+)(?: \\(.*\\))?| \\(([^,\\s()]+)(?:, [^()]*)?\\)");
    private static final Pattern ENTRY = Pattern.compile(".+? on /.*?(?:" + TYPE_AFTER.pattern() + ")");
    private final List<String> entries;

    private MountTable(List<String> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The command that runs df and then mount, with the separator between their outputs. */
    static String after(String dfCommand) {
        return dfCommand + "; echo '" + SEPARATOR + "'; mount";
    }

    /** Keeps the lines that look like mount table entries; never throws. */
    static MountTable parse(List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.length() <= RawOutput.MAX_LINE && ENTRY.matcher(line).matches()) {
                entries.add(line);
            }
        }
        return new MountTable(entries);
    }

    /** True when no line could be read as a mount table entry. */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The type of the filesystem mounted on this path, or empty when the table does not list
     * it. Where a path is listed more than once, the last entry is the one in use.
     */
    String typeOf(String mount) {
        String type = "";
        String on = " on " + mount;
        for (String line : entries) {
            for (int i = line.indexOf(on); i >= 0; i = line.indexOf(on, i + 1)) {
                Matcher m = TYPE_AFTER.matcher(line).region(i + on.length(), line.length());
                if (m.matches()) {
                    type = m.group(1) != null ? m.group(1) : m.group(2);
                    break;
                }
            }
        }
        return type;
    }
}
