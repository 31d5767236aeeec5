package org.udjat.plugin;

/**
 * One extension that is ready for use.
 *
 * @param plugin         the id of the plugin that provides it, or {@code built-in} for the classpath
 * @param extensionPoint the simple name of the extension point it serves, e.g. {@code Check}
 * @param name           the name it is configured by, e.g. {@code load}
 * @param className      its implementation class
 */
public record LoadedExtension(String plugin, String extensionPoint, String name, String className) {
    /** The plugin id given to extensions found on the application's own classpath. */
    public static final String BUILT_IN = "built-in";
}
