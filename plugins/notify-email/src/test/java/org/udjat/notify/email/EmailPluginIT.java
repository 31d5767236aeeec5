package org.udjat.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.udjat.api.Delivery;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.BuiltPluginJar;
import org.udjat.testkit.NotifierContract;

/**
 * The jar this module builds is a working udjat plugin: udjat's loader starts it from a plugins
 * directory, and the email notifier PF4J finds in it sends to a real SMTP server with the Jakarta
 * Mail bundled in the jar, whatever the calling thread's context class loader. Runs after
 * {@code package}, on a classpath without the plugin's classes.
 */
class EmailPluginIT {
    private static final String PLUGIN_ID = "udjat-notify-email";
    /** By name only: the class itself is not on this test's classpath. */
    private static final String NOTIFIER_CLASS = "org.udjat.notify.email.EmailNotifier";
    private static BuiltPluginJar jar;

    @BeforeAll
    static void builtJar() {
        jar = BuiltPluginJar.fromProperty("udjat.notify.jar", "udjat.notify.version");
    }

    @Test
    void theHostClasspathDoesNotHoldThePluginClasses() {
        BuiltPluginJar.assertNotOnHostClasspath(NOTIFIER_CLASS);
    }

    @Test
    void theJarCarriesTheDescriptorTheExtensionAndJakartaMailButNotTheHostsClasses() throws IOException {
        Attributes main = jar.assertDescriptor(PLUGIN_ID);
        assertEquals("udjat", main.getValue("Plugin-Provider"));
        assertEquals(">=0.1.0", main.getValue("Plugin-Requires"));
        jar.assertIndexes(NOTIFIER_CLASS);
        jar.assertHolds("jakarta/mail/Session.class", "org/eclipse/angus/mail/smtp/SMTPTransport.class",
                "jakarta/activation/DataHandler.class", "META-INF/javamail.default.providers",
                "META-INF/services/jakarta.mail.util.StreamProvider");
        jar.assertBundlesNoneOf("org/udjat/plugin/", "com/fasterxml/");
    }

    @Test
    void udjatsLoaderStartsThePlugin(@TempDir Path pluginsDir) throws IOException {
        jar.copyInto(pluginsDir);
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(jar.version(), plugin.getDescriptor().getVersion());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
        }
    }

    @Test
    void theNotifierFromTheJarSendsToARealServerWhateverTheContextClassLoader(@TempDir Path pluginsDir, @TempDir Path secrets)
            throws Exception {
        jar.copyInto(pluginsDir);
        Path password = Files.writeString(secrets.resolve("smtp.pw"), Mailbox.PASSWORD + "\n");
        try (Plugins plugins = Plugins.load(pluginsDir); Mailbox mailbox = Mailbox.smtp()) {
            Notifier email = plugins.notifiers().get("email");
            assertNotNull(email, plugins.notifiers().toString());
            ClassLoader pluginLoader = email.getClass().getClassLoader();
            PluginWrapper plugin = plugins.externalPlugins().stream().filter(p -> p.getPluginId().equals(PLUGIN_ID))
                    .findFirst().orElseThrow();
            assertSame(plugin.getPluginClassLoader(), pluginLoader);
            // the host (this test) has Jakarta Mail too; the plugin must use its own copy
            Class<?> pluginSession = pluginLoader.loadClass("jakarta.mail.Session");
            assertSame(pluginLoader, pluginSession.getClassLoader());
            assertNotEquals(jakarta.mail.Session.class, pluginSession);

            Settings options = Settings.of(Map.of("smtp_host", "127.0.0.1", "smtp_port", mailbox.port(), "tls", "none",
                    "username", Mailbox.USER, "password_file", password.toString(), "from", "udjat@mon.example.org"));
            assertEquals(List.of(), email.validate(options));
            Thread thread = Thread.currentThread();
            ClassLoader original = thread.getContextClassLoader();
            ClassLoader empty = new URLClassLoader(new URL[0], null);
            try {
                for (ClassLoader context : List.of(original, empty)) {
                    thread.setContextClassLoader(context);
                    Delivery d = email.send(NotifierContract.samplePage(NotifierContract.alice()), options, Duration.ofSeconds(5));
                    assertEquals(Delivery.ok(), d, "with context class loader " + context);
                    assertSame(context, thread.getContextClassLoader(), "the caller's loader is put back");
                }
            } finally {
                thread.setContextClassLoader(original);
            }
            List<MimeMessage> got = mailbox.received();
            assertEquals(2, got.size());
            assertEquals("[udjat] gw1 DOWN; 37 checks on 12 hosts behind it suppressed", got.get(1).getSubject());
            assertEquals("<udjat.contract-page-1@mon.example.org>", got.get(1).getMessageID());
        }
    }
}
