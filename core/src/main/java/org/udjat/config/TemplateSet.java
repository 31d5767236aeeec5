package org.udjat.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.udjat.config.CheckReader.ParsedCheck;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code templates:} of a config: reusable check groups, applied to a host explicitly
 * or because the host has one of the template's tags. A host's own check replaces a
 * template check of the same name, which is how one host tunes a shared check.
 */
final class TemplateSet {
    static final List<String> KEYS = List.of("tags", "checks");

    /** One template, its checks already read (and their problems reported) once. */
    record Template(String name, List<String> tags, List<ParsedCheck> checks) {
    }

    private final Map<String, Template> templates;

    private TemplateSet(Map<String, Template> templates) {
        this.templates = templates;
    }

    static TemplateSet none() {
        return new TemplateSet(Map.of());
    }

    /** Reads the {@code templates:} map; bad templates are reported and left out. */
    static TemplateSet read(Node node, ValueReader values, CheckReader checks) {
        Map<String, Template> result = new LinkedHashMap<>();
        YamlMap.read(node, "templates", "a map of templates by name", "template", values.errors()).ifPresent(all -> {
            for (YamlMap.Entry e : all.entries()) {
                String path = all.pathOf(e.key());
                // a bad template still counts as declared, so hosts naming it get no second error
                result.put(e.key(), new Template(e.key(), List.of(), List.of()));
                YamlMap.read(e.value(), path, "a map with \"tags\" and \"checks\"", "key", values.errors())
                        .ifPresent(t -> {
                            t.rejectUnknown(KEYS);
                            List<String> tags = t.get("tags").flatMap(n -> values.names(n, t.pathOf("tags"), "tag"))
                                    .map(items -> items.stream().map(ValueReader.Item::value).distinct().toList())
                                    .orElse(List.of());
                            List<ParsedCheck> list = t.get("checks").map(n -> checks.readList(n, t.pathOf("checks")))
                                    .orElse(List.of());
                            result.put(e.key(), new Template(e.key(), tags, list));
                        });
            }
        });
        return new TemplateSet(result);
    }

    /** Whether a template of that name was declared. */
    boolean has(String name) {
        return templates.containsKey(name);
    }

    Set<String> names() {
        return templates.keySet();
    }

    /**
     * A host's effective checks: those of the explicitly named templates (in the order named),
     * then of tag-matched ones (in declaration order), each template once, then the host's own;
     * a host check replaces the template check of the same name in place.
     *
     * @return the checks, or empty after reporting a name clash between two templates at {@code hostNode}
     */
    Optional<List<CheckSpec>> checksFor(List<String> explicit, List<String> tags, List<ParsedCheck> own,
                                        Node hostNode, String hostPath, ErrorCollector errors) {
        Set<String> applied = new LinkedHashSet<>();
        explicit.stream().filter(templates::containsKey).forEach(applied::add);
        templates.values().stream().filter(t -> t.tags().stream().anyMatch(tags::contains))
                .forEach(t -> applied.add(t.name()));
        Set<String> ownNames = new LinkedHashSet<>();
        own.forEach(c -> ownNames.add(c.spec().name()));
        Map<String, CheckSpec> merged = new LinkedHashMap<>();
        Map<String, String> origin = new HashMap<>();
        boolean clash = false;
        for (String name : applied) {
            for (ParsedCheck c : templates.get(name).checks()) {
                String checkName = c.spec().name();
                String before = origin.putIfAbsent(checkName, name);
                if (before != null && !ownNames.contains(checkName)) {
                    errors.add(hostNode, hostPath, "check \"" + checkName + "\" comes from both template \""
                            + before + "\" and template \"" + name + "\"; define it in the host to choose");
                    clash = true;
                }
                merged.putIfAbsent(checkName, c.spec());
            }
        }
        own.forEach(c -> merged.put(c.spec().name(), c.spec()));
        return clash ? Optional.empty() : Optional.of(new ArrayList<>(merged.values()));
    }
}
