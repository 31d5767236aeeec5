package org.udjat.notify.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.udjat.api.NoticeJson;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.NotifierContract;

/**
 * The jar this module builds is a working udjat plugin: loaded from a plugins folder by udjat
 * core's own loader, it provides the {@code command} notifier, which runs a real script. Runs
 * after {@code package}, on a classpath without the plugin's classes.
 */
class CommandPluginIT {
    private static final String PLUGIN_ID = "udjat-notify-command";
    /** By name only: the class itself is not on this test's classpath. */
    private static final String NOTIFIER = "org.udjat.notify.command.CommandNotifier";
    private static Path jar;
    private static String version;

    @BeforeAll
    static void builtJar() {
        jar = Path.of(System.getProperty("udjat.plugin.jar", "(udjat.plugin.jar not set: run with mvn verify)"));
        version = System.getProperty("udjat.plugin.version");
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
                    .filter(n -> n.startsWith("org/udjat/api/") || n.startsWith("org/pf4j/") || n.startsWith("com/fasterxml/"))
                    .toList();
            assertEquals(List.of(), foreign, "the host provides these; a copy in the plugin would clash with it");
        }
    }

    @Test
    void udjatLoadsTheJarAndTheNotifierRunsARealScript(@TempDir Path pluginsDir, @TempDir Path work) throws Exception {
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        Path stdin = work.resolve("stdin.json");
        Path script = Scripts.write(work, "page-me", "[ \"$NAGIOS_HOSTSTATE\" = DOWN ] || exit 65\ncat > \"$OUT\"\n");
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            List<Notifier> notifiers = plugin.getPluginManager().getExtensions(Notifier.class, PLUGIN_ID);
            assertEquals(1, notifiers.size(), notifiers.toString());
            Notifier command = notifiers.get(0);
            assertEquals("command", command.type());
            assertNotEquals(ClassLoader.getSystemClassLoader(), command.getClass().getClassLoader());

            Settings options = Settings.of(Map.of("command", List.of(script.toString()), "env", Map.of("OUT", stdin.toString())));
            assertEquals(List.of(), command.validate(options));
            Notice page = NotifierContract.samplePage(NotifierContract.alice());
            Delivery d = command.send(page, options, java.time.Duration.ofSeconds(5));
            assertEquals(Delivery.ok(), d);
            assertEquals(page, NoticeJson.read(Files.readString(stdin)));
        }
    }
}
