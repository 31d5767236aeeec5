package org.udjat.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.PluginJar;

class PluginsTest {
    private static final String HELLO_CHECK = """
            package org.example.hello;

            import java.util.List;
            import java.util.Optional;
            import org.pf4j.Extension;
            import org.udjat.api.*;

            @Extension
            public class HelloCheck implements Check {
                public String name() { return "hello"; }
                public Optional<String> command(Platform platform, Settings options) { return Optional.of("echo hello"); }
                public CheckOutcome parse(RawOutput raw, Settings options) {
                    return new CheckOutcome(Status.OK, "HELLO " + raw.text().trim(), "", List.of());
                }
            }
            """;

    private static final String EXPLODING_PLUGIN = """
            package org.example.boom;

            public class BoomPlugin extends org.pf4j.Plugin {
                @Override
                public void start() { throw new IllegalStateException("boom at start"); }
            }
            """;

    @Test
    void builtInChecksAreFoundOnTheClasspathWithoutAPluginsDirectory() {
        try (Plugins plugins = Plugins.load(null)) {
            assertTrue(plugins.checks().containsKey("load"), plugins.checks().keySet().toString());
            assertTrue(plugins.extensions().stream().allMatch(e -> e.plugin().equals(LoadedExtension.BUILT_IN)));
            assertEquals(List.of(), plugins.failures());
        }
    }

    @Test
    void externalPluginIsLoadedAndBrokenOnesAreReportedByNameWithoutStoppingTheOthers(@TempDir Path dir) {
        PluginJar.plugin("hello-plugin", "1.2.0").source("org.example.hello.HelloCheck", HELLO_CHECK)
                .writeTo(dir.resolve("hello-plugin-1.2.0.jar"));
        PluginJar.withoutId().writeTo(dir.resolve("no-id.jar"));
        PluginJar.plugin("boom-plugin", "0.1.0").source("org.example.boom.BoomPlugin", EXPLODING_PLUGIN)
                .manifest("Plugin-Class", "org.example.boom.BoomPlugin")
                .writeTo(dir.resolve("boom-plugin.jar"));

        try (Plugins plugins = Plugins.load(dir)) {
            var hello = plugins.checks().get("hello");
            assertEquals("echo hello", hello.command(Platform.LINUX, Settings.empty()).orElseThrow());
            assertEquals(Status.OK, hello.parse(new RawOutput("hello\n", 0, false), Settings.empty()).status());
            assertTrue(plugins.extensions().contains(new LoadedExtension("hello-plugin", "Check", "hello",
                    "org.example.hello.HelloCheck")));
            assertTrue(plugins.checks().containsKey("load"), "built-ins still load next to external plugins");

            List<String> failures = plugins.failures().stream().map(PluginFailure::toString).toList();
            assertEquals(2, failures.size(), failures.toString());
            assertTrue(failures.stream().anyMatch(f -> f.startsWith("no-id.jar: ") && f.contains("id")), failures.toString());
            assertTrue(failures.contains("boom-plugin: failed to start: IllegalStateException: boom at start"),
                    failures.toString());
        }
    }

    @Test
    void missingPluginsDirectoryIsAFailureEntryNotAnException(@TempDir Path dir) {
        try (Plugins plugins = Plugins.load(dir.resolve("nope"))) {
            assertFalse(plugins.failures().isEmpty());
            assertEquals("plugins directory does not exist", plugins.failures().get(0).reason());
            assertTrue(plugins.checks().containsKey("load"));
        }
    }
}
