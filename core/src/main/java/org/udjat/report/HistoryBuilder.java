package org.udjat.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.udjat.evaluate.Change;
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
            for (Incident i : IncidentFinder.find(model.changes(subject))) {
                if (i.ongoing()) {
                    if (!model.href(i.host(), i.check()).isEmpty()) {
                        ongoing.add(i);
                    }
                } else if (!i.ended().isBefore(since)) {
                    ended.add(i);
                }
            }
        }
        ongoing.sort(Comparator.comparing(Incident::started).reversed().thenComparing(Incident::subject));
        ended.sort(Comparator.comparing(Incident::ended).reversed().thenComparing(Incident::subject));
        List<Incident> listed = ended.subList(0, Math.min(INCIDENT_LIMIT, ended.size()));
        List<Incident> all = new ArrayList<>(ongoing);
        all.addAll(listed);
        return new IncidentsView(rows.page("Incidents", "incidents", Page.INCIDENTS),
                ongoing.stream().map(this::row).toList(), listed.stream().map(this::row).toList(), ended.size(),
                INCIDENT_LIMIT, Durations.human(INCIDENT_PERIOD),
                mean(all.stream().map(Incident::timeToDetect).toList()),
                mean(listed.stream().map(Incident::timeToRecover).map(Optional::orElseThrow).toList()));
    }

    private IncidentsView.Row row(Incident i) {
        return new IncidentsView.Row(Texts.line(i.subject()), model.href(i.host(), i.check()), Texts.line(i.worst()),
                States.css(i.worst()), model.times().format(i.started()),
                i.notified() == null ? NONE : model.times().format(i.notified()),
                i.ongoing() ? "ongoing" : model.times().format(i.ended()), Durations.human(i.lasted(model.now())),
                Durations.human(i.timeToDetect()), i.timeToRecover().map(Durations::human).orElse(NONE),
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
