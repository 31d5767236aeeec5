package org.udjat.example.ntfy;

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
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.NotifierContract;

/**
 * The jar this module builds is a working udjat plugin: dropped into a plugins folder and loaded
 * by udjat core's own loader, it provides the {@code ntfy} notifier, which delivers to a local
 * server. Runs after {@code package}, on a classpath without the plugin's classes.
 */
class NtfyPluginIT {
    private static final String PLUGIN_ID = "udjat-example-notify-ntfy";
    /** By name only: the class itself is not on this test's classpath. */
    private static final String NOTIFIER = "org.udjat.example.ntfy.NtfyNotifier";
    private static Path jar;
    private static String version;

    @BeforeAll
    static void builtJar() {
        jar = Path.of(System.getProperty("udjat.example.jar", "(udjat.example.jar not set: run with mvn verify)"));
        version = System.getProperty("udjat.example.version");
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
            assertEquals(version, main.getValue("Plugin-Version"));
            assertEquals("org.pf4j.Plugin", main.getValue("Plugin-Class"));
            String index = new String(file.getInputStream(file.getEntry("META-INF/extensions.idx")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(index.lines().anyMatch(l -> l.equals(NOTIFIER)), index);
            List<String> foreign = file.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/udjat/api/") || n.startsWith("org/pf4j/")).toList();
            assertEquals(List.of(), foreign, "the host provides these; a copy in the plugin would clash with it");
        }
    }

    @Test
    void udjatLoadsTheJarAndTheNotifierDeliversToALocalServer(@TempDir Path pluginsDir) throws Exception {
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        try (Plugins plugins = Plugins.load(pluginsDir); NtfyServer server = new NtfyServer()) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            // udjat core does not list notifiers yet: ask PF4J for the plugin's Notifier extensions
            List<Notifier> notifiers = plugin.getPluginManager().getExtensions(Notifier.class, PLUGIN_ID);
            assertEquals(1, notifiers.size(), notifiers.toString());
            Notifier ntfy = notifiers.get(0);
            assertEquals("ntfy", ntfy.type());
            assertNotEquals(ClassLoader.getSystemClassLoader(), ntfy.getClass().getClassLoader());

            Settings options = Settings.of(Map.of("server", server.url(), "topic", "ops"));
            assertEquals(List.of(), ntfy.validate(options));
            Notice page = NotifierContract.samplePage(NotifierContract.alice());
            assertEquals(Delivery.ok(), ntfy.send(page, options, Duration.ofSeconds(5)));
            NtfyServer.Request got = server.requests().get(0);
            assertEquals("/ops", got.path());
            assertEquals("urgent", got.header("Priority"));
            assertEquals(page.text(), got.body());
        }
    }
}
