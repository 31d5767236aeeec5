package org.udjat.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the top-level {@code rrd:} block: whether RRD files are written, and the archives each
 * file keeps. Every problem is reported; a bad block falls back to the defaults so reading goes on.
 */
final class RrdReader {
    static final List<String> KEYS = List.of("enabled", "archives");
    static final List<String> ARCHIVE_KEYS = List.of("every", "keep");
    /** 1,000,000 rows of AVERAGE, MIN and MAX are 24 MB per measured value: beyond that is a typo. */
    static final long MAX_ROWS = 1_000_000;

    private final ValueReader values;

    RrdReader(ValueReader values) {
        this.values = values;
    }

    /** The settings of {@code node}, or the defaults for {@code interval} when it is absent or bad. */
    RrdSettings read(Optional<Node> node, Duration interval) {
        RrdSettings defaults = RrdSettings.defaults(interval);
        if (node.isEmpty()) {
            return defaults;
        }
        Optional<YamlMap> read = YamlMap.read(node.get(), "rrd", "a map of RRD settings", "key", values.errors());
        if (read.isEmpty()) {
            return defaults;
        }
        YamlMap map = read.get();
        map.rejectUnknown(KEYS);
        boolean enabled = map.get("enabled").flatMap(n -> values.bool(n, "rrd.enabled")).orElse(true);
        List<RrdSettings.Archive> archives = map.get("archives").map(n -> archives(n, interval))
                .orElse(defaults.archives());
        return new RrdSettings(enabled, interval, archives.isEmpty() ? defaults.archives() : archives);
    }

    private List<RrdSettings.Archive> archives(Node node, Duration interval) {
        if (!(node instanceof SequenceNode seq)) {
            values.errors().add(node, "rrd.archives", "expected a list of archives like [{every: 30m, keep: 14d}], got "
                    + ValueReader.kind(node));
            return List.of();
        }
        if (seq.getValue().isEmpty()) {
            values.errors().add(node, "rrd.archives", "expected at least one archive like {every: 30m, keep: 14d}");
            return List.of();
        }
        List<RrdSettings.Archive> archives = new ArrayList<>();
        Map<Integer, Integer> firstBySteps = new HashMap<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String path = "rrd.archives[" + i + "]";
            Node element = seq.getValue().get(i);
            Optional<Parsed> archive = archive(element, path, interval);
            if (archive.isEmpty()) {
                continue;
            }
            int steps = new RrdSettings(true, interval, List.of()).stepsOf(archive.get().archive());
            Integer first = firstBySteps.putIfAbsent(steps, i);
            if (first != null) {
                Node every = archive.get().every();
                values.errors().add(every, path + ".every", "\"" + written(every) + "\" rounds to "
                        + DurationParser.format(interval.multipliedBy(steps)) + " (a whole number of intervals), as "
                        + "rrd.archives[" + first + "] does; each archive needs a different \"every\"");
                continue;
            }
            archives.add(archive.get().archive());
        }
        return archives;
    }

    /** An archive read, with the node of its {@code every} for later messages. */
    private record Parsed(RrdSettings.Archive archive, Node every) {
    }

    private Optional<Parsed> archive(Node node, String path, Duration interval) {
        Optional<YamlMap> read = YamlMap.read(node, path, "an archive like {every: 30m, keep: 14d}", "key",
                values.errors());
        if (read.isEmpty()) {
            return Optional.empty();
        }
        YamlMap map = read.get();
        map.rejectUnknown(ARCHIVE_KEYS);
        Optional<Duration> every = required(map, "every", path);
        Optional<Duration> keep = required(map, "keep", path);
        if (every.isEmpty() || keep.isEmpty()) {
            return Optional.empty();
        }
        Node everyNode = map.get("every").orElseThrow();
        Node keepNode = map.get("keep").orElseThrow();
        if (every.get().compareTo(interval) < 0) {
            values.errors().add(everyNode, path + ".every", "must be at least the interval ("
                    + DurationParser.format(interval) + "), got \"" + written(everyNode) + "\"");
            return Optional.empty();
        }
        if (keep.get().compareTo(every.get()) < 0) {
            values.errors().add(keepNode, path + ".keep", "must be at least \"every\" (" + written(everyNode)
                    + "), got \"" + written(keepNode) + "\"");
            return Optional.empty();
        }
        RrdSettings.Archive archive = new RrdSettings.Archive(every.get(), keep.get());
        long rows = new RrdSettings(true, interval, List.of()).rowsOf(archive);
        if (rows > MAX_ROWS) {
            values.errors().add(keepNode, path + ".keep", "\"" + written(keepNode) + "\" of one row every \""
                    + written(everyNode) + "\" is " + rows + " rows; at most " + MAX_ROWS
                    + " per archive (keep fine rows for less time, and add a coarser archive for the long term)");
            return Optional.empty();
        }
        return Optional.of(new Parsed(archive, everyNode));
    }

    /** A scalar as the file spells it, for messages. */
    private static String written(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : ValueReader.kind(node);
    }

    private Optional<Duration> required(YamlMap map, String key, String path) {
        Optional<Node> node = map.get(key);
        if (node.isEmpty()) {
            values.errors().add(map.node(), path, "missing \"" + key + "\"");
            return Optional.empty();
        }
        return values.duration(node.get(), path + "." + key);
    }
}
