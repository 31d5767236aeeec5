package org.udjat.dispatch.control;

import java.util.List;
import java.util.Objects;

/**
 * What a store read or changed, with what an operator should know about its file.
 *
 * @param value    what was read (the empty value when the file is missing or unusable), or what a change
 *                 returns (see each method)
 * @param warnings a file unreadable, or set aside; already logged; empty when all is well
 * @param <T>      the kind of value
 */
public record Stored<T>(T value, List<String> warnings) {
    public Stored {
        Objects.requireNonNull(value, "value");
        warnings = List.copyOf(warnings);
    }
}
