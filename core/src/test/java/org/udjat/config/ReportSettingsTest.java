package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report: block as loaded: defaults, a templates folder resolved like every path, and its errors. */
class ReportSettingsTest {
    @TempDir
    Path dir;

    private Config load(String yaml) throws Exception {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(TestChecks.standard(), Map.of(), "tester", dir.resolve("home")).load(file);
    }

    @Test
    void withoutReportTheBuiltInTemplatesAreRenderedByEveryRun() throws Exception {
        Config c = load("hosts:\n  web1:\n");
        assertEquals(new ReportSettings(null, true), c.report());
    }

    @Test
    void theTemplatesFolderIsRelativeToTheConfigFileOrTheHome() throws Exception {
        Files.createDirectories(dir.resolve("my-templates"));
        Files.createDirectories(dir.resolve("home/udjat-templates"));
        assertEquals(new ReportSettings(dir.resolve("my-templates"), false),
                load("report:\n  templates_dir: my-templates\n  on_run: false\nhosts:\n  web1:\n").report());
        assertEquals(new ReportSettings(dir.resolve("home/udjat-templates"), true),
                load("report:\n  templates_dir: ~/udjat-templates\nhosts:\n  web1:\n").report());
    }

    @Test
    void aTemplatesFolderThatIsAFileIsRejectedAtItsLine() throws Exception {
        Files.writeString(dir.resolve("index.ftlh"), "<p>hi</p>");
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("hosts:\n  web1:\nreport:\n  templates_dir: index.ftlh\n"));
        assertEquals(List.of(new ConfigError(dir.resolve("udjat.yaml").toString(), 4, 18, "report.templates_dir",
                "not a folder: " + dir.resolve("index.ftlh"))), e.errors());
    }
}
