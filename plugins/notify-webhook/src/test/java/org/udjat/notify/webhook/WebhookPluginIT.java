package org.udjat.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.udjat.api.Delivery;
import org.udjat.api.Notifier;
import org.udjat.api.NoticeJson;
import org.udjat.api.Settings;
import org.udjat.notify.webhook.http.RecordingServer;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.NotifierContract;

/**
 * The jar this module builds is a working udjat plugin: loaded from a plugins directory by
 * PF4J, its {@code webhook} notifier posts to a real HTTP server. Runs after {@code package},
 * on a classpath without the plugin's classes.
 */
class WebhookPluginIT {
    private static final String PLUGIN_ID = "udjat-notify-webhook";
    private static final String NOTIFIER = "org.udjat.notify.webhook.WebhookNotifier";
    private static Path jar;

    @BeforeAll
    static void builtJar() {
        jar = Path.of(System.getProperty("udjat.plugin.jar", "(udjat.plugin.jar not set: run with mvn verify)"));
        assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + "; run mvn verify");
    }

    @Test
    void theHostClasspathDoesNotHoldThePluginClasses() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(NOTIFIER));
    }

    @Test
    void theJarCarriesThePf4jDescriptorAndTheExtensionIndexButNotTheHostsClasses() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals(PLUGIN_ID, main.getValue("Plugin-Id"));
            assertEquals("org.pf4j.Plugin", main.getValue("Plugin-Class"));
            String index = new String(file.getInputStream(file.getEntry("META-INF/extensions.idx")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals(List.of(NOTIFIER), index.lines().filter(l -> !l.startsWith("#")).toList());
            List<String> foreign = file.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/udjat/api/") || n.startsWith("org/pf4j/") || n.startsWith("com/fasterxml/"))
                    .toList();
            assertEquals(List.of(), foreign, "the host provides these; a copy in the plugin would clash with it");
        }
    }

    @Test
    void udjatLoadsTheJarFromAPluginsDirectory(@TempDir Path pluginsDir) throws IOException {
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            assertEquals(PLUGIN_ID, plugins.externalPlugins().get(0).getPluginId());
            assertEquals(PluginState.STARTED, plugins.externalPlugins().get(0).getPluginState());
        }
    }

    @Test
    void theLoadedNotifierPostsToARealServer(@TempDir Path pluginsDir) throws IOException {
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        PluginManager pf4j = new DefaultPluginManager(List.of(pluginsDir));
        try (RecordingServer server = RecordingServer.start()) {
            pf4j.loadPlugins();
            pf4j.startPlugins();
            List<Notifier> notifiers = pf4j.getExtensions(Notifier.class, PLUGIN_ID);
            assertEquals(1, notifiers.size(), notifiers.toString());
            Notifier webhook = notifiers.get(0);
            assertEquals("webhook", webhook.type());
            assertNotEquals(ClassLoader.getSystemClassLoader(), webhook.getClass().getClassLoader());

            Settings options = Settings.of(Map.of("url", server.url("/hook"), "headers", Map.of("X-Udjat", "it")));
            assertEquals(List.of(), webhook.validate(options));
            Delivery d = webhook.send(NotifierContract.samplePage(null), options, Duration.ofSeconds(5));
            assertEquals(Delivery.ok(), d);
            RecordingServer.Request got = server.requests().get(0);
            assertEquals("it", got.header("X-Udjat"));
            assertEquals(NotifierContract.samplePage(null), NoticeJson.read(got.body()));
        } finally {
            pf4j.unloadPlugins();
        }
    }
}
