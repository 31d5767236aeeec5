package org.udjat.checks;

import org.udjat.api.Status;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * How a summary names the threshold that set its status, so the operator sees which option
 * to look at: {@code offset triggers crit "120s"}.
 */
final class Trigger {
    private Trigger() {
    }

    /** {@code what triggers crit "120s"}, or {@code warn} with its range; for a WARNING or CRITICAL status. */
    static String of(String what, Status status, Thresholds limits) {
        Threshold hit = status == Status.CRITICAL ? limits.crit() : limits.warn();
        return what + " triggers " + (status == Status.CRITICAL ? "crit" : "warn") + " \"" + hit.text() + "\"";
    }

    /** {@code  - what triggers crit "120s"} to end a summary with, or empty when the status is OK. */
    static String suffix(String what, Status status, Thresholds limits) {
        return status == Status.OK ? "" : " - " + of(what, status, limits);
    }
}
