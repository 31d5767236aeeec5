package org.udjat.plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pf4j.BasePluginRepository;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultPluginRepository;
import org.pf4j.ExtensionWrapper;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginRepository;
import org.pf4j.PluginWrapper;

/**
 * PF4J's plugin manager, changed so that a plugin that fails to load is remembered by name
 * and reason instead of only being logged with a stack trace, and so that the plugin folders are
 * read in the order given, each in file name order: PF4J on its own mixes the folders and orders
 * by modification time, so which of two plugins with the same id wins would be left to chance.
 */
final class UdjatPluginManager extends DefaultPluginManager {
    private final List<PluginFailure> loadFailures = new ArrayList<>();

    UdjatPluginManager(List<Path> roots) {
        super(roots);
    }

    @Override
    protected PluginRepository createPluginRepository() {
        CompoundPluginRepository repository = new CompoundPluginRepository();
        for (Path root : getPluginsRoots()) {
            repository.add(byName(new JarPluginRepository(root))).add(byName(new DefaultPluginRepository(root)));
        }
        return repository;
    }

    private static BasePluginRepository byName(BasePluginRepository repository) {
        repository.setComparator(Comparator.comparing(File::getName));
        return repository;
    }

    /**
     * Where an extension class comes from, for ordering: 0 for the classpath, then 1 + the index of
     * the plugin folder its plugin was loaded from.
     */
    int rank(Class<?> extensionClass) {
        PluginWrapper owner = whichPlugin(extensionClass);
        if (owner == null) {
            return 0;
        }
        Path path = owner.getPluginPath().toAbsolutePath().normalize();
        List<Path> roots = getPluginsRoots();
        for (int i = 0; i < roots.size(); i++) {
            if (path.startsWith(roots.get(i).toAbsolutePath().normalize())) {
                return 1 + i;
            }
        }
        return 1 + roots.size();
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
