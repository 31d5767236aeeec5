package org.udjat.report;

import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;

/**
 * The view of each page of a model: what its template gets as data model. Thread-safe: it keeps no
 * state of its own.
 */
final class Views {
    private final ReportModel model;
    private final OverviewBuilder overview;
    private final SubjectBuilder subjects;
    private final HistoryBuilder history;
    private final AvailabilityBuilder availability;

    Views(ReportModel model) {
        this.model = model;
        Rows rows = new Rows(model);
        this.overview = new OverviewBuilder(model, rows);
        this.subjects = new SubjectBuilder(model, rows);
        this.history = new HistoryBuilder(model, rows);
        this.availability = new AvailabilityBuilder(model, rows);
    }

    /** The view of a page of the model; not for the style sheet. */
    Object of(Page page) {
        return switch (page.kind()) {
            case OVERVIEW -> overview.build();
            case HOST -> subjects.host(host(page));
            case CHECK -> subjects.check(host(page), check(page));
            case HISTORY -> history.history(page.number());
            case INCIDENTS -> history.incidents();
            case AVAILABILITY -> availability.build();
            case STYLE -> throw new IllegalArgumentException("the style sheet has no view");
        };
    }

    private HostState host(Page page) {
        return model.host(page.host()).orElseThrow(() -> new IllegalArgumentException("no host " + page.host()));
    }

    private CheckState check(Page page) {
        return host(page).checks().stream().filter(c -> c.check().equals(page.check())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + page.host() + "/" + page.check()));
    }
}
