package org.udjat.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import org.udjat.api.Settings;
import org.udjat.notify.webhook.http.RecordingServer;
import org.udjat.plugin.LoadedExtension;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.BuiltPluginJar;
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
    void theJarBundlesTheHttpCodeRelocatedAndNothingOfTheHostOrTheWebhookNotifier() throws IOException {
        jar.assertDescriptor(PLUGIN_ID);
        assertEquals(List.of(NOTIFIER), jar.extensionIndex());
        jar.assertHolds("org/udjat/notify/sms/internal/http/HttpDelivery.class");
        jar.assertBundlesNoneOf("com/fasterxml/", "org/udjat/notify/webhook/");
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
    void theLoadedNotifierSendsToARealGateway(@TempDir Path pluginsDir) throws IOException {
        jar.copyInto(pluginsDir);
        try (Plugins plugins = Plugins.load(pluginsDir); RecordingServer gateway = RecordingServer.start()) {
            assertEquals(List.of(new LoadedExtension(PLUGIN_ID, "Notifier", "sms", NOTIFIER)), plugins.extensions().stream()
                    .filter(e -> e.plugin().equals(PLUGIN_ID) && e.extensionPoint().equals("Notifier")).toList());
            Notifier sms = plugins.notifiers().get("sms");
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
        }
    }
}
