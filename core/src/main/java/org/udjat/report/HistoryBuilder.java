package org.udjat.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;
import org.udjat.report.view.ChangeRow;
import org.udjat.report.view.HistoryView;
import org.udjat.report.view.IncidentsView;

/** Builds the history pages and the incidents page. */
final class HistoryBuilder {
    /** How far back the incidents page reaches for incidents that ended. */
    static final Duration INCIDENT_PERIOD = Duration.ofDays(30);
    /** Ended incidents listed at most. */
    static final int INCIDENT_LIMIT = 500;
    private static final String NONE = "\u2014";

    private final ReportModel model;
    private final Rows rows;

    HistoryBuilder(ReportModel model, Rows rows) {
        this.model = model;
        this.rows = rows;
    }

    HistoryView history(int number) {
        List<Change> all = model.history();
        int pages = model.historyPages();
        int from = all.size() - 1 - (number - 1) * ReportModel.HISTORY_PAGE;
        List<ChangeRow> changes = new ArrayList<>(ReportModel.HISTORY_PAGE);
        for (int i = from; i >= 0 && i > from - ReportModel.HISTORY_PAGE; i--) {
            changes.add(rows.change(all.get(i)));
        }
        List<HistoryView.PageLink> links = new ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            links.add(new HistoryView.PageLink(n, Page.historyPath(n), n == number));
        }
        String title = number == 1 ? "History" : "History, page " + number;
        return new HistoryView(rows.page(title, "history", Page.history(number)), changes, number, links,
                number > 1 ? Page.historyPath(number - 1) : "", number < pages ? Page.historyPath(number + 1) : "",
                all.size(), Math.min(all.size(), pages * ReportModel.HISTORY_PAGE));
    }

    IncidentsView incidents() {
        Instant since = model.now().minus(INCIDENT_PERIOD);
        List<Incident> ongoing = new ArrayList<>();
        List<Incident> ended = new ArrayList<>();
        for (String subject : model.subjects()) {
            for (Incident found : IncidentFinder.find(model.changes(subject))) {
                Incident i = found.withNotified(model.firstTold(subject, found.hard(), found.ended()));
                if (i.ongoing()) {
                    if (!model.href(i.host(), i.check()).isEmpty()) {
                        ongoing.add(i);
                    }
                } else if (!i.ended().isBefore(since)) {
                    ended.add(i);
                }
            }
        }
        ongoing.addAll(beganBeforeTheHistory(ongoing));
        ongoing.sort(Comparator.comparing(Incident::started).reversed().thenComparing(Incident::subject));
        ended.sort(Comparator.comparing(Incident::ended).reversed().thenComparing(Incident::subject));
        List<Incident> listed = ended.subList(0, Math.min(INCIDENT_LIMIT, ended.size()));
        List<Incident> all = new ArrayList<>(ongoing);
        all.addAll(listed);
        return new IncidentsView(rows.page("Incidents", "incidents", Page.INCIDENTS),
                ongoing.stream().map(this::row).toList(), listed.stream().map(this::row).toList(), ended.size(),
                INCIDENT_LIMIT, Durations.human(INCIDENT_PERIOD),
                mean(all.stream().map(Incident::timeToDetect).flatMap(Optional::stream).toList()),
                mean(listed.stream().map(Incident::timeToRecover).map(Optional::orElseThrow).toList()));
    }

    /**
     * The HARD problems of the status that no change in the history read opens: they began before it
     * (or their lines were lost). Shown as ongoing since their current state began.
     */
    private List<Incident> beganBeforeTheHistory(List<Incident> found) {
        java.util.Set<String> open = new java.util.HashSet<>();
        found.forEach(i -> open.add(i.subject()));
        List<Incident> partial = new ArrayList<>();
        for (HostState h : model.hosts()) {
            problem(h.host(), null, h.state(), h.since(), h.detail(), open).ifPresent(partial::add);
            for (CheckState c : h.checks()) {
                problem(h.host(), c.check(), c.status().name(), c.since(), c.detail(), open).ifPresent(partial::add);
            }
        }
        return partial;
    }

    private static Optional<Incident> problem(String host, String check, String state, Instant since, StateDetail d,
                                              java.util.Set<String> open) {
        boolean hardProblem = !States.isOk(state) && (d == null || d.type() == StateType.HARD);
        if (!hardProblem || since == null || open.contains(check == null ? host : host + "/" + check)) {
            return Optional.empty();
        }
        return Optional.of(new Incident(host, check, state, since, since, null, null, null,
                d == null ? null : d.suppressedBy(), d != null && d.unstable(), true));
    }

    private IncidentsView.Row row(Incident i) {
        return new IncidentsView.Row(Texts.line(i.subject()), model.href(i.host(), i.check()), Texts.line(i.worst()),
                States.css(i.worst()), (i.partial() ? "by " : "") + model.times().format(i.started()),
                i.notified() == null ? NONE : model.times().format(i.notified()),
                i.ongoing() ? "ongoing" : model.times().format(i.ended()), Durations.human(i.lasted(model.now())),
                i.timeToDetect().map(Durations::human).orElse(NONE), i.timeToRecover().map(Durations::human).orElse(NONE),
                Texts.line(Rows.orEmpty(i.suppressedBy())), i.unstable());
    }

    private static String mean(List<Duration> durations) {
        if (durations.isEmpty()) {
            return "";
        }
        long total = durations.stream().mapToLong(Duration::toMillis).sum();
        return Durations.human(Duration.ofMillis(total / durations.size()));
    }
}
