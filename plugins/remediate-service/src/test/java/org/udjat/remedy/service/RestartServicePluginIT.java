package org.udjat.remedy.service;

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
 * core's own loader, it provides the {@code restart-service} remediator, whose command runs.
 * Runs after {@code package}, on a classpath without the plugin's classes.
 */
class RestartServicePluginIT {
    private static final String PLUGIN_ID = "udjat-remediate-service";
    /** By name only: the class itself is not on this test's classpath. */
    private static final String REMEDIATOR = "org.udjat.remedy.service.RestartServiceRemediator";
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

    /** The service manager is a stand-in script named rcctl that records its arguments (no test can run the real one). */
    @Test
    void udjatLoadsTheJarAndTheRemediatorsCommandRuns(@TempDir Path pluginsDir, @TempDir Path bin) throws Exception {
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        Path log = bin.resolve("calls.log");
        Path rcctl = bin.resolve("rcctl");
        Files.writeString(rcctl, "#!/bin/sh\necho \"rcctl $*\" > '" + log + "'\n");
        rcctl.toFile().setExecutable(true);
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            List<Remediator> remediators = plugin.getPluginManager().getExtensions(Remediator.class, PLUGIN_ID);
            assertEquals(1, remediators.size(), remediators.toString());
            Remediator restart = remediators.get(0);
            assertEquals("restart-service", restart.type());
            assertNotEquals(ClassLoader.getSystemClassLoader(), restart.getClass().getClassLoader());

            String command = restart.command(Platform.OPENBSD, "orders", Settings.empty()).orElseThrow();
            RawOutput out = ShellRunner.sh("PATH='" + bin + "'; " + command);
            assertEquals("rcctl restart orders\n", Files.readString(log));
            assertEquals(new Remediator.Outcome(true, "orders restarted"), restart.judge(out, "orders", Settings.empty()));
        }
    }
}
