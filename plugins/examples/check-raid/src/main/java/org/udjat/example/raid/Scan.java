package org.udjat.example.raid;

import java.util.List;

/**
 * What a parser read from one command's output: the arrays, or why the output could not be read.
 *
 * @param arrays  every array found, in the order listed
 * @param source  where they were read, for the long output: {@code /proc/mdstat}, {@code gmirror and graid}
 * @param note    a fact worth telling, e.g. that the md driver is not loaded; may be empty
 * @param problem why the output could not be read, or empty when it was read whole
 */
record Scan(List<RaidArray> arrays, String source, String note, String problem) {
    Scan {
        arrays = List.copyOf(arrays);
    }

    static Scan read(List<RaidArray> arrays, String source, String note) {
        return new Scan(arrays, source, note, "");
    }

    static Scan unreadable(String source, String problem) {
        return new Scan(List.of(), source, "", problem);
    }

    boolean readable() {
        return problem.isEmpty();
    }
}
