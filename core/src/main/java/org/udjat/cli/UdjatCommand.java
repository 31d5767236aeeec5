package org.udjat.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code udjat} command; the work is done by its subcommands. */
@Command(name = "udjat",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Agentless server monitoring: polls hosts over SSH, keeps state, reports.",
        subcommands = {RunCommand.class, CheckConfigCommand.class, StatusCommand.class, ReportCommand.class, CgiCommand.class,
            PluginsCommand.class, DutyCommand.class, AckCommand.class, DowntimeCommand.class, ReplayCommand.class,
            WatchdogCommand.class, RemediateCommand.class},
        footer = {"", "Exit codes:",
            "  0   done (for run: a cycle completed, whatever the hosts' states)",
            "  1   software error",
            "  2   bad usage or bad configuration; nothing was polled",
            "  75  another run holds the lock; nothing was touched"})
public final class UdjatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("udjat: a command is required, e.g. udjat run -c udjat.yaml");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
