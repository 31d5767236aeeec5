package org.udjat.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.udjat.config.Config;
import org.udjat.dispatch.control.Duty;
import org.udjat.dispatch.control.DutyStore;
import org.udjat.record.StateDir;
import org.udjat.report.PlainText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code udjat duty take NAME | show}: who pages go to. Taking duty is explicit; nothing hands it over by itself. */
@Command(name = "duty", mixinStandardHelpOptions = true,
        description = "Who is on duty: the person pages go to first.",
        subcommands = {DutyCommand.Take.class, DutyCommand.Show.class})
final class DutyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ControlRun.needsSubcommand(spec, "duty needs take NAME or show, e.g. udjat duty show -c udjat.yaml");
    }

    /** {@code udjat duty take NAME}. */
    @Command(name = "take", mixinStandardHelpOptions = true,
            description = "Go on duty: pages go to NAME (a contact in the config) from now on.")
    static final class Take extends ControlCommand {
        @Parameters(paramLabel = "NAME", description = "the contact taking duty")
        String name;

        Take(Context context) {
            super(context);
        }

        @Override
        int run(Config config, StateDir dir) throws IOException, ControlRun.UsageException {
            ControlRun.contact(config, name, "NAME");
            Instant now = context.clock().instant();
            Optional<Duty> previous = ControlRun.warned(context, new DutyStore(dir).take(name, now));
            if (previous.isEmpty()) {
                context.out().println(name + " is on duty now; nobody was before.");
            } else if (previous.get().name().equals(name)) {
                context.out().println(name + " is already on duty, since " + ControlRun.time(previous.get().since())
                        + ".");
            } else {
                context.out().println(name + " is on duty now, taking over from " + previous.get().name()
                        + " (on duty since " + ControlRun.time(previous.get().since()) + ").");
            }
            return ExitCode.OK;
        }
    }

    /** {@code udjat duty show}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show who is on duty, and since when.")
    static final class Show extends ControlCommand {
        Show(Context context) {
            super(context);
        }

        @Override
        int run(Config config, StateDir dir) {
            Optional<Duty> duty = ControlRun.warned(context, new DutyStore(dir).read());
            Instant now = context.clock().instant();
            if (duty.isEmpty()) {
                var escalation = config.notifications().escalation();
                context.out().println("nobody is on duty: pages go to the escalation list ("
                        + (escalation.isEmpty() ? "empty: no contacts in the config" : String.join(", ", escalation))
                        + ").");
                return ExitCode.OK;
            }
            Duty d = duty.get();
            context.out().println(PlainText.oneLine(d.name()) + " is on duty since " + ControlRun.time(d.since()) + " ("
                    + StatusView.human(Math.max(0, Duration.between(d.since(), now).toSeconds())) + ").");
            if (!config.notifications().contacts().containsKey(d.name())) {
                context.err().println("udjat: warning: " + PlainText.oneLine(d.name()) + " is not a contact in " + config.file()
                        + " any more; take duty again with udjat duty take NAME");
            }
            return ExitCode.OK;
        }
    }
}
