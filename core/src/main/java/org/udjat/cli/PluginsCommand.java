package org.udjat.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.udjat.config.ConfigException;
import org.udjat.plugin.LoadedExtension;
import org.udjat.plugin.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code udjat plugins}: what is loaded, and which extension points each extension serves. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List loaded plugins and extensions, and the plugins that failed to load.")
final class PluginsCommand implements Callable<Integer> {
    private final Context context;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "the YAML configuration file, whose plugins_dir is listed too")
    Path file;

    @Option(names = {"-v", "--verbose"}, description = "log details")
    boolean verbose;

    PluginsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (file == null) {
            try (Plugins plugins = Plugins.load(Plugins.builtinDir(), null)) {
                print(plugins);
            }
            return ExitCode.OK;
        }
        try (ConfigSession session = ConfigSession.open(file, context.env())) {
            print(session.plugins());
            return ExitCode.OK;
        } catch (ConfigException e) {
            ConfigErrors.print(context.err(), e, file, "");
            return ExitCode.USAGE;
        }
    }

    private void print(Plugins plugins) {
        int width = plugins.extensions().stream().mapToInt(e -> e.plugin().length()).max().orElse(0);
        String format = "%-" + Math.max(16, width) + "s  %-12s  %-16s  %s%n";
        context.out().printf(format, "PLUGIN", "POINT", "NAME", "CLASS");
        for (LoadedExtension e : plugins.extensions()) {
            context.out().printf(format, e.plugin(), e.extensionPoint(), e.name(), e.className());
        }
        plugins.externalPlugins().forEach(p -> context.out().printf("plugin %s %s from %s: %s%n",
                p.getPluginId(), p.getDescriptor().getVersion(), p.getPluginPath(), p.getPluginState()));
        plugins.failures().forEach(f -> context.out().println("FAILED  " + f));
    }
}
