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

    CheckOutcome read(CheckSpec spec, RawOutput raw) {
        if (!spec.isExtension()) {
            return NagiosOutput.parse(raw);
        }
        Check check = checks.get(spec.check());
        if (check == null) {
            return CheckOutcome.unknown("check " + spec.check() + " is not loaded", raw.text());
        }
        try {
            CheckOutcome outcome = check.parse(raw, spec.options());
            if (outcome == null || outcome.status() == null) {
                return CheckOutcome.unknown("check " + spec.check() + " returned no result", raw.text());
            }
            return outcome;
        } catch (RuntimeException | LinkageError e) {
            return CheckOutcome.unknown("check " + spec.check() + " failed to read its output: " + e, raw.text());
        }
    }
}
