package org.udjat.config;

import java.time.Duration;
import org.udjat.api.Settings;

/**
 * One check of one host. Exactly one of {@code check} and {@code command} is set.
 *
 * @param name      unique within its host; defaults to the check name, or the command's program name
 * @param check     a check extension by name (built-in or from a plugin), or null
 * @param command   a Nagios-plugin-compatible command line run by /bin/sh on the host, or null
 * @param options   the check's own options (thresholds and the like), without the common keys
 * @param timeout   how long the command may run before it is killed
 * @param outputCap how many bytes of output are kept; the rest is discarded and reported
 */
public record CheckSpec(
        String name,
        String check,
        String command,
        Settings options,
        Duration timeout,
        int outputCap) {

    /** True for a check extension, false for a plain command line. */
    public boolean isExtension() {
        return check != null;
    }
}
