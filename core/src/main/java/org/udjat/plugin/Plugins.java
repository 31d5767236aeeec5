package org.udjat.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.api.Check;

/**
 * The extensions available to a cycle: built-in ones found on the classpath and those of
 * external PF4J plugins in the configured plugins directory. A plugin or extension that fails
 * to load, start or instantiate is recorded as a {@link PluginFailure} and left out; loading
 * never throws because of a plugin.
 */
public final class Plugins implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private final UdjatPluginManager manager;
    private final Map<String, Check> checks;
    private final List<LoadedExtension> extensions;
    private final List<PluginFailure> failures;

    private Plugins(UdjatPluginManager manager, Map<String, Check> checks,
                    List<LoadedExtension> extensions, List<PluginFailure> failures) {
        this.manager = manager;
        this.checks = Collections.unmodifiableMap(checks);
        this.extensions = List.copyOf(extensions);
        this.failures = List.copyOf(failures);
    }

    /**
     * Loads built-in extensions and, when {@code pluginsDir} is not null, the plugins in it.
     * A missing plugins directory is a failure entry, not an exception.
     */
    public static Plugins load(Path pluginsDir) {
        List<Path> roots = pluginsDir == null || !Files.isDirectory(pluginsDir) ? List.of() : List.of(pluginsDir);
        UdjatPluginManager manager = new UdjatPluginManager(roots);
        List<PluginFailure> failures = new ArrayList<>();
        if (pluginsDir != null && roots.isEmpty()) {
            failures.add(new PluginFailure(pluginsDir.toString(), "plugins directory does not exist"));
        }
        if (!roots.isEmpty()) {
            manager.loadPlugins();
            manager.startPlugins();
        }
        failures.addAll(manager.loadFailures());
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() == PluginState.FAILED) {
                Throwable cause = plugin.getFailedException();
                failures.add(new PluginFailure(plugin.getPluginId(),
                        cause == null ? "failed to start" : "failed to start: " + describe(cause)));
            }
        }
        List<LoadedExtension> extensions = new ArrayList<>();
        Map<String, Check> checks = collect(manager, Check.class, Check::name, extensions, failures);
        return new Plugins(manager, checks, extensions, failures);
    }

    private static <T> Map<String, T> collect(UdjatPluginManager manager, Class<T> type, Function<T, String> naming,
                                              List<LoadedExtension> extensions, List<PluginFailure> failures) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (ExtensionWrapper<T> wrapper : manager.findExtensions(type)) {
            Class<?> impl = wrapper.getDescriptor().extensionClass;
            PluginWrapper owner = manager.whichPlugin(impl);
            String plugin = owner == null ? LoadedExtension.BUILT_IN : owner.getPluginId();
            try {
                T extension = wrapper.getExtension();
                String name = naming.apply(extension);
                if (byName.containsKey(name)) {
                    failures.add(new PluginFailure(impl.getName(), type.getSimpleName() + " \"" + name
                            + "\" is already provided by " + byName.get(name).getClass().getName()));
                    continue;
                }
                byName.put(name, extension);
                extensions.add(new LoadedExtension(plugin, type.getSimpleName(), name, impl.getName()));
            } catch (RuntimeException | LinkageError e) {
                failures.add(new PluginFailure(plugin + "/" + impl.getName(), describe(e)));
            }
        }
        return byName;
    }

    /** The check extensions by the name they are configured with. */
    public Map<String, Check> checks() {
        return checks;
    }

    /** Every extension that loaded, built-in ones first. */
    public List<LoadedExtension> extensions() {
        return extensions;
    }

    /** Every plugin or extension that was left out, and why. */
    public List<PluginFailure> failures() {
        return failures;
    }

    /** The external plugins that were loaded, with their state. */
    public List<PluginWrapper> externalPlugins() {
        return manager.getPlugins();
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * Stops and unloads the external plugins. Unloading stops each plugin itself; PF4J's own
     * {@code stopPlugins()} is avoided because it fails with a ConcurrentModificationException
     * when a plugin failed to start. A plugin that throws while stopping is only logged.
     */
    @Override
    public void close() {
        for (PluginWrapper plugin : List.copyOf(manager.getPlugins())) {
            try {
                manager.unloadPlugin(plugin.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("plugin {} failed to stop: {}", plugin.getPluginId(), describe(e));
            }
        }
    }
}
