package org.udjat.evaluate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.Check;
import org.udjat.config.Config;
import org.udjat.poll.HostPoll;

/**
 * Turns one cycle's raw runs into states and changes: hysteresis both ways (SOFT/HARD with
 * {@code attempts} and {@code recover_attempts}), UNSTABLE instead of flapping noise, stale
 * results as UNKNOWN, and dependency-aware suppression (UNREACHABLE hosts, suppressed checks,
 * root causes and how many dependents each suppresses). Does no I/O; the time is passed in, so
 * results are exact under test. Thread-safe: every call works on its own values.
 *
 * <p>A check that could not run because its host was unreachable keeps its last result, marked
 * as not run, rather than turning into a CRITICAL or going stale: the host's own state says what
 * is wrong.
 */
public final class Evaluator {
    private final OutcomeReader reader;

    /** @param checks the installed check extensions by name, to parse their output */
    public Evaluator(Map<String, Check> checks) {
        this.reader = new OutcomeReader(checks);
    }

    /**
     * Evaluates a cycle.
     *
     * @param previous the snapshot of the previous cycle, if any
     * @param config   the config the cycle ran with
     * @param polls    the poll of each host, by host name
     * @param rechecks hosts polled a second time this cycle (see {@link RecheckPlanner}); their second
     *                 poll is the one that counts, and dependents' changes record both
     * @param started  when the cycle started
     * @param finished when polling finished: the time of the new states and changes
     */
    public Evaluation evaluate(Optional<Snapshot> previous, Config config, Map<String, HostPoll> polls,
                               Map<String, HostPoll> rechecks, Instant started, Instant finished) {
        return new CycleEvaluation(config, previous, polls, rechecks, reader, finished).run(started);
    }
}
