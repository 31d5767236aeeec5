package org.udjat.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;
import org.udjat.report.view.AvailabilityCell;
import org.udjat.report.view.ChangeRow;
import org.udjat.report.view.DataAge;
import org.udjat.report.view.PageInfo;

/** The pieces several views share: page frames, state types, change rows, availability cells. */
final class Rows {
    /** Characters of output shown on one line in lists. */
    static final int SUMMARY = 300;
    /** The availability windows, with their names. */
    static final List<Window> WINDOWS = List.of(new Window("24h", Duration.ofHours(24)),
            new Window("7d", Duration.ofDays(7)), new Window("30d", Duration.ofDays(30)));

    /** A window of availability, ending now. */
    record Window(String name, Duration length) {
    }

    private final ReportModel model;
    private final DataAge dataAge;

    Rows(ReportModel model) {
        this.model = model;
        this.dataAge = dataAge();
    }

    PageInfo page(String title, String section, Page page) {
        int refresh = page.kind() == Page.Kind.OVERVIEW ? (int) model.config().interval().toSeconds() : 0;
        return new PageInfo(title, section, page.root(), model.times().format(model.now()), model.times().zone(),
                refresh, dataAge);
    }

    private DataAge dataAge() {
        String expected = Durations.human(model.config().interval());
        Duration staleAt = model.staleAt();
        if (model.snapshot() == null || model.snapshot().cycleFinished() == null) {
            return new DataAge(false, "", "", true, expected, Durations.human(staleAt));
        }
        Instant finished = model.snapshot().cycleFinished();
        Duration age = Duration.between(finished, model.now());
        return new DataAge(true, model.times().format(finished), Durations.human(age), age.compareTo(staleAt) > 0,
                expected, Durations.human(staleAt));
    }

    /** {@code HARD}, {@code SOFT 2/3}, or empty when not recorded. */
    static String type(StateDetail d) {
        if (d == null || d.type() == null) {
            return "";
        }
        return d.type() == StateType.SOFT ? "SOFT " + d.attempt() + "/" + d.attempts() : "HARD";
    }

    /** {@code UNSTABLE: 6 changes in the last 30m, was CRITICAL}, or empty when stable. */
    static String unstable(StateDetail d, Duration window) {
        if (d == null || !d.unstable()) {
            return "";
        }
        String was = d.unstableFrom() == null ? "" : ", was " + d.unstableFrom();
        return "UNSTABLE: " + d.flips().size() + " changes in the last " + Durations.human(window) + was;
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** How long ago, or empty for null. */
    String ago(Instant then) {
        return then == null ? "" : Durations.human(Duration.between(then, model.now()));
    }

    ChangeRow change(Change c) {
        String type = c.type() == null ? ""
                : c.type() == StateType.SOFT ? "SOFT " + c.attempt() + "/" + c.attempts() : "HARD";
        String toCss = c.type() == StateType.SOFT ? States.css(c.to()) + " soft" : States.css(c.to());
        return new ChangeRow(model.times().format(c.time()), Texts.line(c.subject()), model.href(c.host(), c.check()),
                Texts.line(orEmpty(c.from())), States.css(c.from()), Texts.line(c.to()), toCss,
                c.kind() == null || c.kind() == ChangeKind.SOFT ? "" : c.kind().name(), type,
                Texts.line(c.summary(), SUMMARY),
                Texts.line(orEmpty(c.suppressedBy())),
                c.previousDuration() == null ? "" : Durations.human(c.previousDuration()));
    }

    /** The latest {@code n} changes of a subject, newest first. */
    List<ChangeRow> latest(String subject, int n) {
        List<Change> all = model.changes(subject);
        List<ChangeRow> rows = new ArrayList<>(Math.min(n, all.size()));
        for (int i = all.size() - 1; i >= 0 && rows.size() < n; i--) {
            rows.add(change(all.get(i)));
        }
        return rows;
    }

    /** One cell per window. */
    List<AvailabilityCell> availability(String subject) {
        List<Availability> windows = model.availability(subject);
        List<AvailabilityCell> cells = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            cells.add(cell(WINDOWS.get(i).name(), windows.get(i)));
        }
        return cells;
    }

    static AvailabilityCell cell(String window, Availability a) {
        String css = a.fraction().isEmpty() ? "nodata"
                : a.fraction().getAsDouble() >= 0.999 ? "good" : a.fraction().getAsDouble() >= 0.99 ? "fair" : "poor";
        return new AvailabilityCell(window, a.percent(), css, Durations.human(a.ok()), Durations.human(a.problem()),
                Durations.human(a.unknown()), Durations.human(a.suppressed()), Durations.human(a.noData()));
    }
}
