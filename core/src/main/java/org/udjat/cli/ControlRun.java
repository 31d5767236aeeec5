package org.udjat.cli;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.udjat.api.Contact;
import org.udjat.config.Config;
import org.udjat.config.ConfigException;
import org.udjat.config.Suggester;
import org.udjat.dispatch.control.Stored;
import org.udjat.record.StateDir;
import org.udjat.report.PlainText;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the operator commands ({@code duty}, {@code ack}, {@code downtime}) share: loading the config,
 * opening the state directory, turning failures into {@code udjat: ...} and an exit code, and checking
 * names against the config.
 */
final class ControlRun {
    private ControlRun() {
    }

    /** The work of a command, given the loaded config and its state directory. */
    @FunctionalInterface
    interface Work {
        int run(Config config, StateDir dir) throws IOException, UsageException;
    }

    /** A mistake of the operator's, printed as {@code udjat: <message>}, exit {@link ExitCode#USAGE}. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Loads the config named by {@code options}, opens its state directory and runs {@code work}. */
    static int run(Context context, ConfigOptions options, Work work) {
        try (ConfigSession session = ConfigSession.open(options.file, context.env())) {
            Config config = session.config();
            return work.run(config, StateDir.open(config.stateDir(), context.clock()));
        } catch (ConfigException e) {
            ConfigErrors.print(context.err(), e, options.file, "");
            return ExitCode.USAGE;
        } catch (UsageException e) {
            context.err().println("udjat: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException e) {
            context.err().println("udjat: " + e.getMessage());
            return ExitCode.SOFTWARE;
        }
    }

    /**
     * Checks that {@code name} is a contact of the config.
     *
     * @param option how the name was given, for the message: {@code --by}, {@code NAME}
     * @throws UsageException naming the closest contact, or saying there are none
     */
    static Contact contact(Config config, String name, String option) throws UsageException {
        Contact contact = config.notifications().contacts().get(name);
        if (contact != null) {
            return contact;
        }
        List<String> names = List.copyOf(config.notifications().contacts().keySet());
        if (names.isEmpty()) {
            throw new UsageException(option + ": \"" + PlainText.oneLine(name) + "\" is not a contact: " + config.file()
                    + " has none; add them under contacts:");
        }
        throw new UsageException(option + ": " + Suggester.unknown("contact", PlainText.oneLine(name), names, true));
    }

    /** An instant as the commands print it: ISO-8601 in UTC, whole seconds. */
    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Every warning of a store, on standard error. */
    static void warn(Context context, List<String> warnings) {
        warnings.forEach(w -> context.err().println("udjat: warning: " + w));
    }

    /** What a store read or changed, after its warnings are printed on standard error. */
    static <T> T warned(Context context, Stored<T> stored) {
        warn(context, stored.warnings());
        return stored.value();
    }

    /** A command group called without its subcommand: says what it needs, shows its usage, exit {@link ExitCode#USAGE}. */
    static int needsSubcommand(CommandSpec spec, String message) {
        spec.commandLine().getErr().println("udjat: " + message);
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
