package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.ShellRunner;

/** Runs the Linux and BusyBox commands of the memory, swap and cpu checks for real on this machine. */
class CpuMemLiveTest {
    /** The applets each BusyBox variant needs, exactly. */
    private static final Map<String, List<String>> APPLETS = Map.of(
            "memory", List.of("cat"),
            "swap", List.of("cat"),
            "cpu", List.of("head", "sleep"));

    static Stream<Arguments> checks() {
        return Stream.of(new MemoryCheck(), new SwapCheck(), new CpuCheck()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void linuxCommandRunsAndParses(Check check) {
        assertMeasured(check, ShellRunner.sh(check.command(Platform.LINUX, Settings.empty()).orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void busyboxCommandRunsWithOnlyItsApplets(Check check, @TempDir Path bin) throws IOException {
        String command = check.command(Platform.BUSYBOX, Settings.empty()).orElseThrow();
        List<String> applets = APPLETS.get(check.name());
        assertMeasured(check, ShellRunner.busybox(command, Applets.link(bin, applets)));
        // each applet is really used: without it the command fails
        for (String applet : applets) {
            Files.delete(bin.resolve(applet));
            RawOutput without = ShellRunner.busybox(command, bin);
            assertEquals(127, without.exitCode(), applet + ": " + without.text());
            assertTrue(without.text().contains(applet + ": not found"), without.text());
            assertEquals(Status.UNKNOWN, check.parse(without, Settings.empty()).status(), without.text());
            Files.createSymbolicLink(bin.resolve(applet), Applets.BUSYBOX);
        }
    }

    @Test
    void cpuCommandSpansTheSecondItSleepsAndItsPercentagesAddUp() {
        long start = System.nanoTime();
        RawOutput out = ShellRunner.sh(new CpuCheck().command(Platform.LINUX, Settings.empty()).orElseThrow());
        assertTrue(System.nanoTime() - start >= 1_000_000_000L, "the two samples are one second apart");
        CheckOutcome o = new CpuCheck().parse(out, Settings.empty());
        double sum = o.perfData().stream().filter(p -> !p.label().equals("busy")).mapToDouble(PerfDatum::value).sum();
        // user + system + iowait + steal + idle cover every tick but guest time, which user already holds
        assertEquals(100.0, sum, 1e-6, o.summary());
        for (PerfDatum p : o.perfData()) {
            assertTrue(p.value() >= 0 && p.value() <= 100, p.toString());
        }
    }

    @Test
    void memoryLiveAgreesWithProcMeminfoReadHere() throws IOException {
        CheckOutcome o = new MemoryCheck().parse(ShellRunner.sh("cat /proc/meminfo"), Settings.empty());
        long totalKib = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
        assertEquals(totalKib * 1024.0, o.perfData().get(1).value());
    }

    private static void assertMeasured(Check check, RawOutput out) {
        assertFalse(out.truncated());
        CheckOutcome o = check.parse(out, Settings.empty());
        assertNotEquals(Status.UNKNOWN, o.status(), o.summary() + "\n" + out.text());
        assertFalse(o.perfData().isEmpty(), o.summary());
        assertTrue(o.summary().startsWith(check.name().toUpperCase(Locale.ROOT) + " "), o.summary());
    }
}
