package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;

/**
 * The output of the file check's command read in order: the host's clock from {@code date +%s},
 * then stat's line for the path ({@code mtime size type}), then, when the newest file of a
 * directory was asked for, stat's line for that file ({@code mtime size name}). Whatever else
 * was printed, such as {@code stat: cannot statx '/x': No such file or directory} or ls's
 * {@code Permission denied}, is kept as a complaint.
 *
 * @param hostTime   the host's clock in seconds since the epoch, empty when the first line is not one
 * @param target     stat's line for the path, empty when stat complained instead
 * @param newest     stat's line for the newest file, empty when there was none or it was not asked for
 * @param complaints the other lines, in order, e.g. error messages
 */
record StatReport(OptionalLong hostTime, Optional<Entry> target, Optional<Entry> newest, List<String> complaints) {
    private static final Pattern EPOCH = Pattern.compile("-?\\d{1,18}");
    private static final Pattern ENTRY = Pattern.compile("(-?\\d{1,18}) (\\d{1,18}) (.+)");

    StatReport {
        complaints = List.copyOf(complaints);
    }

    /**
     * One line of stat output.
     *
     * @param mtime seconds since the epoch when the file was last modified
     * @param size  bytes
     * @param rest  the file type (GNU {@code regular file}, BSD {@code Regular File}) or the file's path
     */
    record Entry(long mtime, long size, String rest) {
        /** True for stat's type of a directory, in GNU, BusyBox or BSD words. */
        boolean isDirectory() {
            return rest.equalsIgnoreCase("directory");
        }
    }

    /** Reads the lines in order; never throws. */
    static StatReport parse(List<String> lines) {
        List<String> rest = new ArrayList<>(lines.stream().filter(l -> !l.isBlank()).toList());
        OptionalLong hostTime = OptionalLong.empty();
        if (!rest.isEmpty() && EPOCH.matcher(rest.get(0).strip()).matches()) {
            hostTime = OptionalLong.of(Long.parseLong(rest.remove(0).strip()));
        }
        Optional<Entry> target = Optional.empty();
        Optional<Entry> newest = Optional.empty();
        if (hostTime.isPresent()) {
            target = entry(rest);
            if (target.isPresent()) {
                newest = entry(rest);
            }
        }
        return new StatReport(hostTime, target, newest, rest);
    }

    /** Takes the first line when it is a stat line. */
    private static Optional<Entry> entry(List<String> rest) {
        if (rest.isEmpty() || rest.get(0).length() > RawOutput.MAX_LINE) {
            return Optional.empty();
        }
        Matcher m = ENTRY.matcher(rest.get(0));
        if (!m.matches()) {
            return Optional.empty();
        }
        rest.remove(0);
        return Optional.of(new Entry(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3)));
    }

    /** True when a complaint says the path or one of its directories is not there. */
    boolean saysMissing() {
        return complaints.stream().anyMatch(c -> c.contains("No such file or directory") || c.contains("Not a directory"));
    }
}
