package org.udjat.example.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
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
import org.udjat.testkit.BuiltPluginJar;
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
    private static BuiltPluginJar jar;

    @BeforeAll
    static void builtJar() {
        jar = BuiltPluginJar.fromProperty("udjat.example.jar", "udjat.example.version");
    }

    @Test
    void theHostClasspathDoesNotHoldThePluginClasses() {
        BuiltPluginJar.assertNotOnHostClasspath(RAID_CHECK);
    }

    @Test
    void theJarCarriesThePf4jDescriptorAndTheExtensionIndexButNotTheHostsClasses() throws IOException {
        Attributes main = jar.assertDescriptor(PLUGIN_ID);
        assertEquals("udjat", main.getValue("Plugin-Provider"));
        // PF4J compares Plugin-Requires with semver: the release this snapshot becomes must satisfy it
        String release = jar.version().replaceFirst("-.*", "");
        assertTrue(new DefaultVersionManager().checkVersionConstraint(release, main.getValue("Plugin-Requires")),
                main.getValue("Plugin-Requires"));
        jar.assertIndexes(RAID_CHECK);
        jar.assertBundlesNoneOf("org/udjat/plugin/");
    }

    @Test
    void udjatLoadsTheJarFromAPluginsDirectoryAndRunsTheCheck(@TempDir Path pluginsDir) throws IOException {
        jar.copyInto(pluginsDir);
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(jar.version(), plugin.getDescriptor().getVersion());
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
