package org.udjat.poll;

import java.time.Duration;
import org.udjat.api.RawOutput;

/**
 * The raw outcome of one check's command in one cycle, before parsing.
 *
 * @param check    the check's name within its host
 * @param state    whether it ran, timed out or never ran
 * @param raw      output and exit code; empty output for NOT_RUN
 * @param duration how long the command ran, as measured on the host (zero when not run)
 * @param reason   why it did not complete (e.g. {@code timed out after 10s}), empty when it did
 */
public record CheckRun(String check, RunState state, RawOutput raw, Duration duration, String reason) {
    public CheckRun {
        reason = reason == null ? "" : reason;
    }

    /** A check that never ran, with the reason. */
    public static CheckRun notRun(String check, String reason) {
        return new CheckRun(check, RunState.NOT_RUN, new RawOutput("", 3, false), Duration.ZERO, reason);
    }
}
