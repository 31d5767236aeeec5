package org.udjat.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Status;
import org.udjat.config.CheckRef;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.plan.CheckOrder;
import org.udjat.plan.HostOrder;
import org.udjat.poll.CheckRun;
import org.udjat.poll.HostPoll;
import org.udjat.poll.RunState;

/**
 * The evaluation of one cycle: hosts parents first, then checks dependencies first, each through
 * its tracker and the suppressor; then the snapshot and the changes in config order. One instance
 * per cycle; pure apart from its own fields.
 */
final class CycleEvaluation {
    static final Function<Status, String> HOST_NAMES = s -> s == Status.OK ? "UP" : "DOWN";

    private final Config config;
    private final Optional<Snapshot> previous;
    private final Map<String, HostPoll> polls;
    private final Map<String, HostPoll> rechecks;
    private final OutcomeReader reader;
    private final Instant now;
    private final Suppressor suppressor = new Suppressor();
    private final Map<String, HostState> hosts = new HashMap<>();
    private final Map<CheckRef, CheckState> checks = new HashMap<>();
    private final Map<String, ChangeBuilder.Step> steps = new HashMap<>();

    CycleEvaluation(Config config, Optional<Snapshot> previous, Map<String, HostPoll> polls,
                    Map<String, HostPoll> rechecks, OutcomeReader reader, Instant now) {
        this.config = config;
        this.previous = previous;
        this.polls = polls;
        this.rechecks = rechecks;
        this.reader = reader;
        this.now = now;
    }

    Evaluation run(Instant started) {
        HostOrder.of(config).hosts().forEach(this::evaluateHost);
        CheckOrder order = CheckOrder.of(config);
        order.checks().forEach(c -> evaluateCheck(c, order.dependencies(c)));
        Map<String, Integer> counts = suppressor.counts();
        List<HostState> states = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (HostSpec spec : config.hostList()) {
            HostState h = hosts.get(spec.name());
            List<CheckState> own = spec.checks().stream().map(c -> checks.get(new CheckRef(spec.name(), c.name())))
                    .toList();
            states.add(new HostState(h.host(), h.reachable(), h.reason(), h.platform(), h.lastPoll(), h.since(), own,
                    h.detail()));
            change(spec.name(), counts).ifPresent(changes::add);
            spec.checks().forEach(c -> change(spec.name() + "/" + c.name(), counts).ifPresent(changes::add));
        }
        return new Evaluation(new Snapshot(Snapshot.CURRENT_VERSION, started, now, states), changes);
    }

    private Optional<Change> change(String subject, Map<String, Integer> counts) {
        ChangeBuilder.Step step = steps.get(subject);
        return step == null ? Optional.empty() : ChangeBuilder.build(step, now, counts.getOrDefault(subject, 0));
    }

    private void evaluateHost(HostSpec spec) {
        String name = spec.name();
        HostPoll poll = poll(name);
        Optional<HostState> before = previous.flatMap(s -> s.host(name));
        StateDetail was = before.map(h -> h.detail() != null ? h.detail()
                : Tracker.legacy(h.reachable() ? Status.OK : Status.CRITICAL, spec.policy())).orElse(null);
        Tracker.Tracked t = Tracker.track(was, poll.reached() ? Status.OK : Status.CRITICAL, HOST_NAMES,
                spec.policy(), now);
        Set<String> roots = suppressor.hostRoots(t.detail().state(), spec.parents());
        StateDetail detail = t.detail().suppressed(suppressor.describe(roots));
        String to = HostStates.name(detail.state(), detail.suppressedBy());
        suppressor.record(name, detail.state(), roots, name + " " + to);
        Instant since = before.filter(h -> h.state().equals(to)).map(HostState::since).orElse(now);
        List<Recheck> rechecked = spec.parents().stream().filter(rechecks::containsKey)
                .map(p -> new Recheck(p, hostState(polls.get(p)), hostState(rechecks.get(p)))).toList();
        steps.put(name, new ChangeBuilder.Step(name, null, before.map(HostState::state).orElse(null), to,
                poll.reason(), withDetail(t, detail), was, before.map(HostState::since).orElse(null), rechecked));
        String platform = poll.platform() != null ? poll.platform().key()
                : before.map(HostState::platform).orElse(null);
        hosts.put(name, new HostState(name, poll.reached(), poll.reason(), platform, poll.started(), since, List.of(),
                detail));
    }

