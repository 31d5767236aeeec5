package org.udjat.report;

import java.time.Duration;
import java.util.List;
import org.udjat.api.PerfDatum;
import org.udjat.api.Range;
import org.udjat.config.CheckSpec;
import org.udjat.config.HostSpec;
import org.udjat.config.StatePolicy;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.StateDetail;
import org.udjat.report.view.CheckView;
import org.udjat.report.view.HostView;

/** Builds the page of a host and the page of a check. */
final class SubjectBuilder {
    /** The size of a day graph as the RRD stage draws it; the page reserves the space before it loads. */
    static final int GRAPH_WIDTH = 600;
    static final int GRAPH_HEIGHT = 200;
    /** Latest changes shown on a host or check page. */
    static final int CHANGES = 10;
    private static final List<String> PERIODS = List.of("day", "week", "month", "year");

    private final ReportModel model;
    private final Rows rows;

    SubjectBuilder(ReportModel model, Rows rows) {
        this.model = model;
        this.rows = rows;
    }

    HostView host(HostState h) {
        HostSpec spec = model.config().hosts().get(h.host());
        StateDetail d = h.detail();
        List<HostView.Link> parents = spec.parents().stream()
                .map(p -> new HostView.Link(Texts.line(p), model.href(p, null))).toList();
        List<HostView.CheckLine> checks = h.checks().stream().map(c -> checkLine(h, c, policy(spec, c))).toList();
        String address = spec.transport() == HostSpec.Transport.LOCAL ? "" : spec.address() + ":" + spec.port();
        return new HostView(rows.page(Texts.line(h.host()), "overview", Page.host(h.host())), Texts.line(h.host()),
                h.state(), States.css(h.state()), Rows.type(d), Texts.line(h.reason()),
                Texts.line(d == null ? "" : Rows.orEmpty(d.suppressedBy())),
                Rows.unstable(d, spec.policy().flapWindow()), Texts.line(Rows.orEmpty(h.platform())),
                Texts.line(address), parents, model.times().format(h.since()), rows.ago(h.since()),
                model.times().format(h.lastPoll()), checks, rows.availability(h.host()), rows.latest(h.host(), CHANGES),
                new ControlBuilder(model).marks(h.host(), null));
    }

    private HostView.CheckLine checkLine(HostState h, CheckState c, StatePolicy policy) {
        StateDetail d = c.detail();
        return new HostView.CheckLine(Texts.line(c.check()), Page.checkPath(h.host(), c.check()), c.status().name(),
                States.css(c.status().name()), Rows.type(d), Texts.line(c.summary(), Rows.SUMMARY), rows.ago(c.since()),
                rows.ago(c.lastResult()), Rows.unstable(d, policy.flapWindow()),
                Texts.line(d == null ? "" : Rows.orEmpty(d.suppressedBy())), Texts.line(c.note(), Rows.SUMMARY));
    }

    CheckView check(HostState h, CheckState c) {
        HostSpec spec = model.config().hosts().get(h.host());
        StatePolicy policy = policy(spec, c);
        StateDetail d = c.detail();
        String subject = h.host() + "/" + c.check();
        boolean stale = c.lastResult() != null && Duration.between(c.lastResult(), model.now())
                .compareTo(model.config().interval().multipliedBy(policy.staleAfter())) > 0;
        List<CheckView.Perf> perf = c.perfData().stream().map(SubjectBuilder::perf).toList();
        List<CheckView.Graph> graphs = c.perfData().stream().map(p -> p.label()).distinct()
                .map(label -> graph(h.host(), c.check(), label)).toList();
        return new CheckView(rows.page(Texts.line(subject), "overview", Page.check(h.host(), c.check())),
                Texts.line(h.host()), Page.hostPath(h.host()), h.state(), States.css(h.state()), Texts.line(c.check()),
                c.status().name(), States.css(c.status().name()), d == null ? "" : d.type().name(),
                d == null ? "" : d.attempt() + "/" + d.attempts(), model.times().format(c.since()), rows.ago(c.since()),
                model.times().format(c.lastResult()), rows.ago(c.lastResult()), stale, seconds(c.duration()),
                Texts.line(c.note()), Rows.unstable(d, policy.flapWindow()),
                Texts.line(d == null ? "" : Rows.orEmpty(d.suppressedBy())), Texts.line(c.summary()),
                Texts.block(c.longOutput()), perf, graphs, rows.availability(subject), rows.latest(subject, CHANGES),
                new ControlBuilder(model).marks(h.host(), c.check()));
    }

    private static StatePolicy policy(HostSpec spec, CheckState c) {
        return spec.checks().stream().filter(s -> s.name().equals(c.check())).findFirst().map(CheckSpec::policy)
                .orElse(StatePolicy.DEFAULT);
    }

    private static CheckView.Perf perf(PerfDatum p) {
        return new CheckView.Perf(Texts.line(p.label()), number(p.value()), Texts.line(p.unit()), range(p.warn()),
                range(p.crit()), p.min() == null ? "" : number(p.min()), p.max() == null ? "" : number(p.max()));
    }

    private static CheckView.Graph graph(String host, String check, String label) {
        List<String> src = Page.graphPaths(host, check, label, PERIODS);
        return new CheckView.Graph(Texts.line(label), src.get(0), src.get(1), src.get(2), src.get(3), GRAPH_WIDTH,
                GRAPH_HEIGHT);
    }

    /** {@code 81.5}, {@code 3}, {@code U} for an unknown value, {@code inf}. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "U";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String range(Range r) {
        return r == null ? "" : Texts.line(r.toString());
    }

    private static String seconds(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        return ms < 1000 ? ms + "ms" : ms / 1000 + "." + ms % 1000 / 100 + "s";
    }
}
