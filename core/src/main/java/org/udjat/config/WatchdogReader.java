package org.udjat.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code watchdog:} block: {@code heartbeat_url}, or {@code ssh} with {@code heartbeat_file};
 * {@code max_age}, {@code timeout}. Every problem is reported with its place in the file.
 */
final class WatchdogReader {
    static final List<String> KEYS = List.of("heartbeat_url", "ssh", "heartbeat_file", "max_age", "timeout");
    static final List<String> SSH_KEYS = List.of("host", "port", "user", "identity_file", "known_hosts");

    private final ValueReader values;
    private final PathResolver paths;
    private final String defaultUser;

    WatchdogReader(ValueReader values, PathResolver paths, String defaultUser) {
        this.values = values;
        this.paths = paths;
        this.defaultUser = defaultUser;
    }

    /** The settings, or null when the block is unusable (then the problems are reported). */
    WatchdogSettings read(Node node) {
        Optional<YamlMap> read = YamlMap.read(node, "watchdog", "a map of watchdog settings", "key", values.errors());
        if (read.isEmpty()) {
            return null;
        }
        YamlMap map = read.get();
        map.rejectUnknown(KEYS);
        URI url = map.get("heartbeat_url").map(n -> url(n, map.pathOf("heartbeat_url"))).orElse(null);
        WatchdogSettings.Ssh ssh = map.get("ssh").map(n -> ssh(n, map.pathOf("ssh"))).orElse(null);
        String file = map.get("heartbeat_file")
                .flatMap(n -> values.text(n, map.pathOf("heartbeat_file"), "the heartbeat file's path on the poller"))
                .orElse(null);
        if (map.has("heartbeat_url") == map.has("ssh")) {
            values.errors().add(map.node(), "watchdog", map.has("ssh")
                    ? "set only one of \"heartbeat_url\" and \"ssh\""
                    : "missing \"heartbeat_url\" (the report's heartbeat.json) or \"ssh\" with \"heartbeat_file\"");
        } else if (map.has("ssh") && !map.has("heartbeat_file")) {
            values.errors().add(map.node(), "watchdog", "missing \"heartbeat_file\": the path of heartbeat.json on the "
                    + "poller, in its state directory");
        } else if (map.has("heartbeat_url") && map.has("heartbeat_file")) {
            values.errors().add(map.keyNode("heartbeat_file").orElseThrow(), "watchdog.heartbeat_file",
                    "only read over \"ssh\"; with \"heartbeat_url\" leave it out");
        }
        Duration maxAge = map.get("max_age").flatMap(n -> positive(n, map.pathOf("max_age"))).orElse(null);
        Duration timeout = map.get("timeout").flatMap(n -> positive(n, map.pathOf("timeout")))
                .orElse(WatchdogSettings.DEFAULT_TIMEOUT);
        return new WatchdogSettings(url, ssh, file, maxAge, timeout);
    }

    private URI url(Node node, String path) {
        Optional<String> text = values.text(node, path, "an http or https URL");
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text.get());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        values.errors().add(node, path, "expected an http or https URL, got \"" + text.get() + "\"");
        return null;
    }

    private WatchdogSettings.Ssh ssh(Node node, String path) {
        Optional<YamlMap> read = YamlMap.read(node, path, "a map of SSH settings", "key", values.errors());
        if (read.isEmpty()) {
            return null;
        }
        YamlMap map = read.get();
        map.rejectUnknown(SSH_KEYS);
        String host = map.get("host").flatMap(n -> values.text(n, map.pathOf("host"), "the poller's address")).orElse(null);
        if (!map.has("host")) {
            values.errors().add(map.node(), path, "missing \"host\": the poller's address");
        }
        int port = map.get("port").flatMap(n -> values.integer(n, map.pathOf("port"), 1, 65535)).orElse(22);
        String user = map.get("user").flatMap(n -> values.text(n, map.pathOf("user"), "a login name")).orElse(defaultUser);
        Path identity = map.get("identity_file").flatMap(n -> values.path(n, map.pathOf("identity_file")))
                .orElse(paths.resolve("~/.ssh/id_ed25519"));
        Path knownHosts = map.get("known_hosts").flatMap(n -> values.path(n, map.pathOf("known_hosts")))
                .orElse(paths.resolve("~/.ssh/known_hosts"));
        return host == null ? null : new WatchdogSettings.Ssh(host, port, user, identity, knownHosts);
    }

    private Optional<Duration> positive(Node node, String path) {
        Optional<Duration> d = values.duration(node, path);
        if (d.isPresent() && (d.get().isZero() || d.get().isNegative())) {
            values.errors().add(node, path, "must be longer than 0s");
            return Optional.empty();
        }
        return d;
    }
}
