package org.udjat.config;

import java.util.Comparator;

/**
 * One problem found in a configuration file, with where it is and what was expected.
 *
 * @param file    the file as given on the command line
 * @param line    1-based line, or 0 when the problem concerns the whole file (e.g. it cannot be read)
 * @param column  1-based column, or 0 with {@code line} 0
 * @param path    where in the YAML structure, e.g. {@code hosts.db1.checks[2].timeout}; empty for the top level
 * @param message what was expected and what was found; never contains a secret value
 */
public record ConfigError(String file, int line, int column, String path, String message) {

    /** Orders errors as they appear in the file: by line, then column. */
    public static final Comparator<ConfigError> BY_POSITION =
            Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column);

    public ConfigError {
        path = path == null ? "" : path;
    }

    /** The error as one line, e.g. {@code udjat.yaml:14:5: hosts.db1.timeout: expected a duration like "30s", got "5 minutes"}. */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
