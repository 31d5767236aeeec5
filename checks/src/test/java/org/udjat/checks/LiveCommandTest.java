package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.ShellRunner;

/** Runs every Linux and BusyBox command for real on this machine and parses what it printed. */
class LiveCommandTest {
    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    /** The applets each BusyBox variant needs, exactly. */
    private static final Map<String, List<String>> APPLETS = Map.of(
            "load", List.of("cat", "grep"),
            "disk", List.of("df"),
            "memory", List.of("cat"));

    static Stream<Arguments> checks() {
        return Stream.of(new LoadCheck(), new DiskCheck(), new MemoryCheck()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void linuxCommandRunsAndParses(Check check) {
        RawOutput out = ShellRunner.sh(check.command(Platform.LINUX, Settings.empty()).orElseThrow());
        assertMeasured(check, out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void busyboxCommandRunsWithOnlyBusyboxApplets(Check check, @TempDir Path bin) throws IOException {
        String command = check.command(Platform.BUSYBOX, Settings.empty()).orElseThrow();
        List<String> applets = APPLETS.get(check.name());
        Set<String> available = Set.copyOf(ShellRunner.sh(BUSYBOX + " --list").text().lines().toList());
        for (String applet : applets) {
            assertTrue(available.contains(applet), "busybox has no " + applet);
            Files.createSymbolicLink(bin.resolve(applet), BUSYBOX);
        }
        try {
            assertMeasured(check, ShellRunner.busybox(command, bin));
            // each applet is really used: without it the command fails
            for (String applet : applets) {
                Files.delete(bin.resolve(applet));
                RawOutput without = ShellRunner.busybox(command, bin);
                assertEquals(127, without.exitCode(), applet + ": " + without.text());
                assertTrue(without.text().contains(applet + ": not found"), without.text());
                Files.createSymbolicLink(bin.resolve(applet), BUSYBOX);
            }
        } finally {
            for (String applet : applets) {
                Files.deleteIfExists(bin.resolve(applet));
            }
        }
    }

    private static void assertMeasured(Check check, RawOutput out) {
        assertFalse(out.truncated());
        CheckOutcome o = check.parse(out, Settings.empty());
        assertNotEquals(Status.UNKNOWN, o.status(), o.summary() + "\n" + out.text());
        assertFalse(o.perfData().isEmpty(), o.summary());
        assertTrue(o.summary().startsWith(check.name().toUpperCase(java.util.Locale.ROOT) + " "), o.summary());
    }
}
