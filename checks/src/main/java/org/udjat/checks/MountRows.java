package org.udjat.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Status;
import org.udjat.api.Text;

/**
 * The result of a check over mount points ({@code disk}, {@code inodes}): one line per
 * filesystem or missing mount, worst and fullest first. The status is the worst line's; the
 * summary names the problem lines, up to three and then "and N more", or the fullest when all
 * is well. Notes (what df complained about, what was skipped) follow in the long output.
 * Not thread-safe; one per parse.
 */
final class MountRows {
    /** Problems named in the summary; the rest are counted, and all are in the long output. */
    private static final int SUMMARY_ITEMS = 3;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A mount point listed in {@code mounts} that is not mounted: CRITICAL, ahead of every full filesystem. */
    void missing(String mount) {
        rows.add(new Row(Status.CRITICAL, 101, Text.printable(mount) + " not mounted"));
    }

    /** A measured filesystem. */
    void add(Status status, double usedPercent, String text) {
        rows.add(new Row(status, usedPercent, text));
    }

    /** A line for the long output after the filesystems. */
    void note(String line) {
        notes.add(line);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** An OK outcome carrying only the notes, for when every selected filesystem was skipped. */
    CheckOutcome skipped(String checkName, String summary) {
        return new CheckOutcome(Status.OK, checkName.toUpperCase(Locale.ROOT) + " OK - " + summary,
                String.join("\n", notes), List.of());
    }

    /** The outcome, {@code NAME STATUS - summary}; call only when not {@link #isEmpty()}. */
    CheckOutcome outcome(String checkName, List<PerfDatum> perfData) {
        List<Row> sorted = new ArrayList<>(rows);
        // worst first, then fullest first: the summary names what needs attention
        sorted.sort(Comparator.comparing(Row::status).reversed()
                .thenComparing(Comparator.comparingDouble(Row::percent).reversed()));
        Status worst = sorted.get(0).status();
        StringBuilder longOutput = new StringBuilder();
        sorted.forEach(r -> longOutput.append(r.status()).append(": ").append(r.text()).append('\n'));
        notes.forEach(n -> longOutput.append(n).append('\n'));
        return new CheckOutcome(worst, checkName.toUpperCase(Locale.ROOT) + " " + worst + " - " + summary(sorted, worst),
                longOutput.toString().strip(), perfData);
    }

    private static String summary(List<Row> rows, Status worst) {
        if (worst == Status.OK) {
            return rows.size() + (rows.size() == 1 ? " filesystem, " : " filesystems, fullest ") + rows.get(0).text();
        }
        List<Row> bad = rows.stream().filter(r -> r.status() != Status.OK).toList();
        String named = String.join(", ", bad.stream().limit(SUMMARY_ITEMS).map(Row::text).toList());
        return bad.size() > SUMMARY_ITEMS ? named + " and " + (bad.size() - SUMMARY_ITEMS) + " more" : named;
    }

    /** One line of the result: a filesystem or a missing mount. */
    private record Row(Status status, double percent, String text) {
    }
}
