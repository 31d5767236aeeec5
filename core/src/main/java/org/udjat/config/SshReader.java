package org.udjat.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an {@code ssh:} block, at the top level (defaults for every host) or under a host
 * (overrides), and resolves the key passphrase from the environment or a file.
 */
final class SshReader {
    static final List<String> KEYS = List.of("user", "identity_file", "passphrase_env", "passphrase_file",
            "known_hosts", "trust_on_first_use", "connect_timeout", "exec_timeout");

    /** The ssh keys written at one level; null means "not written here". */
    record Layer(String user, Path identityFile, Secret passphrase, Path knownHosts, Boolean trustOnFirstUse,
                 Duration connectTimeout, Duration execTimeout) {
        static final Layer EMPTY = new Layer(null, null, null, null, null, null, null);

        /** This layer with every key the other one writes replaced; the passphrase counts as one key. */
        Layer overriddenBy(Layer o) {
            return new Layer(pick(o.user, user), pick(o.identityFile, identityFile), pick(o.passphrase, passphrase),
                    pick(o.knownHosts, knownHosts), pick(o.trustOnFirstUse, trustOnFirstUse),
                    pick(o.connectTimeout, connectTimeout), pick(o.execTimeout, execTimeout));
        }

        /** Effective settings, with the built-in defaults for whatever no layer wrote. */
        SshSettings settings(String defaultUser, PathResolver paths, Duration cycleDeadline) {
            return new SshSettings(pick(user, defaultUser),
                    pick(identityFile, paths.resolve("~/.ssh/id_ed25519")),
                    pick(passphrase, Secret.NONE),
                    pick(knownHosts, paths.resolve("~/.ssh/known_hosts")),
                    pick(trustOnFirstUse, false),
                    pick(connectTimeout, Duration.ofSeconds(10)),
                    pick(execTimeout, cycleDeadline));
        }

        private static <T> T pick(T first, T second) {
            return first != null ? first : second;
        }
    }

    private final ValueReader values;
    private final Map<String, String> env;

    SshReader(ValueReader values, Map<String, String> env) {
        this.values = values;
        this.env = env;
    }

    /** Reads one {@code ssh:} block; problems are reported and the bad keys left unset. */
    Layer read(Node node, String path) {
        Optional<YamlMap> read = YamlMap.read(node, path, "a map of SSH settings", "key", values.errors());
        if (read.isEmpty()) {
            return Layer.EMPTY;
        }
        YamlMap map = read.get();
        map.rejectUnknown(KEYS);
        return new Layer(
                map.get("user").flatMap(n -> values.text(n, map.pathOf("user"), "a login name")).orElse(null),
                map.get("identity_file").flatMap(n -> values.path(n, map.pathOf("identity_file"))).orElse(null),
                passphrase(map),
                map.get("known_hosts").flatMap(n -> values.path(n, map.pathOf("known_hosts"))).orElse(null),
                map.get("trust_on_first_use").flatMap(n -> values.bool(n, map.pathOf("trust_on_first_use"))).orElse(null),
                map.get("connect_timeout").flatMap(n -> values.duration(n, map.pathOf("connect_timeout"))).orElse(null),
                map.get("exec_timeout").flatMap(n -> values.duration(n, map.pathOf("exec_timeout"))).orElse(null));
    }

    private Secret passphrase(YamlMap map) {
        Optional<Node> fromEnv = map.get("passphrase_env");
        Optional<Node> fromFile = map.get("passphrase_file");
        if (fromEnv.isPresent() && fromFile.isPresent()) {
            values.errors().add(map.keyNode("passphrase_file").orElseThrow(), map.path(),
                    "set only one of \"passphrase_env\" and \"passphrase_file\"");
            return null;
        }
        if (fromEnv.isPresent()) {
            return secretFromEnv(fromEnv.get(), map.pathOf("passphrase_env"));
        }
        return fromFile.map(n -> secretFromFile(n, map.pathOf("passphrase_file"))).orElse(null);
    }

    private Secret secretFromEnv(Node node, String path) {
        Optional<String> name = values.text(node, path, "the name of an environment variable");
        if (name.isEmpty()) {
            return null;
        }
        String value = env.get(name.get());
        if (value == null || value.isEmpty()) {
            values.errors().add(node, path, "environment variable " + name.get() + " is "
                    + (value == null ? "not set" : "empty"));
            return null;
        }
        return Secret.of(value, "env " + name.get());
    }

    private Secret secretFromFile(Node node, String path) {
        Optional<Path> file = values.path(node, path);
        if (file.isEmpty()) {
            return null;
        }
        try {
            String text = Files.readString(file.get());
            // editors add a final newline; it is never part of the passphrase
            text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            if (text.isEmpty()) {
                values.errors().add(node, path, "passphrase file " + file.get() + " is empty");
                return null;
            }
            return Secret.of(text, "file " + file.get());
        } catch (IOException e) {
            values.errors().add(node, path, "cannot read passphrase file " + file.get() + ": " + reason(e));
            return null;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName();
    }
}
