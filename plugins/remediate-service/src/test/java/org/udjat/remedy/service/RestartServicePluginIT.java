package org.udjat.remedy.service;

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
 * core's own loader, it provides the {@code restart-service} remediator, whose command runs.
 * Runs after {@code package}, on a classpath without the plugin's classes.
 */
class RestartServicePluginIT {
    private static final String PLUGIN_ID = "udjat-remediate-service";
    /** By name only: the class itself is not on this test's classpath. */
    private static final String REMEDIATOR = "org.udjat.remedy.service.RestartServiceRemediator";
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

    /** The service manager is a stand-in script named rcctl that records its arguments (no test can run the real one). */
    @Test
    void udjatLoadsTheJarAndTheRemediatorsCommandRuns(@TempDir Path pluginsDir, @TempDir Path bin) throws Exception {
        jar.copyInto(pluginsDir);
        Path log = bin.resolve("calls.log");
        Path rcctl = bin.resolve("rcctl");
        Files.writeString(rcctl, "#!/bin/sh\necho \"rcctl $*\" > '" + log + "'\n");
        rcctl.toFile().setExecutable(true);
        try (Plugins plugins = Plugins.load(pluginsDir)) {
            assertEquals(List.of(), plugins.failures());
            PluginWrapper plugin = plugins.externalPlugins().get(0);
            assertEquals(PLUGIN_ID, plugin.getPluginId());
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            assertEquals(List.of(new LoadedExtension(PLUGIN_ID, "Remediator", "restart-service", REMEDIATOR)), plugins.extensions()
                    .stream().filter(e -> e.plugin().equals(PLUGIN_ID)).toList());
            Remediator restart = plugins.remediators().get("restart-service");
            assertEquals("restart-service", restart.type());
            assertNotEquals(ClassLoader.getSystemClassLoader(), restart.getClass().getClassLoader());

            String command = restart.command(Platform.OPENBSD, "orders", Settings.empty()).orElseThrow();
            RawOutput out = ShellRunner.sh("PATH='" + bin + "'; " + command);
            assertEquals("rcctl restart orders\n", Files.readString(log));
            assertEquals(new Remediator.Outcome(true, "orders restarted"), restart.judge(out, "orders", Settings.empty()));
        }
    }
}
