package org.udjat.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.udjat.dispatch.control.Ack;
import org.udjat.dispatch.control.AckStore;
import org.udjat.dispatch.control.Controls;
import org.udjat.dispatch.control.Downtime;
import org.udjat.dispatch.control.DowntimeStore;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.report.PlainText;
import org.udjat.evaluate.StateDetail;

/**
 * What {@code udjat status} shows: one row per host and per check, with its state, SOFT/HARD and
 * attempts, UNSTABLE and suppression, and the age of each result computed against the time the
 * command runs; above them who is on duty, the active acks and the active and scheduled downtimes.
 *
 * @param lastCycle     when the last cycle finished
 * @param lastCycleAge  seconds since then
 * @param duty          who is on duty, null for nobody
 * @param dutySince     since when, null for nobody
 * @param acks          the acks in force now
 * @param downtimes     the downtimes in force now
 * @param scheduled     the downtimes that start later
 * @param rows          a row for each host, followed by one for each of its checks
 * @param undelivered   messages of the outbox that failed, wait or were given up
 */
record StatusView(Instant lastCycle, long lastCycleAge, String duty, Instant dutySince, List<Ack> acks,
                  List<Downtime> downtimes, List<Downtime> scheduled, List<Row> rows, List<UndeliveredView.Row> undelivered) {

    /** The same view with the outbox's undelivered messages. */
    StatusView withUndelivered(List<UndeliveredView.Row> messages) {
        return new StatusView(lastCycle, lastCycleAge, duty, dutySince, acks, downtimes, scheduled, rows, messages);
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
     * @param ackedBy      who acknowledged it, while the ack lasts; else null
     * @param ackedUntil   until when, else null
     * @param downtimeUntil the end of the downtime it is in now, else null
     */
    record Row(String host, String check, String state, String type, int attempt, int attempts, boolean unstable,
               String suppressedBy, Long ageSeconds, String output, String note, String ackedBy, Instant ackedUntil,
               Instant downtimeUntil) {

        static Row of(String host, String check, String state, StateDetail d, Long age, String output, String note,
                      Controls controls, Instant now) {
            String subject = check == null ? host : host + "/" + check;
            Ack ack = controls.ackOf(subject, now).orElse(null);
            Instant downtime = controls.downtimeOf(host, check, now).map(Downtime::until).orElse(null);
            String by = ack == null ? null : ack.by();
            Instant until = ack == null ? null : ack.until();
            return d == null
                    ? new Row(host, check, state, null, 0, 0, false, null, age, output, note, by, until, downtime)
                    : new Row(host, check, state, d.type().name(), d.attempt(), d.attempts(), d.unstable(),
                    d.suppressedBy(), age, output, note, by, until, downtime);
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
        return of(snapshot, Controls.NONE, now);
    }

    static StatusView of(Snapshot snapshot, Controls controls, Instant now) {
        List<Row> rows = new ArrayList<>();
        for (HostState host : snapshot.hosts()) {
            rows.add(Row.of(host.host(), null, host.state(), host.detail(), age(host.lastPoll(), now),
                    host.reason(), host.platform() == null ? "" : "platform " + host.platform(), controls, now));
            for (CheckState check : host.checks()) {
                rows.add(Row.of(host.host(), check.check(), check.status().name(), check.detail(),
                        age(check.lastResult(), now), check.summary(), check.note(), controls, now));
            }
        }
        Instant finished = snapshot.cycleFinished();
        return new StatusView(finished, finished == null ? -1 : Math.max(0, Duration.between(finished, now).toSeconds()),
                controls.duty().map(d -> d.name()).orElse(null), controls.duty().map(d -> d.since()).orElse(null),
                AckStore.active(controls.acks(), now), DowntimeStore.active(controls.downtimes(), now),
                DowntimeStore.scheduled(controls.downtimes(), now), rows, List.of());
    }

    private static Long age(Instant then, Instant now) {
        return then == null ? null : Math.max(0, Duration.between(then, now).toSeconds());
    }

    void printTable(PrintWriter out) {
        out.printf("last cycle finished %s (%s ago)%n",
                lastCycle == null ? "?" : lastCycle.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), human(lastCycleAge));
        printControls(out);
        int hostWidth = width(rows.stream().map(Row::host).toList(), "HOST");
        int checkWidth = width(rows.stream().map(r -> r.check() == null ? "-" : r.check()).toList(), "CHECK");
        int typeWidth = width(rows.stream().map(Row::typeText).toList(), "TYPE");
        String format = "%-" + hostWidth + "s  %-" + checkWidth + "s  %-11s  %-" + typeWidth + "s  %6s  %s%n";
        out.printf(format, "HOST", "CHECK", "STATE", "TYPE", "AGE", "OUTPUT");
        for (Row row : rows) {
            String output = PlainText.oneLine(row.output()) + (row.note().isEmpty() ? "" : " [" + row.note() + "]")
                    + (row.suppressedBy() == null ? "" : " [suppressed by " + row.suppressedBy() + "]")
                    + (row.ackedBy() == null ? "" : " [acknowledged by " + PlainText.oneLine(row.ackedBy()) + " until "
                    + time(row.ackedUntil()) + "]")
                    + (row.downtimeUntil() == null ? "" : " [in downtime until " + time(row.downtimeUntil()) + "]");
            out.printf(format, row.host(), row.check() == null ? "-" : row.check(), row.state(), row.typeText(),
                    row.ageSeconds() == null ? "never" : human(row.ageSeconds()), output);
        }
        UndeliveredView.print(undelivered, out);
    }

    /** Who is on duty, the acks and the downtimes, one line each; nothing when there are none. */
    private void printControls(PrintWriter out) {
        if (duty != null) {
            out.printf("on duty: %s since %s%n", PlainText.oneLine(duty), time(dutySince));
        }
        for (Ack a : acks) {
            out.printf("ack %s: %s by %s until %s%s%n", a.id(), String.join(", ", a.subjects()),
                    PlainText.oneLine(a.by()), time(a.until()), comment(a.comment()));
        }
        downtimes.forEach(d -> out.printf("downtime %s: %s until %s by %s%s%n", d.id(), DowntimeCommand.what(d),
                time(d.until()), PlainText.oneLine(d.by()), comment(d.comment())));
        scheduled.forEach(d -> out.printf("downtime %s (scheduled): %s from %s until %s by %s%s%n", d.id(),
                DowntimeCommand.what(d), time(d.from()), time(d.until()), PlainText.oneLine(d.by()),
                comment(d.comment())));
    }

    private static String comment(String comment) {
        return comment.isEmpty() ? "" : " - " + PlainText.oneLine(comment);
    }

    private static String time(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
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
