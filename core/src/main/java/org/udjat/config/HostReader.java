package org.udjat.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.udjat.api.Platform;
import org.udjat.config.CheckReader.ParsedCheck;
import org.udjat.config.HostSpec.Transport;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads the {@code hosts:} map into host specs with defaults, SSH overrides and templates applied. */
final class HostReader {
    static final List<String> KEYS = List.of("address", "port", "transport", "platform", "tags", "parents",
            "templates", "ssh", "checks", "attempts", "recover_attempts", "flap_window", "flap_start", "flap_stop");
    /** Host names end up in file names of the state directory, so they stay plain. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, Transport> TRANSPORTS = new LinkedHashMap<>();

    static {
        TRANSPORTS.put("ssh", Transport.SSH);
        TRANSPORTS.put("local", Transport.LOCAL);
    }

    /** A host as read, with its parents' nodes kept for the parent checks that follow. */
    record ParsedHost(HostSpec spec, ScalarNode keyNode, List<ValueReader.Item> parents) {
    }

    private final ValueReader values;
    private final CheckReader checks;
    private final SshReader ssh;
    private final TemplateSet templates;
    private final Function<SshReader.Layer, SshSettings> sshDefaults;
    private final StatePolicy defaultPolicy;

    /** @param sshDefaults turns a host's own ssh keys into effective settings (top-level ssh plus built-in defaults) */
    HostReader(ValueReader values, CheckReader checks, SshReader ssh, TemplateSet templates,
               Function<SshReader.Layer, SshSettings> sshDefaults, StatePolicy defaultPolicy) {
        this.defaultPolicy = defaultPolicy;
        this.values = values;
        this.checks = checks;
        this.ssh = ssh;
        this.templates = templates;
        this.sshDefaults = sshDefaults;
    }

    /** Every host by name, in the order written; at least one must be there. */
    Map<String, ParsedHost> readAll(Node node) {
        Map<String, ParsedHost> hosts = new LinkedHashMap<>();
        Optional<YamlMap> read = YamlMap.read(node, "hosts", "a map of hosts by name", "host", values.errors());
        if (read.isEmpty()) {
            return hosts;
        }
        if (read.get().entries().isEmpty()) {
            values.errors().add(node, "hosts", "expected at least one host");
        }
        for (YamlMap.Entry e : read.get().entries()) {
            if (!HOST_NAME.matcher(e.key()).matches()) {
                values.errors().add(e.keyNode(), "hosts", "host name \"" + e.key()
                        + "\" may use only letters, digits, \".\", \"_\" and \"-\", starting with a letter or digit");
            }
            read(e).ifPresent(h -> hosts.put(e.key(), h));
        }
        return hosts;
    }

    private Optional<ParsedHost> read(YamlMap.Entry entry) {
        String name = entry.key();
        String path = "hosts." + name;
        Node body = entry.value();
        Optional<YamlMap> read = body.getTag().equals(Tag.NULL)
                ? Optional.of(YamlMap.empty(entry.keyNode(), path, values.errors()))
                : YamlMap.read(body, path, "a map of host settings", "key", values.errors());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        map.rejectUnknown(KEYS);
        String address = map.get("address").flatMap(n -> values.text(n, map.pathOf("address"), "a host name or address"))
                .orElse(name);
        int port = map.get("port").flatMap(n -> values.integer(n, map.pathOf("port"), 1, 65535)).orElse(22);
        Transport transport = map.get("transport")
                .flatMap(n -> values.oneOf(n, map.pathOf("transport"), "transport", TRANSPORTS)).orElse(Transport.SSH);
        Platform platform = map.get("platform")
                .flatMap(n -> values.oneOf(n, map.pathOf("platform"), "platform", platforms())).orElse(null);
        List<String> tags = names(map, "tags", "tag").stream().map(ValueReader.Item::value).distinct().toList();
        List<ValueReader.Item> parents = names(map, "parents", "host name");
        SshSettings sshSettings = sshDefaults.apply(map.get("ssh")
                .map(n -> ssh.read(n, map.pathOf("ssh"))).orElse(SshReader.Layer.EMPTY));
        List<ParsedCheck> own = map.get("checks").map(n -> checks.readList(n, map.pathOf("checks"))).orElse(List.of());
        List<String> explicit = knownTemplates(names(map, "templates", "template name"));
        List<CheckSpec> hostChecks = templates.checksFor(explicit, tags, own, entry.keyNode(), path, values.errors())
                .orElse(List.of());
        List<String> parentNames = parents.stream().map(ValueReader.Item::value).distinct().toList();
        StatePolicy policy = new PolicyReader(values).read(map, defaultPolicy);
        HostSpec spec = new HostSpec(name, address, port, transport, platform, tags, parentNames, sshSettings,
                hostChecks, policy);
        return Optional.of(new ParsedHost(spec, entry.keyNode(), parents));
    }

    private List<ValueReader.Item> names(YamlMap map, String key, String what) {
        return map.get(key).flatMap(n -> values.names(n, map.pathOf(key), what)).orElse(List.of());
    }

    /** The template names that exist, after reporting the others. */
    private List<String> knownTemplates(List<ValueReader.Item> named) {
        for (ValueReader.Item t : named) {
            if (!templates.has(t.value())) {
                values.errors().add(t.node(), t.path(),
                        Suggester.unknown("template", t.value(), templates.names(), true));
            }
        }
        return named.stream().map(ValueReader.Item::value).filter(templates::has).distinct().toList();
    }

    private static Map<String, Platform> platforms() {
        Map<String, Platform> byKey = new LinkedHashMap<>();
        for (Platform p : Platform.values()) {
            byKey.put(p.key(), p);
        }
        return byKey;
    }
}
