package org.udjat.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.config.Config;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.Evaluation;
import org.udjat.evaluate.Evaluator;
import org.udjat.evaluate.Snapshot;

/**
 * Runs the results a recorded history implies through the state engine of a (possibly changed)
 * config, cycle by cycle: what the hysteresis, flap detection and dependencies of that config
 * would have made of the same results. Nothing is polled and nothing is written.
 */
public final class StateReplay {

    /**
     * One replayed cycle.
     *
     * @param time     when the cycle ran
     * @param snapshot the states after it
     * @param changes  the changes it found, suppressed ones included
     */
    public record ReplayedCycle(Instant time, Snapshot snapshot, List<Change> changes) {
        public ReplayedCycle {
            changes = List.copyOf(changes);
        }
    }

    private StateReplay() {
    }

    /** Every cycle the history implies, in order, evaluated with {@code config}. */
    public static List<ReplayedCycle> run(Config config, List<Change> history) {
        RecordedResults results = new RecordedResults(history);
        Evaluator evaluator = new Evaluator(ReplayPolls.RecordedCheck.forEvery(config));
        List<ReplayedCycle> cycles = new ArrayList<>();
        Optional<Snapshot> previous = Optional.empty();
        for (Instant t : results.cycles(config.interval())) {
            Evaluation e = evaluator.evaluate(previous, config, ReplayPolls.at(config, results, t), Map.of(), t, t);
            cycles.add(new ReplayedCycle(t, e.snapshot(), e.changes()));
            previous = Optional.of(e.snapshot());
        }
        return cycles;
    }
}
