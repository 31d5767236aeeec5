package org.udjat.dispatch.remedy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.udjat.api.Platform;
import org.udjat.api.Remediator;
import org.udjat.api.Status;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.config.RemedySpec;
import org.udjat.dispatch.control.Downtime;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;

/**
 * The remediation engine: for every check with {@code remediate:}, decides from the cycle's snapshot,
 * the downtimes, the humans' verdicts and its own memory whether to verify an earlier action, act, queue
 * an approval request, record a dry run, or refuse at the limit; runs the actions through a
 * {@link Runner}; and returns what it did as history lines with its next memory.
 *
 * <p>A problem is acted on only while it is a HARD problem that is not suppressed, not in downtime and
 * not UNSTABLE, once it has lasted {@code after} (from the cycle the engine first saw it so), and only
 * when fewer than {@code max} actions ran on the same host and target within the last {@code per}. A
 * runner that throws or does not return in time costs a recorded failure and a warning, never the
 * cycle: each action runs on a thread of its own, waited for until its timeout (plus the session's
 * overhead) or the deadline, whichever is first. Exact with an injected clock; used by one cycle at a time.
 */
public final class RemedyEngine {
    /** How long decided requests and actions are kept for {@code udjat remediate list}. */
    public static final Duration KEEP = Duration.ofDays(7);

    /** Runs one action on one host; see {@link HostRunner}. */
    @FunctionalInterface
    public interface Runner {
        /** The outcome, judged by the remediator; returns by {@code deadline}. */
        Remediator.Outcome run(HostSpec host, Platform platform, Remediator remediator, RemedySpec spec,
                               Instant deadline);
    }

    /**
     * What a cycle of remediation did.
     *
     * @param changes  its history lines, in config order
     * @param next     the memory to save
     * @param warnings what went wrong that the cycle should report
     */
    public record Result(List<Change> changes, RemedyState next, List<String> warnings) {
        public Result {
            changes = List.copyOf(changes);
            warnings = List.copyOf(warnings);
        }
    }

    private final Map<String, Remediator> remediators;
    private final Runner runner;
    private final Clock clock;

