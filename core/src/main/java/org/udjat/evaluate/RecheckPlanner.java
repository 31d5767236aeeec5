package org.udjat.evaluate;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.udjat.api.Check;
import org.udjat.api.Status;
import org.udjat.config.CheckRef;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.poll.CheckRun;
import org.udjat.poll.HostPoll;
import org.udjat.poll.RunState;

/**
 * Chooses the hosts to poll a second time in a cycle: a parent that looked fine while a host
 * behind it was not reached, and the host of a dependency that looked fine while a check
 * depending on it failed. Without this, a parent that died between its own poll and its
 * children's would let every child raise its own problem: an alert storm.
 *
 * <p>Only failures that may still become news count: a host or check already in a HARD problem
 * is not a reason to poll its parents again every cycle. Dependencies on the same host are not
 * re-checked (they ran in the same script, moments apart). Each host is named at most once, so a
 * cycle re-polls each parent at most once. Pure; does no I/O.
 */
public final class RecheckPlanner {
    private final OutcomeReader reader;

    /** @param checks the installed check extensions by name, to read their outcome */
    public RecheckPlanner(Map<String, Check> checks) {
        this.reader = new OutcomeReader(checks);
    }

    /** The hosts to poll again, in config order; empty when none. */
    public Set<String> plan(Optional<Snapshot> previous, Config config, Map<String, HostPoll> polls) {
        Set<String> again = new LinkedHashSet<>();
        for (HostSpec host : config.hostList()) {
            HostPoll poll = polls.get(host.name());
            if (poll == null) {
                continue;
            }
            Optional<HostState> before = previous.flatMap(s -> s.host(host.name()));
            if (!poll.reached()) {
                if (!settled(before.map(HostState::detail).orElse(null))) {
                    host.parents().stream().filter(p -> reached(polls.get(p))).forEach(again::add);
                }
                continue;
            }
            for (CheckSpec check : host.checks()) {
                Status status = status(check, run(poll, check.name()));
                StateDetail was = before.flatMap(h -> h.checks().stream()
                        .filter(c -> c.check().equals(check.name())).findFirst()).map(CheckState::detail).orElse(null);
                if (status == null || status == Status.OK || settled(was)) {
                    continue;
                }
                for (String written : check.dependsOn()) {
                    CheckRef dep = CheckRef.resolve(host.name(), written, config.hosts());
                    HostPoll depPoll = polls.get(dep.host());
                    if (!dep.host().equals(host.name()) && reached(depPoll)
                            && dep.in(config.hosts()).map(s -> status(s, run(depPoll, s.name())) == Status.OK)
                            .orElse(false)) {
                        again.add(dep.host());
                    }
                }
            }
        }
        return again;
    }

    /** Already a HARD problem: nothing new to decide. */
    private static boolean settled(StateDetail detail) {
        return detail != null && detail.state() != Status.OK && detail.type() == StateType.HARD;
    }

    private static boolean reached(HostPoll poll) {
        return poll != null && poll.reached();
    }

    private static CheckRun run(HostPoll poll, String check) {
        return poll.checks().stream().filter(r -> r.check().equals(check)).findFirst().orElse(null);
    }

    /** The status of a run, or null when it did not complete (no verdict to act on). */
    private Status status(CheckSpec spec, CheckRun run) {
        if (run == null || run.state() == RunState.NOT_RUN) {
            return null;
        }
        return run.state() == RunState.TIMED_OUT ? Status.UNKNOWN : reader.read(spec, run.raw()).status();
    }
}
