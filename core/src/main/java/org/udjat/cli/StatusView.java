package org.udjat.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.report.PlainText;
import org.udjat.evaluate.StateDetail;

/**
 * What {@code udjat status} shows: one row per host and per check, with its state, SOFT/HARD and
 * attempts, UNSTABLE and suppression, and the age of each result computed against the time the
 * command runs.
 *
 * @param lastCycle     when the last cycle finished
 * @param lastCycleAge  seconds since then
 * @param rows          a row for each host, followed by one for each of its checks
 * @param undelivered   messages of the outbox that failed, wait or were given up
 */
record StatusView(Instant lastCycle, long lastCycleAge, List<Row> rows, List<UndeliveredView.Row> undelivered) {

    /** The same view with the outbox's undelivered messages. */
    StatusView withUndelivered(List<UndeliveredView.Row> messages) {
        return new StatusView(lastCycle, lastCycleAge, rows, messages);
    }

    /**
     * One line of the status table.
     *
     * @param host       host name
     * @param check      check name, or null for the host's own row
     * @param state        UP/DOWN/UNREACHABLE for a host, OK/WARNING/CRITICAL/UNKNOWN for a check
     * @param type         SOFT or HARD, null when not known (never evaluated, or an older status file)
     * @param attempt      consecutive results behind the state, 0 when not known
     * @param attempts     results needed for HARD in that direction, 0 when not known
     * @param unstable     whether it is UNSTABLE (changing too often to notify each change)
     * @param suppressedBy the root causes of a problem that is not notified ({@code gw1 DOWN}), else null
     * @param ageSeconds   seconds since the result was produced, or null when there never was one
     * @param output       the summary, or the reason a host was not reached
     * @param note         what the engine adds (not run, output capped...)
     */
    record Row(String host, String check, String state, String type, int attempt, int attempts, boolean unstable,
               String suppressedBy, Long ageSeconds, String output, String note) {

        static Row of(String host, String check, String state, StateDetail d, Long age, String output, String note) {
            return d == null
                    ? new Row(host, check, state, null, 0, 0, false, null, age, output, note)
                    : new Row(host, check, state, d.type().name(), d.attempt(), d.attempts(), d.unstable(),
                    d.suppressedBy(), age, output, note);
        }

        /** {@code SOFT 2/3}, {@code HARD}, {@code HARD UNSTABLE}; {@code -} when not known. */
        String typeText() {
            if (type == null) {
                return "-";
            }
            String t = type.equals("SOFT") ? type + " " + attempt + "/" + attempts : type;
            return unstable ? t + " UNSTABLE" : t;
        }
    }

    static StatusView of(Snapshot snapshot, Instant now) {
        List<Row> rows = new ArrayList<>();
        for (HostState host : snapshot.hosts()) {
            rows.add(Row.of(host.host(), null, host.state(), host.detail(), age(host.lastPoll(), now),
                    host.reason(), host.platform() == null ? "" : "platform " + host.platform()));
            for (CheckState check : host.checks()) {
                rows.add(Row.of(host.host(), check.check(), check.status().name(), check.detail(),
                        age(check.lastResult(), now), check.summary(), check.note()));
            }
        }
        Instant finished = snapshot.cycleFinished();
        return new StatusView(finished, finished == null ? -1 : Math.max(0, Duration.between(finished, now).toSeconds()), rows,
                List.of());
    }

    private static Long age(Instant then, Instant now) {
        return then == null ? null : Math.max(0, Duration.between(then, now).toSeconds());
    }

    void printTable(PrintWriter out) {
        out.printf("last cycle finished %s (%s ago)%n",
                lastCycle == null ? "?" : lastCycle.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), human(lastCycleAge));
        int hostWidth = width(rows.stream().map(Row::host).toList(), "HOST");
        int checkWidth = width(rows.stream().map(r -> r.check() == null ? "-" : r.check()).toList(), "CHECK");
        int typeWidth = width(rows.stream().map(Row::typeText).toList(), "TYPE");
        String format = "%-" + hostWidth + "s  %-" + checkWidth + "s  %-11s  %-" + typeWidth + "s  %6s  %s%n";
        out.printf(format, "HOST", "CHECK", "STATE", "TYPE", "AGE", "OUTPUT");
        for (Row row : rows) {
            String output = PlainText.oneLine(row.output()) + (row.note().isEmpty() ? "" : " [" + row.note() + "]")
                    + (row.suppressedBy() == null ? "" : " [suppressed by " + row.suppressedBy() + "]");
            out.printf(format, row.host(), row.check() == null ? "-" : row.check(), row.state(), row.typeText(),
                    row.ageSeconds() == null ? "never" : human(row.ageSeconds()), output);
        }
        UndeliveredView.print(undelivered, out);
    }

    private static int width(List<String> values, String header) {
        return Math.min(40, Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0)));
    }

    static String human(long seconds) {
        if (seconds < 0) {
            return "?";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        if (seconds < 172800) {
            return seconds / 3600 + "h";
        }
        return seconds / 86400 + "d";
    }
}
