package org.udjat.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
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
import org.udjat.api.Settings;
import org.udjat.notify.webhook.http.RecordingServer;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.NotifierContract;

/**
 * The jar this module builds is a working udjat plugin, with the webhook plugin's HTTP code
 * inside it under its own package: loaded from a plugins directory by PF4J on its own, its
 * {@code sms} notifier sends to a real HTTP gateway. Runs after {@code package}, on a
 * classpath without the plugin's classes.
 */
class SmsPluginIT {
    private static final String PLUGIN_ID = "udjat-notify-sms";
    private static final String NOTIFIER = "org.udjat.notify.sms.SmsNotifier";
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
    void theJarBundlesTheHttpCodeRelocatedAndNothingOfTheHostOrTheWebhookNotifier() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals(PLUGIN_ID, main.getValue("Plugin-Id"));
            assertEquals("org.pf4j.Plugin", main.getValue("Plugin-Class"));
            String index = new String(file.getInputStream(file.getEntry("META-INF/extensions.idx")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals(List.of(NOTIFIER), index.lines().filter(l -> !l.startsWith("#")).toList());
            assertTrue(file.getEntry("org/udjat/notify/sms/internal/http/HttpDelivery.class") != null);
            List<String> foreign = file.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/udjat/api/") || n.startsWith("org/pf4j/") || n.startsWith("com/fasterxml/")
                            || n.startsWith("org/udjat/notify/webhook/"))
                    .toList();
            assertEquals(List.of(), foreign);
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
    void theLoadedNotifierSendsToARealGateway(@TempDir Path pluginsDir) throws IOException {
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        PluginManager pf4j = new DefaultPluginManager(List.of(pluginsDir));
        try (RecordingServer gateway = RecordingServer.start()) {
            pf4j.loadPlugins();
            pf4j.startPlugins();
            List<Notifier> notifiers = pf4j.getExtensions(Notifier.class, PLUGIN_ID);
            assertEquals(1, notifiers.size(), notifiers.toString());
            Notifier sms = notifiers.get(0);
            assertEquals("sms", sms.type());
            assertNotEquals(ClassLoader.getSystemClassLoader(), sms.getClass().getClassLoader());

            Settings options = Settings.of(Map.of("url", gateway.url("/send?to={phone}"), "body", "text={text}"));
            assertEquals(List.of(), sms.validate(options));
            Delivery d = sms.send(NotifierContract.samplePage(NotifierContract.alice()), options, Duration.ofSeconds(5));
            assertEquals(Delivery.ok(), d);
            RecordingServer.Request got = gateway.requests().get(0);
            assertEquals("to=%2B15550100", got.rawQuery());
            assertTrue(URLDecoder.decode(got.body(), StandardCharsets.UTF_8).startsWith("text=DOWN: gw1 DOWN; 37 checks"),
                    got.body());
        } finally {
            pf4j.unloadPlugins();
        }
    }
}
