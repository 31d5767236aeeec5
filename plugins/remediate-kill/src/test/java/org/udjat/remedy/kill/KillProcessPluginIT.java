package org.udjat.remedy.kill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.udjat.plugin.LoadedExtension;
import org.udjat.plugin.Plugins;
import org.udjat.testkit.BuiltPluginJar;
import org.udjat.testkit.ShellRunner;

/**
 * The jar this module builds is a working udjat plugin: loaded from a plugins folder by udjat
 * core's own loader, it provides the {@code kill-process} remediator, whose command kills a real process.
 * Runs after {@code package}, on a classpath without the plugin's classes.
 */
class KillProcessPluginIT {
    private static final String PLUGIN_ID = "udjat-remediate-kill";
    /** By name only: the class itself is not on this test's classpath. */
    private static final String REMEDIATOR = "org.udjat.remedy.kill.KillProcessRemediator";
    private static BuiltPluginJar jar;

    @BeforeAll
    static void builtJar() {
        jar = BuiltPluginJar.fromProperty("udjat.plugin.jar", "udjat.plugin.version");
    }

    @Test
    void theHostClasspathDoesNotHoldThePluginClasses() {
        BuiltPluginJar.assertNotOnHostClasspath(REMEDIATOR);
    }

    @Test
    void theJarCarriesThePf4jDescriptorAndTheExtensionIndexButNotTheHostsClasses() throws IOException {
        jar.assertDescriptor(PLUGIN_ID);
        jar.assertIndexes(REMEDIATOR);
        jar.assertBundlesNoneOf("com/fasterxml/");
    }

    @Test
    void udjatLoadsTheJarAndTheRemediatorKillsARealProcess(@TempDir Path pluginsDir, @TempDir Path work) throws Exception {
        jar.copyInto(pluginsDir);
        Process sleep = new ProcessBuilder("sleep", "300").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            assertEquals(List.of(new LoadedExtension(PLUGIN_ID, "Remediator", "kill-process", REMEDIATOR)), plugins.extensions()
                    .stream().filter(e -> e.plugin().equals(PLUGIN_ID)).toList());
            Remediator kill = plugins.remediators().get("kill-process");
            assertEquals("kill-process", kill.type());
            assertNotEquals(ClassLoader.getSystemClassLoader(), kill.getClass().getClassLoader());

            Path pidFile = work.resolve("sleep.pid");
            Files.writeString(pidFile, sleep.pid() + "\n");
            Settings options = Settings.of(java.util.Map.of("pid_file", pidFile.toString()));
            assertEquals(List.of(), kill.validate("sleep", options));
            RawOutput out = ShellRunner.sh(kill.command(Platform.LINUX, "sleep", options).orElseThrow());
            assertTrue(sleep.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), out.text());
            assertEquals(new Remediator.Outcome(true, "killed process " + sleep.pid() + " from " + pidFile + " with TERM"),
                    kill.judge(out, "sleep", options));
        } finally {
            sleep.destroyForcibly().waitFor();
        }
    }
}
