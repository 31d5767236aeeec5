package org.udjat.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Gathers the problems of one file while it is read, so all of them are reported at once. */
final class ErrorCollector {
    private final String file;
    private final List<ConfigError> errors = new ArrayList<>();

    ErrorCollector(String file) {
        this.file = file;
    }

    /** Records a problem at a node's start (SnakeYAML marks are 0-based; ours are 1-based). */
    void add(Node at, String path, String message) {
        add(at.getStartMark(), path, message);
    }

    void add(Mark mark, String path, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        errors.add(new ConfigError(file, line, column, path, message));
    }

    /** A problem found before there is any node to point at, reported at line 1, column 1. */
    void addAtStart(String message) {
        add((Mark) null, "", message);
    }

    /** A problem with the file as a whole, printed without a position. */
    void addForFile(String message) {
        errors.add(new ConfigError(file, 0, 0, "", message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws the collected problems, if there are any. */
    void throwIfAny() throws ConfigException {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
