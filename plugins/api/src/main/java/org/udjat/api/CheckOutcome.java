package org.udjat.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed check result in Nagios terms, before the engine adds host, time and state.
 *
 * @param status     OK, WARNING, CRITICAL or UNKNOWN
 * @param summary    one line for humans (the first line of plugin output)
 * @param longOutput further lines, possibly empty
 * @param perfData   every measured value
 * @param memory     what the check wants back at its next parse on the same host (see
 *                   {@link Check#parse(RawOutput, Settings, Map)}), in the order it should be kept
 *                   when cut; empty for a stateless check. The engine keeps at most
 *                   {@link #MEMORY_ENTRIES} entries whose key and value are each at most
 *                   {@link #MEMORY_CHARS} characters, drops the rest and says so in the check's note.
 */
public record CheckOutcome(Status status, String summary, String longOutput, List<PerfDatum> perfData,
                           Map<String, String> memory) {
    /** The most entries of memory the engine keeps for one check on one host. */
    public static final int MEMORY_ENTRIES = 64;
    /** The longest key or value of memory the engine keeps. */
    public static final int MEMORY_CHARS = 256;

    public CheckOutcome {
        summary = summary == null ? "" : summary;
        longOutput = longOutput == null ? "" : longOutput;
        perfData = perfData == null ? List.of() : List.copyOf(perfData);
        memory = memory == null || memory.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(memory));
    }

    /** An outcome without memory, as a stateless check gives. */
    public CheckOutcome(Status status, String summary, String longOutput, List<PerfDatum> perfData) {
        this(status, summary, longOutput, perfData, Map.of());
    }

    /** An UNKNOWN outcome carrying an explanation, e.g. for unparseable output. */
    public static CheckOutcome unknown(String summary, String longOutput) {
        return new CheckOutcome(Status.UNKNOWN, summary, longOutput, List.of());
    }

    /** This outcome with the given memory instead of its own, e.g. an UNKNOWN that keeps what the last cycle knew. */
    public CheckOutcome withMemory(Map<String, String> memory) {
        return new CheckOutcome(status, summary, longOutput, perfData, memory);
    }
}
