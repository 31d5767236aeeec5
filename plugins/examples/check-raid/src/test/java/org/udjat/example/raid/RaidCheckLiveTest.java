package org.udjat.example.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.Fixtures;
import org.udjat.testkit.ShellRunner;

/**
 * Runs the Linux and BusyBox command for real on this machine, the way udjat's script does
 * (stdin /dev/null, LC_ALL=C, stderr merged), and checks the result against the machine's own
 * /proc/mdstat, read directly. A machine without the md driver has no /proc/mdstat.
 */
class RaidCheckLiveTest {
    private static final Path MDSTAT = Path.of("/proc/mdstat");
    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    private final RaidCheck check = new RaidCheck();

    @Test
    void linuxCommandReportsThisMachinesArrays() throws IOException {
        RawOutput out = ShellRunner.sh(check.command(Platform.LINUX, Settings.empty()).orElseThrow());
        assertMatchesThisMachine(out);
    }

    @Test
    void busyboxCommandNeedsOnlyTheCatApplet(@TempDir Path bin) throws IOException {
        String command = check.command(Platform.BUSYBOX, Settings.empty()).orElseThrow();
        Files.createSymbolicLink(bin.resolve("cat"), BUSYBOX);
        assertMatchesThisMachine(ShellRunner.busybox(command, bin));

        Files.delete(bin.resolve("cat"));
        RawOutput without = ShellRunner.busybox(command, bin);
        assertEquals(127, without.exitCode(), without.text());
        CheckOutcome o = check.parse(without, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("RAID UNKNOWN - cat /proc/mdstat failed (exit 127)", o.summary());
    }

    private void assertMatchesThisMachine(RawOutput out) throws IOException {
        assertFalse(out.truncated());
        CheckOutcome o = check.parse(out, Settings.empty());
        assertTrue(o.summary().startsWith("RAID "), o.summary());
        assertFalse(o.perfData().isEmpty(), o.summary());
        PerfDatum arrays = o.perfData().get(0);
        assertEquals("arrays", arrays.label());
        if (!Files.exists(MDSTAT)) {
            assertEquals(1, out.exitCode(), out.text());
            assertEquals(Status.OK, o.status(), o.summary() + "\n" + out.text());
            assertEquals("RAID OK - no RAID arrays", o.summary());
            assertEquals("no /proc/mdstat: the md driver is not loaded", o.longOutput());
            assertEquals(0.0, arrays.value());
            CheckOutcome expected = check.parse(out, Fixtures.options("expect_arrays", true));
            assertEquals(Status.UNKNOWN, expected.status());
            assertEquals("RAID UNKNOWN - no RAID arrays found, but expect_arrays is true", expected.summary());
            return;
        }
        List<String> listed = Files.readAllLines(MDSTAT).stream().filter(l -> l.matches("\\S+ : (active|inactive)\\b.*")).toList();
        assertEquals(0, out.exitCode(), out.text());
        assertNotEquals(Status.UNKNOWN, o.status(), o.summary() + "\n" + out.text());
        assertEquals(listed.size(), arrays.value(), out.text());
        if (listed.isEmpty()) {
            assertEquals("RAID OK - no RAID arrays", o.summary());
        }
    }
}
