package org.udjat.notify.webhook;

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
import org.udjat.api.Delivery;
import org.udjat.api.Notifier;
import org.udjat.api.NoticeJson;
import org.udjat.api.Settings;
import org.udjat.notify.webhook.http.RecordingServer;
import org.udjat.plugin.LoadedExtension;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.BuiltPluginJar;
import org.udjat.testkit.NotifierContract;

/**
 * The jar this module builds is a working udjat plugin: loaded from a plugins directory by
 * PF4J, its {@code webhook} notifier posts to a real HTTP server. Runs after {@code package},
 * on a classpath without the plugin's classes.
 */
class WebhookPluginIT {
    private static final String PLUGIN_ID = "udjat-notify-webhook";
    private static final String NOTIFIER = "org.udjat.notify.webhook.WebhookNotifier";
    private static BuiltPluginJar jar;

    @BeforeAll
    static void builtJar() {
        jar = BuiltPluginJar.fromProperty("udjat.plugin.jar", null);
    }

    @Test
    void theHostClasspathDoesNotHoldThePluginClasses() {
        BuiltPluginJar.assertNotOnHostClasspath(NOTIFIER);
    }

    @Test
    void theJarCarriesThePf4jDescriptorAndTheExtensionIndexButNotTheHostsClasses() throws IOException {
        jar.assertDescriptor(PLUGIN_ID);
        assertEquals(List.of(NOTIFIER), jar.extensionIndex());
        jar.assertBundlesNoneOf("com/fasterxml/");
    }

    @Test
    void udjatLoadsTheJarFromAPluginsDirectory(@TempDir Path pluginsDir) throws IOException {
        jar.copyInto(pluginsDir);
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            assertEquals(PLUGIN_ID, plugins.externalPlugins().get(0).getPluginId());
            assertEquals(PluginState.STARTED, plugins.externalPlugins().get(0).getPluginState());
        }
    }

    @Test
    void theLoadedNotifierPostsToARealServer(@TempDir Path pluginsDir) throws IOException {
        jar.copyInto(pluginsDir);
        try (Plugins plugins = Plugins.load(pluginsDir); RecordingServer server = RecordingServer.start()) {
            assertEquals(List.of(new LoadedExtension(PLUGIN_ID, "Notifier", "webhook", NOTIFIER)), plugins.extensions().stream()
                    .filter(e -> e.plugin().equals(PLUGIN_ID) && e.extensionPoint().equals("Notifier")).toList());
            Notifier webhook = plugins.notifiers().get("webhook");
            assertEquals("webhook", webhook.type());
            assertNotEquals(ClassLoader.getSystemClassLoader(), webhook.getClass().getClassLoader());

            Settings options = Settings.of(Map.of("url", server.url("/hook"), "headers", Map.of("X-Udjat", "it")));
            assertEquals(List.of(), webhook.validate(options));
            Delivery d = webhook.send(NotifierContract.samplePage(null), options, Duration.ofSeconds(5));
            assertEquals(Delivery.ok(), d);
            RecordingServer.Request got = server.requests().get(0);
            assertEquals("it", got.header("X-Udjat"));
            assertEquals(NotifierContract.samplePage(null), NoticeJson.read(got.body()));
        }
    }
}
