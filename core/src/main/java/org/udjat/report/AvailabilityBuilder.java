package org.udjat.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.report.view.AvailabilityCell;
import org.udjat.report.view.AvailabilityView;

/**
 * Builds the availability page: every host, and the checks that were not OK all the time in some
 * window, worst first (the others are counted; each check's own page shows its figures).
 */
final class AvailabilityBuilder {
    private final ReportModel model;
    private final Rows rows;

    AvailabilityBuilder(ReportModel model, Rows rows) {
        this.model = model;
        this.rows = rows;
    }

    /** A row and the lowest availability in it, for sorting. */
    private record Ranked(AvailabilityView.Row row, double lowest) {
    }

    AvailabilityView build() {
        List<AvailabilityView.Row> hosts = new ArrayList<>();
        List<Ranked> checks = new ArrayList<>();
        int allOk = 0;
        for (HostState h : model.hosts()) {
            hosts.add(new AvailabilityView.Row(Texts.line(h.host()), Page.hostPath(h.host()),
                    rows.availability(h.host())));
            for (CheckState c : h.checks()) {
                String subject = h.host() + "/" + c.check();
                double lowest = 1;
                for (Availability a : model.availability(subject)) {
                    lowest = Math.min(lowest, a.fraction().orElse(1));
                }
                if (lowest < 1) {
                    List<AvailabilityCell> cells = rows.availability(subject);
                    checks.add(new Ranked(new AvailabilityView.Row(Texts.line(subject),
                            Page.checkPath(h.host(), c.check()), cells), lowest));
                } else {
                    allOk++;
                }
            }
        }
        List<AvailabilityView.Row> sorted = checks.stream().sorted(Comparator.comparingDouble(Ranked::lowest)
                .thenComparing(r -> r.row().subject())).map(Ranked::row).toList();
        return new AvailabilityView(rows.page("Availability", "availability", Page.AVAILABILITY),
                Rows.WINDOWS.stream().map(Rows.Window::name).toList(), hosts, sorted, allOk);
    }
}
