package org.udjat.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the {@code report:} block; a templates folder that is not there is reported at its line. */
final class ReportReader {
    static final List<String> KEYS = List.of("templates_dir", "on_run");

    private ReportReader() {
    }

    static ReportSettings read(Node node, ValueReader values) {
        Optional<YamlMap> read = YamlMap.read(node, "report", "a map of report settings", "key", values.errors());
        if (read.isEmpty()) {
            return ReportSettings.DEFAULT;
        }
        YamlMap map = read.get();
        map.rejectUnknown(KEYS);
        Path templates = map.get("templates_dir").flatMap(n -> folder(n, map.pathOf("templates_dir"), values))
                .orElse(null);
        boolean onRun = map.get("on_run").flatMap(n -> values.bool(n, map.pathOf("on_run")))
                .orElse(ReportSettings.DEFAULT.onRun());
        return new ReportSettings(templates, onRun);
    }

    private static Optional<Path> folder(Node node, String path, ValueReader values) {
        Optional<Path> dir = values.path(node, path);
        if (dir.isPresent() && !Files.isDirectory(dir.get())) {
            values.errors().add(node, path, (Files.exists(dir.get()) ? "not a folder: " : "no such folder: ")
                    + dir.get());
            return Optional.empty();
        }
        return dir;
    }
}
