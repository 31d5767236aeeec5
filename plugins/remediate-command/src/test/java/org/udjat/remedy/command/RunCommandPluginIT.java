package org.udjat.remedy.command;

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
 * core's own loader, it provides the {@code run-command} remediator, whose command runs and is judged.
 * Runs after {@code package}, on a classpath without the plugin's classes.
 */
class RunCommandPluginIT {
    private static final String PLUGIN_ID = "udjat-remediate-command";
    /** By name only: the class itself is not on this test's classpath. */
    private static final String REMEDIATOR = "org.udjat.remedy.command.RunCommandRemediator";
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
    void udjatLoadsTheJarAndTheRemediatorsCommandRuns(@TempDir Path pluginsDir, @TempDir Path work) throws Exception {
        jar.copyInto(pluginsDir);
        Path proof = work.resolve("fixed");
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            assertEquals(List.of(new LoadedExtension(PLUGIN_ID, "Remediator", "run-command", REMEDIATOR)), plugins.extensions()
                    .stream().filter(e -> e.plugin().equals(PLUGIN_ID)).toList());
            Remediator run = plugins.remediators().get("run-command");
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
