package org.udjat.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.udjat.api.Status;
import org.udjat.config.HostSpec;
import org.udjat.config.StatePolicy;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;
import org.udjat.health.PollerHealth;
import org.udjat.report.view.Count;
import org.udjat.report.view.OverviewView;
import org.udjat.report.view.OverviewView.HostLine;
import org.udjat.report.view.OverviewView.Problem;
import org.udjat.report.view.OverviewView.Undelivered;

/** Builds the overview: problems worst first, counts per state, every host. */
final class OverviewBuilder {
    private static final List<String> HOST_STATES = List.of("UP", "DOWN", "UNREACHABLE");

    /** A problem with what it sorts by. */
    private record Ranked(Problem problem, boolean hard, int severity, boolean suppressed, Instant since) {
    }

    /** Worst first: HARD, severity, not suppressed, newest, then by name. */
    private static final Comparator<Ranked> WORST_FIRST = Comparator.comparing((Ranked r) -> !r.hard())
            .thenComparingInt(Ranked::severity)
            .thenComparing(Ranked::suppressed)
            .thenComparing(Ranked::since, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(r -> r.problem().host())
            .thenComparing(r -> r.problem().check());

    private final ReportModel model;
    private final Rows rows;

    OverviewBuilder(ReportModel model, Rows rows) {
        this.model = model;
        this.rows = rows;
    }

    OverviewView build() {
        List<Ranked> ranked = new ArrayList<>();
        int soft = 0;
        int unstable = 0;
        int suppressed = 0;
        int[] hostCounts = new int[HOST_STATES.size()];
        int[] checkCounts = new int[Status.values().length];
        List<HostLine> lines = new ArrayList<>();
        for (HostState h : model.hosts()) {
            HostSpec spec = model.config().hosts().get(h.host());
            hostCounts[Math.max(0, HOST_STATES.indexOf(h.state()))]++;
            if (!h.state().equals("UP") || isUnstable(h.detail())) {
                ranked.add(rank(hostProblem(h, spec.policy()), h.detail(), h.state(), h.since()));
            }
            for (CheckState c : h.checks()) {
                checkCounts[c.status().ordinal()]++;
                if (c.status() != Status.OK || isUnstable(c.detail())) {
                    StatePolicy policy = spec.checks().stream().filter(s -> s.name().equals(c.check())).findFirst()
                            .map(s -> s.policy()).orElse(StatePolicy.DEFAULT);
                    ranked.add(rank(checkProblem(h, c, policy), c.detail(), c.status().name(), c.since()));
                }
            }
            lines.add(line(h));
        }
        for (Ranked r : ranked) {
            soft += r.hard() ? 0 : 1;
            unstable += r.problem().unstable().isEmpty() ? 0 : 1;
            suppressed += r.suppressed() ? 1 : 0;
        }
        List<Problem> problems = ranked.stream().sorted(WORST_FIRST).map(Ranked::problem).toList();
        List<Count> hosts = new ArrayList<>();
        for (int i = 0; i < HOST_STATES.size(); i++) {
            hosts.add(new Count(HOST_STATES.get(i), States.css(HOST_STATES.get(i)), hostCounts[i]));
        }
        List<Count> checks = new ArrayList<>();
        for (Status s : Status.values()) {
            checks.add(new Count(s.name(), States.css(s.name()), checkCounts[s.ordinal()]));
        }
        return new OverviewView(rows.page("Overview", "overview", Page.OVERVIEW), problems, hosts, checks, soft,
                unstable, suppressed, lines, undelivered(), new ControlBuilder(model).overview(), poller());
    }

    private OverviewView.Poller poller() {
        PollerHealth h = model.health();
        List<OverviewView.CrashLine> crashes = h.crashes().stream().map(c -> new OverviewView.CrashLine(
                model.times().format(c.time()), Texts.line(c.exception(), Rows.SUMMARY), Texts.line(c.file()))).toList();
        String css = States.css(h.crashes24h() > 0 ? "CRITICAL" : h.overran() ? "WARNING" : "OK");
        return new OverviewView.Poller(h.lastCycle() == null ? "" : model.times().format(h.lastCycle()),
                h.took() == null ? "" : Durations.human(h.took()), h.overran(), Texts.line(Rows.orEmpty(h.overrunReason())),
                h.overruns24h(), h.crashes24h(), crashes, css);
    }

    private List<Undelivered> undelivered() {
        return model.undelivered().stream().map(m -> new Undelivered(Texts.line(m.channel()),
                Texts.line(Rows.orEmpty(m.recipient())), m.notice().kind().name(),
                Durations.human(m.age(model.now())), m.attempts(), Texts.line(m.lastError(), Rows.SUMMARY),
                m.gaveUp() != null, States.css(m.gaveUp() != null ? "CRITICAL" : "WARNING"))).toList();
    }

    private static boolean isUnstable(StateDetail d) {
        return d != null && d.unstable();
    }

    private static Ranked rank(Problem p, StateDetail d, String state, Instant since) {
        boolean hard = d == null || d.type() != StateType.SOFT;
        boolean problem = !States.isOk(state);
        return new Ranked(p, hard || !problem, problem ? States.severity(state) : 3, !p.suppressedBy().isEmpty(),
                since);
    }

    private Problem hostProblem(HostState h, StatePolicy policy) {
        StateDetail d = h.detail();
        return new Problem(h.state(), States.css(h.state()), Rows.type(d), Texts.line(h.host()), "",
                Page.hostPath(h.host()), Texts.line(h.reason(), Rows.SUMMARY), model.times().format(h.since()),
                rows.ago(h.since()), Rows.unstable(d, policy.flapWindow()),
                Texts.line(d == null ? "" : Rows.orEmpty(d.suppressedBy())), "");
    }

    private Problem checkProblem(HostState h, CheckState c, StatePolicy policy) {
        StateDetail d = c.detail();
        return new Problem(c.status().name(), States.css(c.status().name()), Rows.type(d), Texts.line(h.host()),
                Texts.line(c.check()), Page.checkPath(h.host(), c.check()), Texts.line(c.summary(), Rows.SUMMARY),
                model.times().format(c.since()), rows.ago(c.since()), Rows.unstable(d, policy.flapWindow()),
                Texts.line(d == null ? "" : Rows.orEmpty(d.suppressedBy())), Texts.line(c.note(), Rows.SUMMARY));
    }

    private static HostLine line(HostState h) {
        int[] n = new int[Status.values().length];
        h.checks().forEach(c -> n[c.status().ordinal()]++);
        List<Count> counts = new ArrayList<>();
        Status worst = Status.OK;
        for (Status s : Status.values()) {
            if (n[s.ordinal()] > 0) {
                counts.add(new Count(s.name(), States.css(s.name()), n[s.ordinal()]));
            }
        }
        for (CheckState c : h.checks()) {
            if (States.severity(c.status().name()) < States.severity(worst.name())) {
                worst = c.status();
            }
        }
        String worstCss = h.state().equals("UP") ? States.css(worst.name()) : States.css(h.state());
        String suppressedBy = h.detail() == null ? "" : Rows.orEmpty(h.detail().suppressedBy());
        return new HostLine(Texts.line(h.host()), Page.hostPath(h.host()), h.state(), States.css(h.state()),
                Texts.line(h.reason(), Rows.SUMMARY), Texts.line(suppressedBy), worstCss, counts);
    }
}
