package org.udjat.example.raid;

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
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.plugin.LoadedExtension;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.Fixtures;

/**
 * The jar this module builds is a working udjat plugin: dropped into a plugins directory, udjat
 * core's own loader ({@link Plugins}, as {@code plugins_dir} uses it) finds the {@code raid}
 * check in it. Runs after {@code package}, on a classpath without the plugin's classes, so the
 * check can only come from the jar.
 */
class RaidPluginIT {
    private static final String PLUGIN_ID = "udjat-example-check-raid";
    /** By name only: the class itself is not on this test's classpath. */
    private static final String RAID_CHECK = "org.udjat.example.raid.RaidCheck";
    private static Path jar;
    private static String version;

    @BeforeAll
    static void builtJar() {
        jar = Path.of(System.getProperty("udjat.example.jar", "(udjat.example.jar not set: run with mvn verify)"));
        version = System.getProperty("udjat.example.version");
        assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + "; run mvn verify");
    }

    @Test
    void theHostClasspathDoesNotHoldThePluginClasses() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(RAID_CHECK));
    }

    @Test
    void theJarCarriesThePf4jDescriptorAndTheExtensionIndexButNotTheHostsClasses() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals(PLUGIN_ID, main.getValue("Plugin-Id"));
            assertEquals(version, main.getValue("Plugin-Version"));
            assertEquals("udjat", main.getValue("Plugin-Provider"));
            assertEquals("org.pf4j.Plugin", main.getValue("Plugin-Class"));
            // PF4J compares Plugin-Requires with semver: the release this snapshot becomes must satisfy it
            String release = version.replaceFirst("-.*", "");
            assertTrue(new DefaultVersionManager().checkVersionConstraint(release, main.getValue("Plugin-Requires")),
                    main.getValue("Plugin-Requires"));

            String index = new String(file.getInputStream(file.getEntry("META-INF/extensions.idx")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(index.lines().anyMatch(l -> l.equals(RAID_CHECK)), index);
            List<String> foreign = file.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/udjat/api/") || n.startsWith("org/pf4j/") || n.startsWith("org/udjat/plugin/"))
                    .toList();
            assertEquals(List.of(), foreign, "the host provides these; a copy in the plugin would clash with it");
        }
    }

    @Test
    void udjatLoadsTheJarFromAPluginsDirectoryAndRunsTheCheck(@TempDir Path pluginsDir) throws IOException {
        Files.copy(jar, pluginsDir.resolve(jar.getFileName()));
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(version, plugin.getDescriptor().getVersion());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            assertTrue(plugins.extensions().contains(
                    new LoadedExtension(PLUGIN_ID, "Check", "raid", RAID_CHECK)),
                    plugins.extensions().toString());
            assertTrue(plugins.checks().containsKey("load"), "built-in checks still load next to the plugin");

            Check raid = plugins.checks().get("raid");
            assertNotEquals(ClassLoader.getSystemClassLoader(), raid.getClass().getClassLoader());
            assertEquals("cat /proc/mdstat", raid.command(Platform.LINUX, Settings.empty()).orElseThrow());
            CheckOutcome o = raid.parse(Fixtures.raw("linux/raid1-degraded.txt"), Settings.empty());
            assertEquals(Status.CRITICAL, o.status());
            assertEquals("RAID CRITICAL - md0 raid1 [2/1] [U_], degraded", o.summary());
        }
    }
}
