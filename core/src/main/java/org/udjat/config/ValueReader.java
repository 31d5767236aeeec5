package org.udjat.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of YAML nodes, reporting each bad value with what was expected
 * and what was found, and returning empty so reading can go on and find further problems.
 */
final class ValueReader {
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /** A string from a list, with its node for positions. */
    record Item(String value, Node node, String path) {
    }

    private final ErrorCollector errors;
    private final PathResolver paths;

    ValueReader(ErrorCollector errors, PathResolver paths) {
        this.errors = errors;
        this.paths = paths;
    }

    ErrorCollector errors() {
        return errors;
    }

    /** How a node looks to a person: {@code a number}, {@code text}, {@code a list}, {@code a map}... */
    static String kind(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a map";
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            return "nothing";
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "a number";
        }
        if (tag.equals(Tag.BOOL)) {
            return "true/false";
        }
        return ((ScalarNode) node).getValue().isBlank() ? "empty text" : "text";
    }

    /** Any non-empty scalar, as written (so {@code user: yes} is the text "yes", not a boolean). */
    Optional<String> text(Node node, String path, String expected) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && !s.getValue().isBlank()) {
            return Optional.of(s.getValue());
        }
        errors.add(node, path, "expected " + expected + ", got " + kind(node));
        return Optional.empty();
    }

    Optional<Duration> duration(Node node, String path) {
        Optional<String> raw = text(node, path, "a duration like \"30s\"");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = DurationParser.parse(raw.get());
        if (d.isEmpty()) {
            errors.add(node, path, "expected a duration like \"30s\", got \"" + raw.get() + "\"");
        } else if (d.get().isZero()) {
            errors.add(node, path, "must be longer than 0s");
            return Optional.empty();
        }
        return d;
    }

    Optional<Long> size(Node node, String path, long min, long max) {
        Optional<String> raw = text(node, path, "a size like \"64KiB\"");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> size = SizeParser.parse(raw.get());
        if (size.isEmpty()) {
            errors.add(node, path, "expected a size like \"64KiB\", got \"" + raw.get() + "\"");
        } else if (size.get() < min || size.get() > max) {
            errors.add(node, path, "must be between " + SizeParser.format(min) + " and "
                    + SizeParser.format(max) + ", got \"" + raw.get() + "\"");
            return Optional.empty();
        }
        return size;
    }

    Optional<Integer> integer(Node node, String path, int min, int max) {
        Optional<String> raw = text(node, path, "a whole number");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (!DECIMAL_INT.matcher(raw.get()).matches()) {
            errors.add(node, path, "expected a whole number, got \"" + raw.get() + "\"");
            return Optional.empty();
        }
        long v = raw.get().length() > 12 ? Long.MAX_VALUE : Long.parseLong(raw.get());
        if (v < min || v > max) {
            errors.add(node, path, "must be between " + min + " and " + max + ", got " + raw.get());
            return Optional.empty();
        }
        return Optional.of((int) v);
    }

    Optional<Boolean> bool(Node node, String path) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            String v = s.getValue().toLowerCase(java.util.Locale.ROOT);
            return Optional.of(v.equals("true") || v.equals("yes") || v.equals("on"));
        }
        String found = node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)
                ? "\"" + s.getValue() + "\"" : kind(node);
        errors.add(node, path, "expected true or false, got " + found);
        return Optional.empty();
    }

    /** A path, {@code ~}-expanded and resolved against the config file's folder. */
    Optional<Path> path(Node node, String path) {
        Optional<String> raw = text(node, path, "a file or folder path");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(paths.resolve(raw.get()));
        } catch (InvalidPathException e) {
            errors.add(node, path, "not a valid path: \"" + raw.get() + "\"");
            return Optional.empty();
        }
    }

    /** One of a fixed set of words, e.g. a transport; suggests the closest on a typo. */
    <E> Optional<E> oneOf(Node node, String path, String what, Map<String, E> choices) {
        Optional<String> raw = text(node, path, "one of " + String.join(", ", choices.keySet()));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        E value = choices.get(raw.get());
        if (value == null) {
            errors.add(node, path, Suggester.unknown(what, raw.get(), choices.keySet(), true));
        }
        return Optional.ofNullable(value);
    }

    /**
     * A list of names such as tags or host names; each element must be a non-empty scalar.
     *
     * @param what for messages, e.g. {@code host name} (a list of host names)
     */
    Optional<List<Item>> names(Node node, String path, String what) {
        if (!(node instanceof SequenceNode seq)) {
            errors.add(node, path, "expected a list of " + what + "s, got " + kind(node));
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        List<Node> elements = seq.getValue();
        for (int i = 0; i < elements.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Node element = elements.get(i);
            text(element, itemPath, "a " + what).ifPresent(v -> items.add(new Item(v, element, itemPath)));
        }
        return Optional.of(items);
    }

    /**
     * A node as a plain Java value for {@link org.udjat.api.Settings}: text, Long, Double,
     * Boolean, null, List or Map. Numbers YAML 1.1 reads oddly (a Nagios range {@code 10:20}
     * is a base-60 integer there, {@code 0x1F} is hex) are kept as the text written.
     */
    Object plain(Node node, String path) {
        if (node instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                list.add(plain(seq.getValue().get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(list);
        }
        if (node instanceof MappingNode) {
            Map<String, Object> map = new LinkedHashMap<>();
            YamlMap.read(node, path, "a map", "key", errors).ifPresent(m -> m.entries()
                    .forEach(e -> map.put(e.key(), plain(e.value(), m.pathOf(e.key())))));
            return Collections.unmodifiableMap(map);
        }
        ScalarNode s = (ScalarNode) node;
        String v = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            String lower = v.toLowerCase(java.util.Locale.ROOT);
            return lower.equals("true") || lower.equals("yes") || lower.equals("on");
        }
        if (tag.equals(Tag.INT) && DECIMAL_INT.matcher(v).matches() && v.length() < 19) {
            return Long.parseLong(v);
        }
        if (tag.equals(Tag.FLOAT) && DECIMAL_FLOAT.matcher(v).matches()) {
            return Double.parseDouble(v);
        }
        return v;
    }
}
