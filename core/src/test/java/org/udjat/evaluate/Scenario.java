package org.udjat.evaluate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.config.StatePolicy;
import org.udjat.poll.CheckRun;
import org.udjat.poll.HostPoll;

/**
 * A state-engine test bench: hosts and checks built in code, results set per cycle, a settable
 * clock that advances one interval per cycle, and the snapshot carried from cycle to cycle
 * (optionally through a persistence step, to compare with an uninterrupted run).
 */
final class Scenario {
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Map<String, HostSpec> hosts = new LinkedHashMap<>();
    private final Set<String> down = new HashSet<>();
    private final Map<String, Status> results = new HashMap<>();
    private final Set<String> missing = new HashSet<>();
    private final List<Evaluation> evaluations = new ArrayList<>();
    private UnaryOperator<Optional<Snapshot>> carry = s -> s;
    private Optional<Snapshot> snapshot = Optional.empty();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    static StatePolicy policy(int attempts, int recover) {
        return StatePolicy.DEFAULT.withAttempts(attempts, recover);
    }

    static CheckSpec check(String name, StatePolicy policy, String... dependsOn) {
        return new CheckSpec(name, null, name, Settings.empty(), Duration.ofSeconds(10), 4096, policy,
                List.of(dependsOn));
    }

    Scenario host(String name, StatePolicy policy, List<String> parents, CheckSpec... checks) {
        hosts.put(name, new HostSpec(name, name, 22, HostSpec.Transport.LOCAL, null, List.of(), parents, null,
                List.of(checks), policy));
        return this;
    }

    /** Each cycle's snapshot goes through {@code step} (e.g. a save and load) before the next cycle. */
    Scenario carryThrough(UnaryOperator<Optional<Snapshot>> step) {
        this.carry = step;
        return this;
    }

    Config config() {
        return new Config(Path.of("udjat.yaml"), Path.of("/state"), null, INTERVAL, Duration.ofSeconds(50), 4, hosts);
    }

    Scenario down(String... names) {
        down.addAll(List.of(names));
        return this;
    }

    Scenario up(String... names) {
        down.removeAll(List.of(names));
        return this;
    }

    /** Sets the result of {@code host/check} from now on. */
    Scenario set(String subject, Status status) {
        results.put(subject, status);
        missing.remove(subject);
        return this;
    }

    /** {@code host/check} reports nothing from now on, as when the script ended before it. */
    Scenario missing(String subject) {
        missing.add(subject);
        return this;
    }

    /** The polls of this cycle as the poller would give them. */
    Map<String, HostPoll> polls() {
        Map<String, HostPoll> polls = new LinkedHashMap<>();
        hosts.values().forEach(h -> polls.put(h.name(), poll(h, !down.contains(h.name()))));
        return polls;
    }

    HostPoll poll(HostSpec h, boolean reached) {
        if (!reached) {
            List<CheckRun> runs = h.checks().stream()
                    .map(c -> CheckRun.notRun(c.name(), "host unreachable: connection refused")).toList();
            return new HostPoll(h.name(), false, "connection refused", null, runs, now, Duration.ZERO);
        }
        List<CheckRun> runs = new ArrayList<>();
        for (CheckSpec c : h.checks()) {
            String subject = h.name() + "/" + c.name();
            if (missing.contains(subject)) {
                runs.add(CheckRun.notRun(c.name(), "no result: the script ended before reporting this check"));
                continue;
            }
            Status s = results.getOrDefault(subject, Status.OK);
            runs.add(new CheckRun(c.name(), org.udjat.poll.RunState.COMPLETED,
                    new RawOutput(s + " - " + c.name(), s.ordinal(), false), Duration.ofMillis(5), ""));
        }
        return new HostPoll(h.name(), true, "", null, runs, now, Duration.ofMillis(10));
    }

    HostSpec spec(String name) {
        return hosts.get(name);
    }

    Evaluation cycle() {
        return cycle(polls(), Map.of());
    }

    /** One cycle with these polls and re-checks; the clock then moves on by one interval. */
    Evaluation cycle(Map<String, HostPoll> polls, Map<String, HostPoll> rechecks) {
        Evaluation e = new Evaluator(Map.of()).evaluate(snapshot, config(), polls, rechecks, now, now);
        evaluations.add(e);
        snapshot = carry.apply(Optional.of(e.snapshot()));
        now = now.plus(INTERVAL);
        return e;
    }

    Optional<Snapshot> snapshot() {
        return snapshot;
    }

    List<Change> allChanges() {
        return evaluations.stream().flatMap(e -> e.changes().stream()).toList();
    }

    HostState hostState(String name) {
        return snapshot.orElseThrow().host(name).orElseThrow();
    }

    CheckState checkState(String subject) {
        String[] parts = subject.split("/", 2);
        return hostState(parts[0]).checks().stream().filter(c -> c.check().equals(parts[1])).findFirst().orElseThrow();
    }

    static Optional<Change> changeOf(Evaluation e, String subject) {
        return e.changes().stream().filter(c -> c.subject().equals(subject)).findFirst();
    }
}
