package org.udjat.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a check's {@code remediate:} block. Its other keys are the remediator's options, which the
 * named Remediator knows and validates together with the target, as a channel's options are
 * validated by its notifier.
 */
final class RemedyReader {
    static final List<String> KEYS = List.of("with", "target", "after", "max", "per", "mode", "timeout");
    private static final Map<String, RemedySpec.Mode> MODES = modes();
    private static final int MAX_MAX = 1000;

    private final ValueReader values;
    private final Map<String, Remediator> remediators;
    private final Duration interval;

    RemedyReader(ValueReader values, Map<String, Remediator> remediators, Duration interval) {
        this.values = values;
        this.remediators = remediators;
        this.interval = interval;
    }

    /** The block, or empty when it is not usable (every problem reported). */
    Optional<RemedySpec> read(Node node, String path) {
        Optional<YamlMap> read = YamlMap.read(node, path, "a remediation like {with: restart-service, target: orders}",
                "key", values.errors());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        Optional<String> target = required(map, "target", "the target of the remediator, e.g. a service name");
        Duration after = map.get("after").flatMap(n -> values.duration(n, map.pathOf("after")))
                .orElse(interval.multipliedBy(RemedySpec.DEFAULT_AFTER_INTERVALS));
        int max = map.get("max").flatMap(n -> values.integer(n, map.pathOf("max"), 1, MAX_MAX))
                .orElse(RemedySpec.DEFAULT_MAX);
        Duration per = map.get("per").flatMap(n -> values.duration(n, map.pathOf("per"))).orElse(RemedySpec.DEFAULT_PER);
        RemedySpec.Mode mode = map.get("mode").flatMap(n -> values.oneOf(n, map.pathOf("mode"), "mode", MODES))
                .orElse(RemedySpec.Mode.AUTO);
        Duration timeout = map.get("timeout").flatMap(n -> values.duration(n, map.pathOf("timeout")))
                .orElse(RemedySpec.DEFAULT_TIMEOUT);
        Optional<String> with = required(map, "with", "a remediator type");
        if (with.isEmpty()) {
            return Optional.empty();
        }
        Remediator remediator = remediators.get(with.get());
        if (remediator == null) {
            String message = Suggester.unknown("remediator", with.get(), remediators.keySet().stream().sorted().toList(),
                    true);
            values.errors().add(map.get("with").orElseThrow(), map.pathOf("with"),
                    remediators.isEmpty() ? message + "; no remediator plugins are loaded" : message);
            return Optional.empty();
        }
        Settings options = options(map, remediator, target.orElse(""));
        return target.map(t -> new RemedySpec(with.get(), t, after, max, per, mode, timeout, options));
    }

    private Optional<String> required(YamlMap map, String key, String expected) {
        if (!map.has(key)) {
            values.errors().add(map.node(), map.path(), "missing \"" + key + "\" (" + expected + ")");
            return Optional.empty();
        }
        return map.get(key).flatMap(n -> values.text(n, map.pathOf(key), expected));
    }

    /** The block's other keys, checked against the remediator's names and its own validation. */
    private Settings options(YamlMap map, Remediator remediator, String target) {
        List<String> allowed = new ArrayList<>(KEYS);
        remediator.optionNames().stream().sorted().forEach(allowed::add);
        map.rejectUnknown(allowed);
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new HashMap<>();
        for (YamlMap.Entry e : map.entries()) {
            if (!KEYS.contains(e.key()) && remediator.optionNames().contains(e.key())) {
                options.put(e.key(), values.plain(e.value(), map.pathOf(e.key())));
                keyNodes.put(e.key(), e.keyNode());
            }
        }
        Settings settings = Settings.of(options);
        if (target.isEmpty()) {
            return settings; // the missing target is reported; the remediator need not judge an empty one
        }
        List<ConfigProblem> problems;
        try {
            problems = remediator.validate(target, settings);
        } catch (RuntimeException | LinkageError e) {
            // a broken plugin must not take the loader down; say whose fault it is
            problems = List.of(ConfigProblem.of("remediator \"" + remediator.type() + "\" failed to validate its options: "
                    + e));
        }
        for (ConfigProblem p : problems == null ? List.<ConfigProblem>of() : problems) {
            Node keyNode = p.key().equals("target") ? map.get("target").orElse(null) : keyNodes.get(p.key());
            if (p.key().isEmpty() || keyNode == null) {
                values.errors().add(map.node(), p.key().isEmpty() ? map.path() : map.pathOf(p.key()), p.message());
            } else {
                values.errors().add(keyNode, map.pathOf(p.key()), p.message());
            }
        }
        return settings;
    }

    private static Map<String, RemedySpec.Mode> modes() {
        Map<String, RemedySpec.Mode> modes = new LinkedHashMap<>();
        for (RemedySpec.Mode m : RemedySpec.Mode.values()) {
            modes.put(m.key(), m);
        }
        return java.util.Collections.unmodifiableMap(modes);
    }
}
