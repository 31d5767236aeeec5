package org.udjat.cli;

import picocli.CommandLine.Command;

/** The top-level {@code udjat} command; the work is done by its subcommands. */
@Command(name = "udjat",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Agentless server monitoring: polls hosts over SSH, keeps state, reports.",
        subcommands = {RunCommand.class, CheckConfigCommand.class, StatusCommand.class, PluginsCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 software error, 2 bad usage or config, 75 another run holds the lock."})
public final class UdjatCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. udjat run -c udjat.yaml");
    }
}
