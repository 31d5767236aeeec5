package org.udjat.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
import org.udjat.api.Notifier;
import org.udjat.api.Remediator;

/**
 * The extensions available to a cycle: built-in ones found on the classpath, those of the plugin
 * jars that ship with udjat (the built-in plugins folder, e.g. the notifiers and remediators) and those of external
 * PF4J plugins in the configured plugins directory. The plugins of both folders are loaded by PF4J
 * alike, never from udjat's own classpath. A plugin or extension that fails to load, start or
 * instantiate is recorded as a {@link PluginFailure} and left out; loading never throws because of
 * a plugin. When two extensions claim the same name, the first one wins: classpath, then the
 * built-in folder, then the plugins directory.
 */
public final class Plugins implements AutoCloseable {
    /** The system property naming the built-in plugins folder; the {@code udjat} launcher sets it. */
    public static final String BUILTIN_PROPERTY = "udjat.builtin.plugins";

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private final UdjatPluginManager manager;
    private final Map<String, Check> checks;
    private final Map<String, Notifier> notifiers;
    private final Map<String, Remediator> remediators;
    private final List<LoadedExtension> extensions;
    private final List<PluginFailure> failures;

    private Plugins(UdjatPluginManager manager, Map<String, Check> checks, Map<String, Notifier> notifiers,
                    Map<String, Remediator> remediators, List<LoadedExtension> extensions, List<PluginFailure> failures) {
        this.manager = manager;
        this.checks = Collections.unmodifiableMap(checks);
        this.notifiers = Collections.unmodifiableMap(notifiers);
        this.remediators = Collections.unmodifiableMap(remediators);
        this.extensions = List.copyOf(extensions);
        this.failures = List.copyOf(failures);
    }

    /**
     * The built-in plugins folder named by the system property {@value #BUILTIN_PROPERTY}, or null when
     * it is not set (udjat started without its launcher, e.g. in tests).
     */
    public static Path builtinDir() {
        String dir = System.getProperty(BUILTIN_PROPERTY);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /**
     * Loads classpath extensions and, when {@code pluginsDir} is not null, the plugins in it; no
     * built-in plugins folder. See {@link #load(Path, Path)}.
     */
    public static Plugins load(Path pluginsDir) {
        return load(null, pluginsDir);
    }

    /**
     * Loads classpath extensions, then the plugins in {@code builtinDir}, then those in {@code pluginsDir}.
     *
     * @param builtinDir the plugin jars that ship with udjat ({@link #builtinDir()}), or null; a folder
     *                   that does not exist is simply not read (only logged), since a checkout may
     *                   not have built it
     * @param pluginsDir the user's {@code plugins_dir}, or null; one that does not exist is a failure
     *                   entry, not an exception
     */
    public static Plugins load(Path builtinDir, Path pluginsDir) {
        List<Path> roots = new ArrayList<>();
        if (builtinDir != null) {
            if (Files.isDirectory(builtinDir)) {
                roots.add(builtinDir);
            } else {
                LOG.debug("built-in plugins folder {} does not exist; no built-in plugins loaded", builtinDir);
            }
        }
        List<PluginFailure> failures = new ArrayList<>();
        if (pluginsDir != null) {
            if (Files.isDirectory(pluginsDir)) {
                roots.add(pluginsDir);
            } else {
                failures.add(new PluginFailure(pluginsDir.toString(), "plugins directory does not exist"));
            }
        }
        UdjatPluginManager manager = new UdjatPluginManager(roots);
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
        Map<String, Notifier> notifiers = collect(manager, Notifier.class, Notifier::type, extensions, failures);
        Map<String, Remediator> remediators = collect(manager, Remediator.class, Remediator::type, extensions, failures);
        return new Plugins(manager, checks, notifiers, remediators, extensions, failures);
    }

    private static <T> Map<String, T> collect(UdjatPluginManager manager, Class<T> type, Function<T, String> naming,
                                              List<LoadedExtension> extensions, List<PluginFailure> failures) {
        Map<String, T> byName = new LinkedHashMap<>();
        List<ExtensionWrapper<T>> found = new ArrayList<>(manager.findExtensions(type));
        found.sort(Comparator.comparingInt((ExtensionWrapper<T> w) -> manager.rank(w.getDescriptor().extensionClass))
                .thenComparing(w -> pluginId(manager, w)));
        for (ExtensionWrapper<T> wrapper : found) {
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

    private static String pluginId(UdjatPluginManager manager, ExtensionWrapper<?> wrapper) {
        PluginWrapper owner = manager.whichPlugin(wrapper.getDescriptor().extensionClass);
        return owner == null ? "" : owner.getPluginId();
    }

    /** The check extensions by the name they are configured with. */
    public Map<String, Check> checks() {
        return checks;
    }

    /** The notifier extensions by their {@link Notifier#type()}, the {@code type:} of a channel. */
    public Map<String, Notifier> notifiers() {
        return notifiers;
    }

    /** The remediator extensions by their {@link Remediator#type()}, the {@code with:} of a {@code remediate:} block. */
    public Map<String, Remediator> remediators() {
        return remediators;
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
