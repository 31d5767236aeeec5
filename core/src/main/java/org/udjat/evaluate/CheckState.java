package org.udjat.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.udjat.api.PerfDatum;
import org.udjat.api.Status;

/**
 * The current state of one check, as kept in the status file between cycles.
 *
 * @param check      the check's name within its host
 * @param status     the current status
 * @param summary    first line of the latest output
 * @param longOutput further lines of the latest output
 * @param perfData   measured values of the latest result
 * @param lastResult when the latest fresh result was produced; null when the check never ran
 * @param duration   how long the latest run took on the host
 * @param note       what the engine adds about the latest run (e.g. {@code output capped at 64 KiB},
 *                   {@code not run: host unreachable}); empty when nothing
 * @param since      when the check entered its current status
 * @param detail     the state engine's memory (SOFT/HARD, attempts, flips, suppression); null in status
 *                   files written before it existed and for a check that never had a result
 * @param memory     what the check asked to be given back at its next parse
 *                   ({@link org.udjat.api.CheckOutcome#memory}), already cut to the engine's limits;
 *                   empty for stateless checks and in status files written before it existed
 */
public record CheckState(
        String check,
        Status status,
        String summary,
        String longOutput,
        List<PerfDatum> perfData,
        Instant lastResult,
        Duration duration,
        String note,
        Instant since,
        StateDetail detail,
        Map<String, String> memory) {

    /** A check state without the check's own memory. */
    public CheckState(String check, Status status, String summary, String longOutput, List<PerfDatum> perfData,
                      Instant lastResult, Duration duration, String note, Instant since, StateDetail detail) {
        this(check, status, summary, longOutput, perfData, lastResult, duration, note, since, detail, Map.of());
    }

    /** A check state without engine memory, as older status files hold them. */
    public CheckState(String check, Status status, String summary, String longOutput, List<PerfDatum> perfData,
                      Instant lastResult, Duration duration, String note, Instant since) {
        this(check, status, summary, longOutput, perfData, lastResult, duration, note, since, null);
    }

    public CheckState {
        summary = summary == null ? "" : summary;
        longOutput = longOutput == null ? "" : longOutput;
        perfData = perfData == null ? List.of() : List.copyOf(perfData);
        note = note == null ? "" : note;
        memory = memory == null || memory.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(memory));
    }
}
