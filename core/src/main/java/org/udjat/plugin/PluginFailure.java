package org.udjat.plugin;

/**
 * A plugin or extension that could not be used, with what went wrong; the cycle goes on without it.
 *
 * @param name   the plugin's id or file name, or the extension's class name
 * @param reason why it failed, one line
 */
public record PluginFailure(String name, String reason) {
    @Override
    public String toString() {
        return name + ": " + reason;
    }
}
