package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.ShellRunner;

/** Runs the uptime check's Linux and BusyBox commands for real on this machine. */
class UptimeCheckLiveTest {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private final UptimeCheck check = new UptimeCheck();

    @Test
    void linuxCommand() throws IOException {
        assertMatchesThisMachine(ShellRunner.sh(check.command(Platform.LINUX, Settings.empty()).orElseThrow()));
    }

    @Test
    void busyboxCommandWithOnlyCatAndDate(@TempDir Path dir) throws IOException {
        Path bin = Applets.link(dir, List.of("cat", "date"));
        try {
            String command = check.command(Platform.BUSYBOX, Settings.empty()).orElseThrow();
            assertMatchesThisMachine(ShellRunner.busybox(command, bin));
            for (String applet : List.of("cat", "date")) {
                Files.delete(bin.resolve(applet));
                RawOutput without = ShellRunner.busybox(command, bin);
                assertTrue(without.text().contains(applet + ": not found"), without.text());
                Files.createSymbolicLink(bin.resolve(applet), Applets.BUSYBOX);
            }
        } finally {
            Applets.unlink(bin);
        }
    }

    /** The uptime agrees with /proc/uptime read here, and the boot time with this machine's clock minus it. */
    private void assertMatchesThisMachine(RawOutput out) throws IOException {
        assertFalse(out.truncated());
        CheckOutcome o = check.parse(out, Settings.empty());
        assertNotEquals(Status.UNKNOWN, o.status(), o.summary() + "\n" + out.text());
        double measured = o.perfData().get(0).value();
        double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
        assertTrue(measured <= uptime && measured > uptime - 10, measured + " vs " + uptime);
        assertEquals(measured < 3600 ? Status.WARNING : Status.OK, o.status());
        Instant boot = Instant.now().minusMillis(Math.round(uptime * 1000));
        // the host's clock has whole seconds, so the minute may be the one before or after
        String before = MINUTE.format(boot.minusSeconds(2));
        String after = MINUTE.format(boot.plusSeconds(2));
        assertTrue(o.summary().contains(", booted " + before + " UTC") || o.summary().contains(", booted " + after + " UTC"),
                o.summary() + " expected " + before + " or " + after);
    }
}
