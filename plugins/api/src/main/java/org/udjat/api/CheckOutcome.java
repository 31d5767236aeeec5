package org.udjat.api;

import java.util.List;

/**
 * A parsed check result in Nagios terms, before the engine adds host, time and state.
 *
 * @param status     OK, WARNING, CRITICAL or UNKNOWN
 * @param summary    one line for humans (the first line of plugin output)
 * @param longOutput further lines, possibly empty
 * @param perfData   every measured value
 */
public record CheckOutcome(Status status, String summary, String longOutput, List<PerfDatum> perfData) {
    public CheckOutcome {
        summary = summary == null ? "" : summary;
        longOutput = longOutput == null ? "" : longOutput;
        perfData = perfData == null ? List.of() : List.copyOf(perfData);
    }

    /** An UNKNOWN outcome carrying an explanation, e.g. for unparseable output. */
    public static CheckOutcome unknown(String summary, String longOutput) {
        return new CheckOutcome(Status.UNKNOWN, summary, longOutput, List.of());
    }
}
