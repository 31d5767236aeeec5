package org.udjat.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.Check;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a {@code checks:} list (of a host or a template) into check specs with the common
 * defaults applied. A {@code check:} entry's other keys are options, which the named Check
 * extension knows and validates; a {@code command:} entry takes no options.
 */
final class CheckReader {
    static final List<String> COMMON_KEYS = List.of("name", "check", "command", "timeout", "output_cap",
            "depends_on", "attempts", "recover_attempts", "flap_window", "flap_start", "flap_stop", "stale_after", "remediate");
    static final long MIN_OUTPUT_CAP = 1L << 10;
    static final long MAX_OUTPUT_CAP = 16L << 20;

    /** A check as read, with the node where it was written, for messages about it. */
    record ParsedCheck(CheckSpec spec, Node node) {
        int line() {
            return node.getStartMark().getLine() + 1;
        }
    }

    private final ValueReader values;
    private final Map<String, Check> checks;
    private final Duration defaultTimeout;
    private final int defaultOutputCap;
    private final StatePolicy defaultPolicy;
    private final RemedyReader remedies;
    /** The depends_on entries of each check read, by identity, for messages about unknown targets and cycles. */
    private final Map<CheckSpec, List<ValueReader.Item>> dependencies = new IdentityHashMap<>();

    CheckReader(ValueReader values, Map<String, Check> checks, Map<String, Remediator> remediators, Duration interval,
                Duration defaultTimeout, int defaultOutputCap, StatePolicy defaultPolicy) {
        this.values = values;
        this.remedies = new RemedyReader(values, remediators, interval);
        this.checks = checks;
        this.defaultTimeout = defaultTimeout;
        this.defaultOutputCap = defaultOutputCap;
        this.defaultPolicy = defaultPolicy;
    }

    /** The depends_on entries of a check this reader produced, with their nodes; empty for others. */
    List<ValueReader.Item> dependencyItems(CheckSpec spec) {
        return dependencies.getOrDefault(spec, List.of());
    }

    /** Every well-formed check of the list, in order; names are unique (duplicates are reported). */
    List<ParsedCheck> readList(Node node, String path) {
        if (!(node instanceof SequenceNode seq)) {
            values.errors().add(node, path, "expected a list of checks, got " + ValueReader.kind(node));
            return List.of();
        }
        Map<String, ParsedCheck> byName = new LinkedHashMap<>();
        List<Node> entries = seq.getValue();
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = path + "[" + i + "]";
            readEntry(entries.get(i), entryPath).ifPresent(c -> {
                ParsedCheck first = byName.putIfAbsent(c.spec().name(), c);
                if (first != null) {
                    values.errors().add(c.node(), entryPath, "duplicate check name \"" + c.spec().name()
                            + "\" (first defined at line " + first.line() + "); give one of them its own \"name\"");
                }
            });
        }
        return List.copyOf(byName.values());
    }

    private Optional<ParsedCheck> readEntry(Node node, String path) {
        Optional<YamlMap> read = YamlMap.read(node, path, "a check (a map with \"check\" or \"command\")", "key",
                values.errors());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        if (map.has("check") == map.has("command")) {
            values.errors().add(node, path, map.has("check")
                    ? "set only one of \"check\" and \"command\""
                    : "missing \"check\" or \"command\"");
            return Optional.empty();
        }
        Optional<String> name = map.get("name").flatMap(n -> values.text(n, map.pathOf("name"), "a check name"));
        Duration timeout = map.get("timeout").flatMap(n -> values.duration(n, map.pathOf("timeout")))
                .orElse(defaultTimeout);
        int cap = map.get("output_cap").flatMap(n -> values.size(n, map.pathOf("output_cap"),
                MIN_OUTPUT_CAP, MAX_OUTPUT_CAP)).map(Long::intValue).orElse(defaultOutputCap);
        Node at = map.get("name").orElse(node);
        StatePolicy policy = new PolicyReader(values).read(map, defaultPolicy);
        List<ValueReader.Item> deps = map.get("depends_on")
                .flatMap(n -> values.names(n, map.pathOf("depends_on"), "check name")).orElse(List.of());
        List<String> dependsOn = deps.stream().map(ValueReader.Item::value).distinct().toList();
        RemedySpec remedy = map.get("remediate").flatMap(n -> remedies.read(n, map.pathOf("remediate"))).orElse(null);
        if (map.has("command")) {
            List<String> allowed = new ArrayList<>(COMMON_KEYS);
            allowed.remove("check");
            map.rejectUnknown(allowed);
            return map.get("command").flatMap(n -> values.text(n, map.pathOf("command"), "a command line"))
                    .map(cmd -> remember(new ParsedCheck(new CheckSpec(name.orElse(programName(cmd)), null, cmd,
                            Settings.empty(), timeout, cap, policy, dependsOn, remedy), at), deps));
        }
        Optional<String> checkName = map.get("check").flatMap(n -> values.text(n, map.pathOf("check"), "a check name"));
        if (checkName.isEmpty()) {
            return Optional.empty();
        }
        Check check = checks.get(checkName.get());
        if (check == null) {
            values.errors().add(map.get("check").orElseThrow(), map.pathOf("check"),
                    Suggester.unknown("check", checkName.get(), checks.keySet().stream().sorted().toList(), true));
            return Optional.empty();
        }
        Settings options = options(map, check);
        return Optional.of(remember(new ParsedCheck(new CheckSpec(name.orElse(checkName.get()), checkName.get(), null,
                options, timeout, cap, policy, dependsOn, remedy), at), deps));
    }

    private ParsedCheck remember(ParsedCheck parsed, List<ValueReader.Item> deps) {
        dependencies.put(parsed.spec(), List.copyOf(deps));
        return parsed;
    }

    /** The entry's option keys, checked against the extension's names and its own validation. */
    private Settings options(YamlMap map, Check check) {
        List<String> allowed = new ArrayList<>(COMMON_KEYS);
        allowed.remove("command");
        check.optionNames().stream().sorted().forEach(allowed::add);
        map.rejectUnknown(allowed);
        return PluginOptions.read(values, map, COMMON_KEYS, check.optionNames(), check::validate,
                "check \"" + check.name() + "\"");
    }

    /** The base name of a command line's program, skipping leading {@code VAR=value} assignments. */
    static String programName(String commandLine) {
        for (String word : commandLine.trim().split("\\s+")) {
            if (!word.contains("=")) {
                int slash = word.lastIndexOf('/');
                return slash >= 0 && slash < word.length() - 1 ? word.substring(slash + 1) : word;
            }
        }
        return commandLine.trim();
    }
}
