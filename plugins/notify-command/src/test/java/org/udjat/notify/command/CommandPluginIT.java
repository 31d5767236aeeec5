package org.udjat.notify.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.udjat.plugin.LoadedExtension;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.BuiltPluginJar;
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
    private static BuiltPluginJar jar;

    @BeforeAll
    static void builtJar() {
        jar = BuiltPluginJar.fromProperty("udjat.plugin.jar", "udjat.plugin.version");
    }

    @Test
    void theHostClasspathDoesNotHoldThePluginClasses() {
        BuiltPluginJar.assertNotOnHostClasspath(NOTIFIER);
    }

    @Test
    void theJarCarriesThePf4jDescriptorAndTheExtensionIndexButNotTheHostsClasses() throws IOException {
        jar.assertDescriptor(PLUGIN_ID);
        jar.assertIndexes(NOTIFIER);
        jar.assertBundlesNoneOf("com/fasterxml/");
    }

    @Test
    void udjatLoadsTheJarAndTheNotifierRunsARealScript(@TempDir Path pluginsDir, @TempDir Path work) throws Exception {
        jar.copyInto(pluginsDir);
        Path stdin = work.resolve("stdin.json");
        Path script = Scripts.write(work, "page-me", "[ \"$NAGIOS_HOSTSTATE\" = DOWN ] || exit 65\ncat > \"$OUT\"\n");
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            assertEquals(List.of(new LoadedExtension(PLUGIN_ID, "Notifier", "command", NOTIFIER)), plugins.extensions().stream()
                    .filter(e -> e.plugin().equals(PLUGIN_ID) && e.extensionPoint().equals("Notifier")).toList());
            Notifier command = plugins.notifiers().get("command");
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
