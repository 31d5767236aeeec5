package org.udjat.checks;

import static org.udjat.testkit.Fixtures.options;

import java.util.Map;
import org.udjat.api.Settings;

/**
 * The fewest options each built-in check needs to be valid, for tests that treat every check
 * alike. The values that reach the shell read as the placeholders checks/README.md writes.
 */
final class SampleOptions {
    private static final Map<String, Settings> REQUIRED = Map.of(
            "file", options("path", "/PATH"),
            "service", options("service", "NAME"),
            "tcp", options("host", "HOST", "port", 22),
            "http", options("url", "http://127.0.0.1/"),
            "listening", options("port", 22),
            "process", options("process", "sshd"),
            "device-online", options("port", 4000, "online_from", Map.of("file", "/PATH")),
            "data-freshness", options("online_from", Map.of("file", "/PATH"), "data_from",
                    Map.of("url", "http://127.0.0.1/data/{device}"), "max_age", "15min"));

    private SampleOptions() {
    }

    /** The options of the named check; none for checks that need none. */
    static Settings of(String check) {
        return REQUIRED.getOrDefault(check, Settings.empty());
    }
}
