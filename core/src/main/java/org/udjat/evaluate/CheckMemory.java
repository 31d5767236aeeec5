package org.udjat.evaluate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.udjat.api.CheckOutcome;

/**
 * Cuts the memory a check returns to what the engine keeps in status.json: the first
 * {@link CheckOutcome#MEMORY_ENTRIES} entries, in the check's order, whose key and value fit in
 * {@link CheckOutcome#MEMORY_CHARS} characters. An entry that is too long is dropped whole,
 * never shortened, since a shortened value would read back as a different one. Pure.
 *
 * @param kept    what is kept
 * @param dropped how many entries were dropped
 */
record CheckMemory(Map<String, String> kept, int dropped) {

    static CheckMemory cut(Map<String, String> memory) {
        Map<String, String> kept = new LinkedHashMap<>();
        int dropped = 0;
        for (Map.Entry<String, String> e : memory.entrySet()) {
            boolean fits = e.getKey() != null && e.getValue() != null && e.getKey().length() <= CheckOutcome.MEMORY_CHARS
                    && e.getValue().length() <= CheckOutcome.MEMORY_CHARS;
            if (fits && kept.size() < CheckOutcome.MEMORY_ENTRIES) {
                kept.put(e.getKey(), e.getValue());
            } else {
                dropped++;
            }
        }
        return new CheckMemory(kept, dropped);
    }

    /** {@code check memory cut: 3 of 70 entries dropped (...)}, for the check's note; empty when nothing was. */
    String note() {
        if (dropped == 0) {
            return "";
        }
        return "check memory cut: " + dropped + " of " + (kept.size() + dropped) + " entries dropped (at most "
                + CheckOutcome.MEMORY_ENTRIES + " entries, keys and values of at most " + CheckOutcome.MEMORY_CHARS
                + " characters)";
    }
}
