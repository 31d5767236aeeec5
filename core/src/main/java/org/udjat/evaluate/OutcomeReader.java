package org.udjat.evaluate;

import java.util.Map;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.NagiosOutput;
import org.udjat.api.RawOutput;
import org.udjat.config.CheckSpec;

/**
 * Turns a completed run's raw output into an outcome: with the check extension's parser, or
 * with the Nagios plugin conventions for a command line. A parser that throws is contained:
 * the result is UNKNOWN naming the check, never a failed cycle.
 */
final class OutcomeReader {
    private final Map<String, Check> checks;

    OutcomeReader(Map<String, Check> checks) {
        this.checks = checks;
    }

    /** The outcome without any memory of the check's, for a second look at a run (rechecks). */
    CheckOutcome read(CheckSpec spec, RawOutput raw) {
        return read(spec, raw, Map.of());
    }

    /**
     * The outcome, given the memory the check left at its last parse. When the parser fails, the
     * outcome keeps that memory, so one bad parse does not make the check forget.
     */
    CheckOutcome read(CheckSpec spec, RawOutput raw, Map<String, String> memory) {
        if (!spec.isExtension()) {
            return NagiosOutput.parse(raw);
        }
        Check check = checks.get(spec.check());
        if (check == null) {
            return CheckOutcome.unknown("check " + spec.check() + " is not loaded", raw.text()).withMemory(memory);
        }
        try {
            CheckOutcome outcome = check.parse(raw, spec.options(), memory);
            if (outcome == null || outcome.status() == null) {
                return CheckOutcome.unknown("check " + spec.check() + " returned no result", raw.text()).withMemory(memory);
            }
            return outcome;
        } catch (RuntimeException | LinkageError e) {
            return CheckOutcome.unknown("check " + spec.check() + " failed to read its output: " + e, raw.text())
                    .withMemory(memory);
        }
    }
}
