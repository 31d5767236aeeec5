package org.udjat.cli;

import java.util.concurrent.Callable;
import org.udjat.config.Config;
import org.udjat.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code udjat check-config}: validates the config file and the plugins it needs, polls nothing. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Validate the configuration file; poll nothing. Exit 0 when valid, 2 with every problem listed.")
final class CheckConfigCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConfigOptions options;

    CheckConfigCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ConfigSession session = ConfigSession.open(options.file, context.env())) {
            Config config = session.config();
            int checks = config.hosts().values().stream().mapToInt(h -> h.checks().size()).sum();
            context.out().printf("%s: OK, %d hosts, %d checks%n", options.file, config.hosts().size(), checks);
            session.plugins().failures().forEach(f -> context.out().println("  warning: plugin " + f));
            return ExitCode.OK;
        } catch (ConfigException e) {
            ConfigErrors.print(context.err(), e, options.file, "");
            return ExitCode.USAGE;
        }
    }
}
