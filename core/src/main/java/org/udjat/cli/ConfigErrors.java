package org.udjat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.udjat.config.ConfigException;

/** Prints a rejected configuration the same way for every command. */
final class ConfigErrors {
    private ConfigErrors() {
    }

    static void print(PrintWriter err, ConfigException e, Path file, String consequence) {
        e.errors().forEach(error -> err.println(error.format()));
        int n = e.errors().size();
        err.printf("%d problem%s in %s%s%n", n, n == 1 ? "" : "s", file.getFileName(), consequence);
    }
}
