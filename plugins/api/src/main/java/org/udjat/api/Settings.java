package org.udjat.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options a user wrote for a check, notifier or remediator, as plain values
 * (strings, numbers, booleans, lists and maps) with nothing of the YAML library in them.
 * Immutable; safe to share between threads.
 */
public final class Settings {
    private static final Settings EMPTY = new Settings(Map.of());
    private final Map<String, Object> values;

    private Settings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Settings holding a copy of the given map. */
    public static Settings of(Map<String, ?> values) {
        return values.isEmpty() ? EMPTY : new Settings(new LinkedHashMap<>(values));
    }

    /** No options. */
    public static Settings empty() {
        return EMPTY;
    }

    /** Every key and value, in the order written. */
    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value as text (numbers and booleans rendered as written), or empty when absent. */
    public Optional<String> string(String key) {
        Object v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /** The value as text, or the fallback when absent. */
    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    /**
     * The value as a list of strings; a single value counts as a one-element list.
     * Empty when absent.
     */
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    /**
     * The value as a boolean.
     *
     * @throws IllegalArgumentException when present but not {@code true} or {@code false}
     */
    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(key + ": expected true or false, got \"" + v + "\"");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
