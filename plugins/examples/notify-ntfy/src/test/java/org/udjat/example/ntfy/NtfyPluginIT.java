package org.udjat.example.ntfy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.plugin.LoadedExtension;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.BuiltPluginJar;
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
    private static BuiltPluginJar jar;

    @BeforeAll
    static void builtJar() {
        jar = BuiltPluginJar.fromProperty("udjat.example.jar", "udjat.example.version");
    }

    @Test
    void theHostClasspathDoesNotHoldThePluginClasses() {
        BuiltPluginJar.assertNotOnHostClasspath(NOTIFIER);
    }

    @Test
    void theJarCarriesThePf4jDescriptorAndTheExtensionIndexButNotTheHostsClasses() throws IOException {
        jar.assertDescriptor(PLUGIN_ID);
        jar.assertIndexes(NOTIFIER);
        jar.assertBundlesNoneOf();
    }

    @Test
    void udjatLoadsTheJarAndTheNotifierDeliversToALocalServer(@TempDir Path pluginsDir) throws Exception {
        jar.copyInto(pluginsDir);
        try (Plugins plugins = Plugins.load(pluginsDir); NtfyServer server = new NtfyServer()) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            assertEquals(List.of(new LoadedExtension(PLUGIN_ID, "Notifier", "ntfy", NOTIFIER)), plugins.extensions().stream()
                    .filter(e -> e.plugin().equals(PLUGIN_ID) && e.extensionPoint().equals("Notifier")).toList());
            Notifier ntfy = plugins.notifiers().get("ntfy");
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