    /**
     * @param remediators the loaded remediators by type
     * @param runner      what runs an action on a host
     * @param clock       the time decisions and actions go by
     */
    public RemedyEngine(Map<String, Remediator> remediators, Runner runner, Clock clock) {
        this.remediators = Map.copyOf(remediators);
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One cycle of remediation.
     *
     * @param deadline when actions must have returned; an action that cannot start before it waits for the next cycle
     */
    public Result run(Config config, Snapshot snapshot, List<Downtime> downtimes, List<Verdict> verdicts,
                      RemedyState previous, Instant deadline) {
        Round round = new Round(config, snapshot, downtimes, verdicts, previous, deadline, clock.instant());
        round.resume();
        for (HostSpec host : config.hosts().values()) {
            for (CheckSpec check : host.checks()) {
                if (check.remedy() != null) {
                    snapshot.host(host.name()).ifPresent(h -> h.checks().stream()
                            .filter(c -> c.check().equals(check.name())).findFirst()
                            .ifPresent(state -> round.decide(host, h, check, state)));
                }
            }
        }
        return round.finish();
    }

    /** One cycle's decisions: mutable copies of the memory. */
    private final class Round {
        final Config config;
        final List<Downtime> downtimes;
        final List<Verdict> verdicts;
        final Instant deadline;
        final Instant now;
        long sequence;
        final List<RemedyState.Action> actions;
        final Map<String, RemedyState.Memo> problems = new LinkedHashMap<>();
        final List<RemedyState.Request> requests;
        RemedyState.Blocked blocked;
        final List<Change> changes = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        Round(Config config, Snapshot snapshot, List<Downtime> downtimes, List<Verdict> verdicts, RemedyState previous,
              Instant deadline, Instant now) {
            this.config = config;
            this.downtimes = List.copyOf(downtimes);
            this.verdicts = List.copyOf(verdicts);
            this.deadline = deadline;
            this.now = now;
            this.sequence = previous.sequence();
            this.actions = new ArrayList<>(previous.actions());
            this.requests = new ArrayList<>(previous.requests());
            this.blocked = previous.blocked();
            previous.problems().forEach((subject, memo) -> {
                if (remedied(subject)) {
                    problems.put(subject, memo);
                }
            });
        }

        /** A reset given after the memory was found unreadable lifts the block. */
        void resume() {
            if (blocked == null) {
                return;
            }
            verdicts.stream().filter(v -> v.kind() == Verdict.Kind.RESET && !v.at().isBefore(blocked.since()))
                    .findFirst().ifPresent(v -> {
                        warnings.add("remediation resumed: " + v.by() + " reset it after remediation.json was found "
                                + "unreadable; the limits count from now");
                        blocked = null;
                    });
        }

        void decide(HostSpec host, HostState hostState, CheckSpec check, CheckState state) {
            String subject = host.name() + "/" + check.name();
            RemedySpec spec = check.remedy();
            RemedyState.Memo memo = problems.get(subject);
            boolean verifiedOk = false;
            if (memo != null && memo.pending() != null) {
                Optional<RemedyState.Action> action = action(memo.pending());
                if (action.isEmpty()) {
                    memo = new RemedyState.Memo(memo.since(), null, memo.said());
                } else if (state.lastResult() != null && state.lastResult().isAfter(action.get().at())) {
                    verifiedOk = latest(state) == Status.OK;
                    verify(action.get(), spec, state, verifiedOk);
                    memo = new RemedyState.Memo(memo.since(), null, memo.said());
                }
            }
            if (!hardProblem(state)) {
                if (memo != null && memo.pending() == null) {
                    problems.remove(subject);
                    expireRequests(subject);
                } else if (memo != null) {
                    problems.put(subject, memo);
                }
                return;
            }
            if (memo == null) {
                memo = new RemedyState.Memo(now, null, null);
            }
            problems.put(subject, memo);
            if (verifiedOk || memo.pending() != null || quiet(host, check, state)
                    || now.isBefore(memo.since().plus(spec.after()))) {
                return;
            }
            problems.put(subject, new Acting(host, hostState, check, state, memo).go());
        }

        /** The action's check gave its first result since: FIXED or NOT FIXED. */
        private void verify(RemedyState.Action action, RemedySpec spec, CheckState state, boolean ok) {
            String verdict = ok ? RemedyChanges.FIXED : RemedyChanges.NOT_FIXED;
            actions.replaceAll(a -> a.id().equals(action.id()) ? a.withVerdict(verdict) : a);
            String past = verb(spec).past();
            String line = spec.target() + " on " + action.host() + (ok ? " fixed: " : " not fixed: ") + action.check()
                    + (ok ? " is OK" : " still " + latest(state)) + " after it was " + past;
            changes.add(RemedyChanges.change(now, action.host(), action.check(), state.status().name(), verdict, line));
        }

        private boolean quiet(HostSpec host, CheckSpec check, CheckState state) {
            StateDetail d = state.detail();
            return d.unstable() || d.suppressedBy() != null
                    || downtimes.stream().anyMatch(t -> t.covers(host.name(), check.name(), now));
        }

        /** How many actions ran on the host and target within the window ending now. */
        int inWindow(String host, RemedySpec spec) {
            Instant from = now.minus(spec.per());
            return (int) actions.stream().filter(a -> a.host().equals(host) && a.target().equals(spec.target())
                    && a.at().isAfter(from)).count();
        }

        String nextId() {
            return Long.toString(++sequence);
        }

        Optional<RemedyState.Action> action(String id) {
            return actions.stream().filter(a -> a.id().equals(id)).findFirst();
        }

        private void expireRequests(String subject) {
            requests.replaceAll(r -> r.open() && subject.equals(r.host() + "/" + r.check())
                    ? r.decided(RemedyState.EXPIRED, r.by(), now) : r);
        }

        boolean remedied(String subject) {
            int slash = subject.indexOf('/');
            HostSpec host = slash < 0 ? null : config.hosts().get(subject.substring(0, slash));
            return host != null && host.checks().stream()
                    .anyMatch(c -> c.name().equals(subject.substring(slash + 1)) && c.remedy() != null);
        }

        Result finish() {
            Instant kept = now.minus(KEEP);
            actions.removeIf(a -> !a.at().isAfter(kept) && !longWindow(a, kept));
            requests.removeIf(r -> !r.open() && r.decided() != null && !r.decided().isAfter(kept));
            return new Result(changes, new RemedyState(sequence, actions, problems, requests, blocked), warnings);
        }

        /** An action older than {@link #KEEP} still counts in a window longer than that. */
        private boolean longWindow(RemedyState.Action a, Instant kept) {
            return config.hosts().values().stream().flatMap(h -> h.checks().stream()).map(CheckSpec::remedy)
                    .filter(Objects::nonNull)
                    .anyMatch(r -> r.target().equals(a.target()) && a.at().isAfter(now.minus(r.per())));
        }

        /** What one due problem gets: an action, a request, a dry run or a refusal. */
        private final class Acting {
            final HostSpec host;
            final HostState hostState;
            final CheckSpec check;
            final CheckState state;
            final RemedySpec spec;
            final String subject;
            RemedyState.Memo memo;

            Acting(HostSpec host, HostState hostState, CheckSpec check, CheckState state, RemedyState.Memo memo) {
                this.host = host;
                this.hostState = hostState;
                this.check = check;
                this.state = state;
                this.spec = check.remedy();
                this.subject = host.name() + "/" + check.name();
                this.memo = memo;
            }

            RemedyState.Memo go() {
                Remediator remediator = remediators.get(spec.with());
                if (blocked != null) {
                    once("blocked", RemedyChanges.REFUSED, "not " + verb(spec).continuous() + " " + spec.target()
                            + " on " + host.name() + ": " + blocked.reason());
                    return memo;
                }
                if (remediator == null) {
                    once("missing", RemedyChanges.FAILED, RemedyChanges.failed(verb(spec), spec, host.name(),
                            "remediator " + spec.with() + " is not loaded (see udjat plugins)"));
                    return memo;
                }
                switch (spec.mode()) {
                    case DRY_RUN -> dryRun(remediator);
                    case APPROVE -> approval(remediator);
                    case AUTO -> act(remediator, null);
                    default -> throw new IllegalStateException(spec.mode().name());
                }
                return memo;
            }

            private void dryRun(Remediator remediator) {
                String command = platform().flatMap(p -> command(remediator, p)).orElse("(no command for this platform)");
                int count = inWindow(host.name(), spec);
                String line = "dry run: would " + verb(spec).base() + " " + spec.target() + " on " + host.name()
                        + (count >= spec.max() ? " but the limit is reached (" + count + " actions in "
                        + org.udjat.config.DurationParser.format(spec.per()) + ")" : "") + " by running: " + command;
                once("dry-run", RemedyChanges.DRY_RUN, line);
            }

            private void approval(Remediator remediator) {
                Optional<RemedyState.Request> open = requests.stream()
                        .filter(r -> r.open() && subject.equals(r.host() + "/" + r.check())).findFirst();
                if (open.isEmpty()) {
                    if (!"denied".equals(memo.said())) {
                        String id = nextId();
                        requests.add(new RemedyState.Request(id, host.name(), check.name(), spec.target(), spec.with(),
                                now, memo.since(), RemedyState.QUEUED, null, null));
                        record(RemedyChanges.QUEUED, "approval needed to " + verb(spec).base() + " " + spec.target()
                                + " on " + host.name() + ": udjat remediate approve " + id);
                    }
                    return;
                }
                RemedyState.Request request = open.get();
                if (request.status().equals(RemedyState.QUEUED)) {
                    Optional<Verdict> verdict = verdicts.stream().filter(v -> request.id().equals(v.request())
                            && v.kind() != Verdict.Kind.RESET).reduce((a, b) -> b);
                    if (verdict.isEmpty()) {
                        return;
                    }
                    if (verdict.get().kind() == Verdict.Kind.DENY) {
                        replace(request.decided(RemedyState.DENIED, verdict.get().by(), now));
                        memo = new RemedyState.Memo(memo.since(), memo.pending(), "denied");
                        record(RemedyChanges.DENIED, verdict.get().by() + " denied " + verb(spec).continuous() + " "
                                + spec.target() + " on " + host.name() + " (request " + request.id() + ")");
                        return;
                    }
                    replace(request.decided(RemedyState.APPROVED, verdict.get().by(), null));
                }
                RemedyState.Request approved = requests.stream().filter(r -> r.id().equals(request.id())).findFirst()
                        .orElseThrow();
                if (act(remediator, approved.by())) {
                    replace(approved.decided(RemedyState.DONE, approved.by(), now));
                }
            }

            /** Runs the action if the window allows; true when it ran. */
            private boolean act(Remediator remediator, String approvedBy) {
                int count = inWindow(host.name(), spec);
                if (count >= spec.max()) {
                    once("limit", RemedyChanges.REFUSED, RemedyChanges.limit(verb(spec), spec, host.name(), count));
                    return false;
                }
                Optional<Platform> platform = platform();
                if (platform.isEmpty()) {
                    once("platform", RemedyChanges.FAILED, RemedyChanges.failed(verb(spec), spec, host.name(),
                            "the platform of " + host.name() + " is not known yet"));
                    return false;
                }
                if (!clock.instant().isBefore(deadline)) {
                    warnings.add("no time left in this cycle to " + verb(spec).base() + " " + spec.target() + " on "
                            + host.name() + "; the next cycle decides again");
                    return false;
                }
                Remediator.Outcome outcome = Isolation.run(() -> runner.run(host, platform.get(), remediator, spec,
                        deadline), remediator.type(), limit(), warnings);
                String id = nextId();
                Instant at = clock.instant();
                actions.add(new RemedyState.Action(id, host.name(), check.name(), spec.target(), spec.with(), at,
                        outcome.done(), outcome.summary(), approvedBy, null));
                memo = new RemedyState.Memo(memo.since(), id, null);
                if (outcome.done()) {
                    record(verb(spec).past().toUpperCase(java.util.Locale.ROOT), RemedyChanges.acted(verb(spec), spec,
                            host.name(), count + 1, outcome.summary(), approvedBy));
                } else {
                    record(RemedyChanges.FAILED, RemedyChanges.failed(verb(spec), spec, host.name(), outcome.summary()));
                }
                return true;
            }

            private Duration limit() {
                Duration own = spec.timeout().plus(HostRunner.OVERHEAD).plusSeconds(1);
                Duration left = Duration.between(clock.instant(), deadline);
                return own.compareTo(left) < 0 ? own : left;
            }

            private Optional<Platform> platform() {
                if (host.platform() != null) {
                    return Optional.of(host.platform());
                }
                return hostState.platform() == null ? Optional.empty() : Platform.fromKey(hostState.platform());
            }

            private Optional<String> command(Remediator remediator, Platform p) {
                try {
                    Optional<String> c = remediator.command(p, spec.target(), spec.options());
                    return c == null ? Optional.empty() : c;
                } catch (RuntimeException | LinkageError e) {
                    return Optional.of("(remediator failed to build its command: " + e + ")");
                }
            }

            /** Records a line once per problem: again only after something else was recorded for it. */
            private void once(String key, String to, String line) {
                if (!key.equals(memo.said())) {
                    record(to, line);
                    memo = new RemedyState.Memo(memo.since(), memo.pending(), key);
                }
            }

            private void record(String to, String line) {
                changes.add(RemedyChanges.change(now, host.name(), check.name(), state.status().name(), to, line));
            }

            private void replace(RemedyState.Request request) {
                requests.replaceAll(r -> r.id().equals(request.id()) ? request : r);
            }
        }
    }

    private Remediator.Verb verb(RemedySpec spec) {
        Remediator remediator = remediators.get(spec.with());
        if (remediator != null) {
            try {
                Remediator.Verb verb = remediator.verb();
                if (verb != null) {
                    return verb;
                }
            } catch (RuntimeException | LinkageError e) {
                // a broken plugin still gets its actions described
            }
        }
        return new Remediator.Verb("remediate", "remediated", "remediating");
    }

    /** Whether the check is a HARD problem now. */
    static boolean hardProblem(CheckState state) {
        StateDetail d = state.detail();
        return d != null && d.type() == StateType.HARD && d.hard() != Status.OK && state.status() != Status.OK;
    }

    /** The status of the check's latest result. */
    static Status latest(CheckState state) {
        return state.detail() != null && state.detail().lastResult() != null ? state.detail().lastResult()
                : state.status();
    }
}
