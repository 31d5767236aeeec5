package org.udjat.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file was rejected. Carries every problem found, sorted by position, so
 * an operator can fix them all in one go; its message is one formatted line per problem.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    /** A rejection listing the given problems, which must not be empty. */
    public ConfigException(List<ConfigError> errors) {
        super(errors.stream().sorted(ConfigError.BY_POSITION).map(ConfigError::format)
                .collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.errors = errors.stream().sorted(ConfigError.BY_POSITION).toList();
    }

    /** Every problem, sorted by line then column. */
    public List<ConfigError> errors() {
        return errors;
    }
}
