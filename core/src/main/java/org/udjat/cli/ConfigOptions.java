package org.udjat.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that reads a config file shares. */
public final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
            description = "the YAML configuration file")
    Path file;

    @Option(names = {"-v", "--verbose"}, description = "log details (SSH negotiation, plugin loading, timings)")
    boolean verbose;
}
