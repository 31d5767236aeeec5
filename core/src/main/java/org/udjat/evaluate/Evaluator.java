package org.udjat.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Status;
import org.udjat.config.CheckSpec;
import org.udjat.config.HostSpec;
import org.udjat.poll.CheckRun;
import org.udjat.poll.HostPoll;
import org.udjat.poll.RunState;

/**
 * Turns one cycle's raw runs into states and changes. Does no I/O; the time of the cycle is
 * passed in, so results are exact under test.
 *
 * <p>A check that could not run because its host was unreachable keeps its last result,
 * marked as not run, rather than turning into a CRITICAL: the host's own state says what is wrong.
 */
public final class Evaluator {
    private final OutcomeReader reader;

    public Evaluator(Map<String, Check> checks) {
        this.reader = new OutcomeReader(checks);
    }

    /**
     * Evaluates a cycle.
     *
     * @param previous the snapshot of the previous cycle, if any
     * @param hosts    the configured hosts, in config order
     * @param polls    the poll of each host, by host name
     * @param started  when the cycle started
     * @param finished when polling finished (the time of the new states and changes)
     */
    public Evaluation evaluate(Optional<Snapshot> previous, List<HostSpec> hosts, Map<String, HostPoll> polls,
                               Instant started, Instant finished) {
        List<HostState> states = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (HostSpec spec : hosts) {
            HostPoll poll = polls.get(spec.name());
            Optional<HostState> before = previous.flatMap(s -> s.host(spec.name()));
            states.add(evaluateHost(spec, poll, before, finished, changes));
        }
        return new Evaluation(new Snapshot(Snapshot.CURRENT_VERSION, started, finished, states), changes);
    }

    private HostState evaluateHost(HostSpec spec, HostPoll poll, Optional<HostState> before, Instant now,
                                   List<Change> changes) {
        boolean reachable = poll.reached();
        String newState = reachable ? "UP" : "DOWN";
        String oldState = before.map(h -> h.reachable() ? "UP" : "DOWN").orElse(null);
        Instant since = before.filter(h -> h.reachable() == reachable).map(HostState::since).orElse(now);
        if (!newState.equals(oldState)) {
            changes.add(new Change(now, spec.name(), null, oldState, newState, reachable ? "" : poll.reason()));
        }
        Map<String, CheckState> oldChecks = new LinkedHashMap<>();
        before.ifPresent(h -> h.checks().forEach(c -> oldChecks.put(c.check(), c)));
        Map<String, CheckRun> runs = new LinkedHashMap<>();
        poll.checks().forEach(r -> runs.put(r.check(), r));
        List<CheckState> checks = new ArrayList<>();
        for (CheckSpec check : spec.checks()) {
            CheckRun run = runs.getOrDefault(check.name(), CheckRun.notRun(check.name(), "no result"));
            checks.add(evaluateCheck(spec.name(), check, run, reachable, oldChecks.get(check.name()), now, changes));
        }
        String platform = poll.platform() == null ? before.map(HostState::platform).orElse(null) : poll.platform().key();
        return new HostState(spec.name(), reachable, poll.reason(), platform, poll.started(), since, checks);
    }

    private CheckState evaluateCheck(String host, CheckSpec spec, CheckRun run, boolean hostReached,
                                     CheckState before, Instant now, List<Change> changes) {
        if (run.state() == RunState.NOT_RUN && !hostReached) {
            String note = "not run: host unreachable";
            if (before == null) {
                return new CheckState(spec.name(), Status.UNKNOWN, "", "", List.of(), null, Duration.ZERO, note, now);
            }
            return new CheckState(before.check(), before.status(), before.summary(), before.longOutput(),
                    before.perfData(), before.lastResult(), before.duration(), note, before.since());
        }
        CheckOutcome outcome = outcome(spec, run);
        Status old = before == null ? null : before.status();
        if (outcome.status() != old) {
            changes.add(new Change(now, host, spec.name(), old == null ? null : old.name(),
                    outcome.status().name(), outcome.summary()));
        }
        Instant since = outcome.status() == old ? before.since() : now;
        return new CheckState(spec.name(), outcome.status(), outcome.summary(), outcome.longOutput(),
                outcome.perfData(), now, run.duration(), note(spec, run), since);
    }

    private CheckOutcome outcome(CheckSpec spec, CheckRun run) {
        return switch (run.state()) {
            case COMPLETED -> reader.read(spec, run.raw());
            case TIMED_OUT -> CheckOutcome.unknown("timed out after " + seconds(spec.timeout()), run.raw().text());
            case NOT_RUN -> CheckOutcome.unknown(run.reason().isEmpty() ? "not run" : run.reason(), "");
        };
    }

    private static String note(CheckSpec spec, CheckRun run) {
        if (run.raw().truncated()) {
            return "output capped at " + bytes(spec.outputCap());
        }
        return run.state() == RunState.COMPLETED ? "" : run.reason();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String bytes(int n) {
        return n % 1024 == 0 ? n / 1024 + " KiB" : n + " bytes";
    }
}
