package org.udjat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.udjat.config.Config;
import org.udjat.config.ConfigException;
import org.udjat.config.ConfigLoader;
import org.udjat.plugin.Plugins;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A loaded configuration with the plugins it names. Plugins are loaded first, from the
 * {@code plugins_dir} the file names, because validating the config needs the checks they provide.
 */
final class ConfigSession implements AutoCloseable {
    private final Plugins plugins;
    private final Config config;

    private ConfigSession(Plugins plugins, Config config) {
        this.plugins = plugins;
        this.config = config;
    }

    /**
     * Loads plugins and the config.
     *
     * @throws ConfigException with every problem in the file
     */
    static ConfigSession open(Path file, Map<String, String> env) throws ConfigException {
        Plugins plugins = Plugins.load(Plugins.builtinDir(), peekPluginsDir(file));
        try {
            Config config = new ConfigLoader(plugins.checks(), plugins.notifiers(), plugins.remediators(), env).load(file);
            return new ConfigSession(plugins, config);
        } catch (ConfigException | RuntimeException e) {
            plugins.close();
            throw e;
        }
    }

    /** The plugins directory named in the file, or null; any problem is left to the full load to report. */
    private static Path peekPluginsDir(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object root = new Yaml(new LoaderOptions()).load(in);
            if (root instanceof Map<?, ?> map && map.get("plugins_dir") instanceof String dir) {
                Path parent = file.toAbsolutePath().getParent();
                return parent.resolve(dir.startsWith("~/") ? System.getProperty("user.home") + dir.substring(1) : dir);
            }
        } catch (IOException | RuntimeException e) {
            // reported with file:line:column by the full load
        }
        return null;
    }

    Plugins plugins() {
        return plugins;
    }

    Config config() {
        return config;
    }

    @Override
    public void close() {
        plugins.close();
    }
}
