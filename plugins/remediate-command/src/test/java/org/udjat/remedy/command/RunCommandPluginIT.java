package org.udjat.remedy.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.ShellRunner;

/**
 * The jar this module builds is a working udjat plugin: loaded from a plugins folder by udjat
 * core's own loader, it provides the {@code run-command} remediator, whose command runs and is judged.
 * Runs after {@code package}, on a classpath without the plugin's classes.
 */
class RunCommandPluginIT {
    private static final String PLUGIN_ID = "udjat-remediate-command";
    /** By name only: the class itself is not on this test's classpath. */
    private static final String REMEDIATOR = "org.udjat.remedy.command.RunCommandRemediator";
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
        assertThrows(ClassNotFoundException.class, () -> Class.forName(REMEDIATOR));
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
            assertTrue(index.lines().anyMatch(l -> l.equals(REMEDIATOR)), index);
            List<String> foreign = file.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/udjat/api/") || n.startsWith("org/pf4j/") || n.startsWith("com/fasterxml/"))
                    .toList();
            assertEquals(List.of(), foreign, "the host provides these; a copy in the plugin would clash with it");
        }
    }

    @Test
    void udjatLoadsTheJarAndTheRemediatorsCommandRuns(@TempDir Path pluginsDir, @TempDir Path work) throws Exception {
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        Path proof = work.resolve("fixed");
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            List<Remediator> remediators = plugin.getPluginManager().getExtensions(Remediator.class, PLUGIN_ID);
            assertEquals(1, remediators.size(), remediators.toString());
            Remediator run = remediators.get(0);
            assertEquals("run-command", run.type());
            assertNotEquals(ClassLoader.getSystemClassLoader(), run.getClass().getClassLoader());

            Settings options = Settings.of(java.util.Map.of("command", "echo \"$UDJAT_TARGET\" > '" + proof + "'; echo done; exit 3"));
            assertEquals(List.of(), run.validate("orders", options));
            RawOutput out = ShellRunner.sh(run.command(Platform.LINUX, "orders", options).orElseThrow());
            assertEquals("orders\n", Files.readString(proof));
            assertEquals(new Remediator.Outcome(false, "the command failed: exit 3: done"), run.judge(out, "orders", options));
        }
    }
}
