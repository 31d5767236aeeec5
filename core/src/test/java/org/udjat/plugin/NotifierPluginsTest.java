package org.udjat.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Settings;
import org.udjat.testkit.PluginJar;

class NotifierPluginsTest {

    /** A notifier plugin whose send answers with a text naming itself, so a test can tell which one ran. */
    private static PluginJar notifierPlugin(String id, String pkg, String type, String says) {
        String source = """
                package %s;

                import java.time.Duration;
                import org.pf4j.Extension;
                import org.udjat.api.*;

                @Extension
                public class TheNotifier implements Notifier {
                    public String type() { return "%s"; }
                    public Delivery send(Notice notice, Settings options, Duration timeout) {
                        return Delivery.rejected("%s");
                    }
                }
                """.formatted(pkg, type, says);
        return PluginJar.plugin(id, "1.0.0").source(pkg + ".TheNotifier", source);
    }

    private static String answer(Plugins plugins, String type) {
        Notice notice = new Notice("n1", Instant.parse("2026-12-01T03:00:00Z"), Notice.Kind.PROBLEM, Notice.Urgency.LOW,
                "CRITICAL", "db1 down", List.of(), List.of(), null, null, 0);
        Delivery delivery = plugins.notifiers().get(type).send(notice, Settings.empty(), Duration.ofSeconds(1));
        return delivery.reason();
    }

    @Test
    void notifiersLoadFromTheBuiltInFolderAndFromPluginsDirThroughPf4j(@TempDir Path tmp) {
        Path builtin = tmp.resolve("builtin");
        Path pluginsDir = tmp.resolve("plugins");
        notifierPlugin("udjat-notify-pigeon", "org.example.pigeon", "pigeon", "pigeon flew")
                .writeTo(builtin.resolve("udjat-notify-pigeon.jar"));
        notifierPlugin("smoke-signals", "org.example.smoke", "smoke", "smoke rose")
                .writeTo(pluginsDir.resolve("smoke-signals-1.0.0.jar"));

        try (Plugins plugins = Plugins.load(builtin, pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            assertEquals("pigeon flew", answer(plugins, "pigeon"));
            assertEquals("smoke rose", answer(plugins, "smoke"));
            assertTrue(plugins.extensions().contains(new LoadedExtension("udjat-notify-pigeon", "Notifier", "pigeon",
                    "org.example.pigeon.TheNotifier")), plugins.extensions().toString());
            assertTrue(plugins.extensions().contains(new LoadedExtension("smoke-signals", "Notifier", "smoke",
                    "org.example.smoke.TheNotifier")), plugins.extensions().toString());
            assertTrue(plugins.checks().containsKey("load"), "built-in checks still come from the classpath");
            assertEquals(2, plugins.externalPlugins().size());
        }
    }

    @Test
    void aTypeAlreadyProvidedByABuiltInPluginIsAFailureAndTheBuiltInOneStays(@TempDir Path tmp) {
        Path builtin = tmp.resolve("builtin");
        Path pluginsDir = tmp.resolve("plugins");
        notifierPlugin("udjat-notify-pigeon", "org.example.pigeon", "pigeon", "built-in pigeon")
                .writeTo(builtin.resolve("udjat-notify-pigeon.jar"));
        // named to sort first and written last, so neither file name nor age can make it win
        notifierPlugin("a-rival-pigeon", "org.example.rival", "pigeon", "rival pigeon")
                .writeTo(pluginsDir.resolve("a-rival-pigeon.jar"));

        try (Plugins plugins = Plugins.load(builtin, pluginsDir)) {
            assertEquals("built-in pigeon", answer(plugins, "pigeon"));
            assertEquals(List.of(new PluginFailure("org.example.rival.TheNotifier",
                    "Notifier \"pigeon\" is already provided by org.example.pigeon.TheNotifier")), plugins.failures());
        }
    }

    @Test
    void aMissingBuiltInFolderIsFineAndPluginsDirStillLoads(@TempDir Path tmp) {
        Path pluginsDir = tmp.resolve("plugins");
        notifierPlugin("smoke-signals", "org.example.smoke", "smoke", "smoke rose")
                .writeTo(pluginsDir.resolve("smoke-signals.jar"));

        try (Plugins plugins = Plugins.load(tmp.resolve("not-built"), pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            assertEquals(List.of("smoke"), List.copyOf(plugins.notifiers().keySet()));
        }
        try (Plugins plugins = Plugins.load(tmp.resolve("not-built"), null)) {
            assertEquals(List.of(), plugins.failures());
            assertTrue(plugins.notifiers().isEmpty());
            assertTrue(plugins.checks().containsKey("load"));
        }
    }

    @Test
    void theBuiltInFolderComesFromTheLaunchersSystemProperty(@TempDir Path tmp) {
        String before = System.getProperty(Plugins.BUILTIN_PROPERTY);
        try {
            System.setProperty(Plugins.BUILTIN_PROPERTY, tmp.toString());
            assertEquals(tmp, Plugins.builtinDir());
            System.clearProperty(Plugins.BUILTIN_PROPERTY);
            assertEquals(null, Plugins.builtinDir());
        } finally {
            if (before != null) {
                System.setProperty(Plugins.BUILTIN_PROPERTY, before);
            }
        }
    }
}