    private void evaluateCheck(CheckRef ref, List<CheckRef> dependencies) {
        CheckSpec spec = ref.in(config.hosts()).orElseThrow();
        HostPoll poll = poll(ref.host());
        CheckState before = previous.flatMap(s -> s.host(ref.host()))
                .flatMap(h -> h.checks().stream().filter(c -> c.check().equals(ref.check())).findFirst()).orElse(null);
        CheckRun run = poll.checks().stream().filter(r -> r.check().equals(ref.check())).findFirst()
                .orElse(CheckRun.notRun(ref.check(), "no result"));
        CheckResult result = poll.reached()
                ? CheckResult.of(spec, run, reader, before == null ? null : before.lastResult(), config.interval(), now,
                        before == null ? Map.of() : before.memory())
                : null;
        if (result == null) {
            String note = poll.reached() ? "no result this cycle: " + run.reason() : "not run: host unreachable";
            CheckState kept = kept(spec, before, note);
            checks.put(ref, kept);
            suppressor.record(ref.toString(), kept.status(), Set.of(), ref + " " + kept.status());
            return;
        }
        StateDetail was = before == null || before.detail() == null && before.lastResult() == null ? null
                : before.detail() != null ? before.detail() : Tracker.legacy(before.status(), spec.policy());
        CheckOutcome outcome = result.outcome();
        Tracker.Tracked t = Tracker.track(was, outcome.status(), Status::name, spec.policy(), now);
        Set<String> roots = suppressor.checkRoots(t.detail().state(), dependencies);
        StateDetail detail = t.detail().suppressed(suppressor.describe(roots));
        suppressor.record(ref.toString(), detail.state(), roots, ref + " " + detail.state());
        Instant since = before != null && was != null && before.status() == detail.state() ? before.since() : now;
        steps.put(ref.toString(), new ChangeBuilder.Step(ref.host(), ref.check(),
                was == null ? null : before.status().name(), detail.state().name(), outcome.summary(),
                withDetail(t, detail), was, was == null ? null : before.since(), rechecked(ref, dependencies)));
        Instant resultTime = result.fresh() ? now : before == null ? null : before.lastResult();
        CheckMemory memory = CheckMemory.cut(outcome.memory());
        String note = String.join("; ", java.util.stream.Stream.of(note(spec, run), memory.note())
                .filter(n -> !n.isEmpty()).toList());
        checks.put(ref, new CheckState(ref.check(), detail.state(), outcome.summary(), outcome.longOutput(),
                outcome.perfData(), resultTime, run.duration(), note, since, detail, memory.kept()));
    }

    /** The dependencies on other hosts that were polled again this cycle, with their status before and after. */
    private List<Recheck> rechecked(CheckRef ref, List<CheckRef> dependencies) {
        List<Recheck> out = new ArrayList<>();
        for (CheckRef d : dependencies) {
            if (!d.host().equals(ref.host()) && rechecks.containsKey(d.host())) {
                out.add(new Recheck(d.toString(), checkState(d, polls.get(d.host())),
                        checkState(d, rechecks.get(d.host()))));
            }
        }
        return out;
    }

    private String checkState(CheckRef ref, HostPoll poll) {
        if (poll == null || !poll.reached()) {
            return "host " + ref.host() + " DOWN";
        }
        CheckSpec spec = ref.in(config.hosts()).orElseThrow();
        return poll.checks().stream().filter(r -> r.check().equals(ref.check()) && r.state() == RunState.COMPLETED)
                .findFirst().map(r -> reader.read(spec, r.raw()).status().name()).orElse(Status.UNKNOWN.name());
    }

    private CheckState kept(CheckSpec spec, CheckState before, String note) {
        if (before == null) {
            return new CheckState(spec.name(), Status.UNKNOWN, "", "", List.of(), null, Duration.ZERO, note, now);
        }
        return new CheckState(before.check(), before.status(), before.summary(), before.longOutput(),
                before.perfData(), before.lastResult(), before.duration(), note, before.since(), before.detail(),
                before.memory());
    }

    private HostPoll poll(String host) {
        HostPoll p = rechecks.getOrDefault(host, polls.get(host));
        return p != null ? p : new HostPoll(host, false, "not polled this cycle", null,
                List.of(), now, Duration.ZERO);
    }

    private static String hostState(HostPoll poll) {
        return poll != null && poll.reached() ? "UP" : "DOWN";
    }

    private static Tracker.Tracked withDetail(Tracker.Tracked t, StateDetail detail) {
        return new Tracker.Tracked(detail, t.kind(), t.becameUnstable(), t.becameStable());
    }

    private static String note(CheckSpec spec, CheckRun run) {
        if (run.raw().truncated()) {
            int n = spec.outputCap();
            return "output capped at " + (n % 1024 == 0 ? n / 1024 + " KiB" : n + " bytes");
        }
        return run.state() == RunState.COMPLETED ? "" : run.reason();
    }
}
