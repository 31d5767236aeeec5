package org.udjat.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginWrapper;

/**
 * PF4J's plugin manager, changed so that a plugin that fails to load is remembered by name
 * and reason instead of only being logged with a stack trace.
 */
final class UdjatPluginManager extends DefaultPluginManager {
    private final List<PluginFailure> loadFailures = new ArrayList<>();

    UdjatPluginManager(List<Path> roots) {
        super(roots);
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (RuntimeException | LinkageError e) {
            loadFailures.add(new PluginFailure(String.valueOf(pluginPath.getFileName()), Plugins.describe(e)));
            return null;
        }
    }

    List<PluginFailure> loadFailures() {
        return List.copyOf(loadFailures);
    }

    /** The extensions of a type without instantiating them, so each can be created on its own. */
    <T> List<ExtensionWrapper<T>> findExtensions(Class<T> type) {
        return extensionFinder.find(type);
    }
}
