package org.udjat.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The options of an extension (a check, a notifier) written in a YAML map next to udjat's own keys:
 * collected as plain values and checked by the extension's own {@code validate()}, whose problems are
 * reported at their keys' positions (at the map for a problem without a key or with an unknown one).
 * A {@code validate()} that throws is reported as the extension's fault; it never takes the loader down.
 */
final class PluginOptions {
    private PluginOptions() {
    }

    /**
     * Reads and validates the options in {@code map}; unknown keys must have been rejected already.
     *
     * @param ownKeys     udjat's keys in the map, never options even when the extension names them too
     * @param optionNames the extension's {@code optionNames()}
     * @param validate    the extension's {@code validate()}
     * @param extension   the extension as problems name it, e.g. {@code check "load"}
     * @return the options, valid or not (the problems are in {@code values.errors()})
     */
    static Settings read(ValueReader values, YamlMap map, List<String> ownKeys, Set<String> optionNames,
                         Function<Settings, List<ConfigProblem>> validate, String extension) {
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Node> keyNodes = new HashMap<>();
        for (YamlMap.Entry e : map.entries()) {
            if (!ownKeys.contains(e.key()) && optionNames.contains(e.key())) {
                options.put(e.key(), values.plain(e.value(), map.pathOf(e.key())));
                keyNodes.put(e.key(), e.keyNode());
            }
        }
        Settings settings = Settings.of(options);
        List<ConfigProblem> problems;
        try {
            problems = validate.apply(settings);
        } catch (RuntimeException e) {
            // a broken plugin must not take the loader down; say whose fault it is
            problems = List.of(ConfigProblem.of(extension + " failed to validate its options: " + e));
        }
        for (ConfigProblem p : problems) {
            Node keyNode = keyNodes.get(p.key());
            if (p.key().isEmpty() || keyNode == null) {
                values.errors().add(map.node(), p.key().isEmpty() ? map.path() : map.pathOf(p.key()), p.message());
            } else {
                values.errors().add(keyNode, map.pathOf(p.key()), p.message());
            }
        }
        return settings;
    }
}
