package org.udjat.config;

import java.time.Duration;
import java.util.List;
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
 * @param policy    hysteresis, flapping and staleness settings
 * @param dependsOn the checks this one depends on, as written: {@code postgres} (same host) or
 *                  {@code db1/postgres}; validated when the config is loaded
 * @param remedy    what fixes it when its failure lasts, or null when nothing does
 */
public record CheckSpec(
        String name,
        String check,
        String command,
        Settings options,
        Duration timeout,
        int outputCap,
        StatePolicy policy,
        List<String> dependsOn,
        RemedySpec remedy) {

    public CheckSpec {
        policy = policy == null ? StatePolicy.DEFAULT : policy;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A check without remediation. */
    public CheckSpec(String name, String check, String command, Settings options, Duration timeout, int outputCap,
                     StatePolicy policy, List<String> dependsOn) {
        this(name, check, command, options, timeout, outputCap, policy, dependsOn, null);
    }

    /** A check with the default state policy and no dependencies. */
    public CheckSpec(String name, String check, String command, Settings options, Duration timeout, int outputCap) {
        this(name, check, command, options, timeout, outputCap, StatePolicy.DEFAULT, List.of());
    }

    /** True for a check extension, false for a plain command line. */
    public boolean isExtension() {
        return check != null;
    }
}
