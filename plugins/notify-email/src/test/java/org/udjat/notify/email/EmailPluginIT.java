package org.udjat.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
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
import org.pf4j.PluginWrapper;
import org.udjat.api.Delivery;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.plugin.Plugins;
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
    private static Path jar;
    private static String version;

    @BeforeAll
    static void builtJar() {
        jar = Path.of(System.getProperty("udjat.notify.jar", "(udjat.notify.jar not set: run with mvn verify)"));
        version = System.getProperty("udjat.notify.version");
        assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + "; run mvn verify");
    }

    @Test
    void theHostClasspathDoesNotHoldThePluginClasses() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(NOTIFIER_CLASS));
    }

    @Test
    void theJarCarriesTheDescriptorTheExtensionAndJakartaMailButNotTheHostsClasses() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals(PLUGIN_ID, main.getValue("Plugin-Id"));
            assertEquals(version, main.getValue("Plugin-Version"));
            assertEquals("udjat", main.getValue("Plugin-Provider"));
            assertEquals("org.pf4j.Plugin", main.getValue("Plugin-Class"));
            assertEquals(">=0.1.0", main.getValue("Plugin-Requires"));
            String index = new String(file.getInputStream(file.getEntry("META-INF/extensions.idx")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(index.lines().anyMatch(l -> l.equals(NOTIFIER_CLASS)), index);
            for (String bundled : List.of("jakarta/mail/Session.class", "org/eclipse/angus/mail/smtp/SMTPTransport.class",
                    "jakarta/activation/DataHandler.class", "META-INF/javamail.default.providers",
                    "META-INF/services/jakarta.mail.util.StreamProvider")) {
                assertNotNull(file.getEntry(bundled), bundled + " is bundled");
            }
            List<String> foreign = file.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/udjat/api/") || n.startsWith("org/pf4j/") || n.startsWith("org/udjat/plugin/")
                            || n.startsWith("com/fasterxml/"))
                    .toList();
            assertEquals(List.of(), foreign, "the host provides these; a copy in the plugin would clash with it");
        }
    }

    @Test
    void udjatsLoaderStartsThePlugin(@TempDir Path pluginsDir) throws IOException {
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(version, plugin.getDescriptor().getVersion());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
        }
    }

    @Test
    void theNotifierFromTheJarSendsToARealServerWhateverTheContextClassLoader(@TempDir Path pluginsDir, @TempDir Path secrets)
            throws Exception {
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        Path password = Files.writeString(secrets.resolve("smtp.pw"), Mailbox.PASSWORD + "\n");
        PluginManager manager = new DefaultPluginManager(List.of(pluginsDir));
        try (Mailbox mailbox = Mailbox.smtp()) {
            manager.loadPlugins();
            manager.startPlugins();
            List<Notifier> notifiers = manager.getExtensions(Notifier.class);
            Notifier email = notifiers.stream().filter(n -> n.type().equals("email")).findFirst().orElseThrow();
            ClassLoader pluginLoader = email.getClass().getClassLoader();
            assertSame(manager.getPlugin(PLUGIN_ID).getPluginClassLoader(), pluginLoader);
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
        } finally {
            // unloading stops each plugin; PF4J's stopPlugins() can throw ConcurrentModificationException
            manager.unloadPlugins();
        }
    }
}
