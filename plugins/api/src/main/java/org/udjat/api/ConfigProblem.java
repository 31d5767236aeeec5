package org.udjat.api;

/**
 * One thing wrong with a configuration value, found while validating.
 *
 * @param key     the option key the problem is about, relative to the object being validated
 *                (e.g. {@code warn}); empty when it concerns the whole object. The config
 *                loader turns it into {@code file:line:column: path}.
 * @param message what was expected and what was found, e.g. {@code expected a percentage like "90%", got "lots"}
 */
public record ConfigProblem(String key, String message) {
    public ConfigProblem {
        key = key == null ? "" : key;
    }

    /** A problem with the whole object rather than one key. */
    public static ConfigProblem of(String message) {
        return new ConfigProblem("", message);
    }
}
