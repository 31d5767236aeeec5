package org.udjat.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping node seen as named entries, in the order written, with its path for
 * messages. Duplicate keys are reported here (SnakeYAML would silently keep the last one);
 * the first occurrence wins.
 */
final class YamlMap {

    /** One key and its value, with the key's node for positions. */
    record Entry(String key, ScalarNode keyNode, Node value) {
    }

    private final Node node;
    private final String path;
    private final ErrorCollector errors;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private YamlMap(Node node, String path, ErrorCollector errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /**
     * Reads a mapping, reporting anything else as {@code expected <expected>, got a list}.
     *
     * @param itemWord what a key names, for duplicate messages: {@code key}, {@code host}, {@code template}
     */
    static Optional<YamlMap> read(Node node, String path, String expected, String itemWord, ErrorCollector errors) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(node, path, "expected " + expected + ", got " + ValueReader.kind(node));
            return Optional.empty();
        }
        YamlMap map = new YamlMap(node, path, errors);
        for (NodeTuple tuple : mapping.getValue()) {
            map.addEntry(tuple, itemWord);
        }
        return Optional.of(map);
    }

    /** An empty map standing at the given node, e.g. for a host written with no settings. */
    static YamlMap empty(Node node, String path, ErrorCollector errors) {
        return new YamlMap(node, path, errors);
    }

    private void addEntry(NodeTuple tuple, String itemWord) {
        Node key = tuple.getKeyNode();
        if (key.getTag().equals(Tag.MERGE)) {
            errors.add(key, path, "merge keys (\"<<\") are not supported; use templates to share checks");
            return;
        }
        if (!(key instanceof ScalarNode scalar) || scalar.getValue().isEmpty()) {
            errors.add(key, path, "expected a name as key, got " + ValueReader.kind(key));
            return;
        }
        String name = scalar.getValue();
        Entry first = entries.get(name);
        if (first != null) {
            errors.add(key, path, "duplicate " + itemWord + " \"" + name + "\" (first defined at line "
                    + (first.keyNode().getStartMark().getLine() + 1) + ")");
            return;
        }
        entries.put(name, new Entry(name, scalar, tuple.getValueNode()));
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    /** The path of one of this map's keys, e.g. {@code hosts.web1} + {@code port}. */
    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Optional<Node> get(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    Optional<ScalarNode> keyNode(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.keyNode());
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    /** Reports every key not in the allowed list, suggesting the closest allowed one. */
    void rejectUnknown(List<String> allowed) {
        for (Entry e : entries.values()) {
            if (!allowed.contains(e.key())) {
                errors.add(e.keyNode(), path, Suggester.unknown("key", e.key(), allowed, true));
            }
        }
    }
}
