package org.udjat.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.udjat.api.CheckOutcome;
import org.udjat.config.CheckSpec;
import org.udjat.poll.CheckRun;

/**
 * What one run of a check counts as: a fresh outcome, a stale UNKNOWN, or nothing yet (the run is
 * missing but the last result is recent enough to stand). Pure.
 *
 * @param outcome the outcome to feed the state machine
 * @param fresh   whether it is a result of this cycle (else its time is the last fresh result's)
 */
record CheckResult(CheckOutcome outcome, boolean fresh) {

    /**
     * The result of a run, or null when there is none this cycle and the last one still stands.
     *
     * @param lastResult when the last fresh result was produced, null if never
     * @param interval   the cron interval; a result older than {@code stale_after} intervals is stale
     * @param memory     the check's memory from its last parse; an outcome the check's parser did not
     *                   make (timed out, not run, stale) carries it on unchanged
     */
    static CheckResult of(CheckSpec spec, CheckRun run, OutcomeReader reader, Instant lastResult, Duration interval,
                          Instant now, Map<String, String> memory) {
        switch (run.state()) {
            case COMPLETED:
                return new CheckResult(reader.read(spec, run.raw(), memory), true);
            case TIMED_OUT:
                return new CheckResult(CheckOutcome.unknown("timed out after " + seconds(spec.timeout()),
                        run.raw().text()).withMemory(memory), true);
            default:
                break;
        }
        String reason = run.reason().isEmpty() ? "not run" : run.reason();
        if (lastResult == null) {
            return new CheckResult(CheckOutcome.unknown(reason, "").withMemory(memory), false);
        }
        Duration age = Duration.between(lastResult, now);
        if (age.compareTo(interval.multipliedBy(spec.policy().staleAfter())) < 0) {
            return null;
        }
        return new CheckResult(CheckOutcome.unknown("stale: no fresh result for " + human(age) + " (" + reason + ")",
                "").withMemory(memory), false);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** {@code 45s}, {@code 5m}, {@code 2h10m}: an age for a person. */
    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : s % 3600 / 60 + "m");
    }
}
