package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

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
import org.udjat.testkit.ShellRunner;

/**
 * Runs the fds and service commands for real, with /bin/sh and with BusyBox sh and only the
 * applets each needs. No systemd runs on this machine; Debian's openssh-server is installed
 * with /etc/init.d/ssh, and its sshd is not running (and is never started here).
 */
class SystemCheckLiveTest {
    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    private final FdCheck fds = new FdCheck();
    private final ServiceCheck service = new ServiceCheck();
    @TempDir
    Path bin;

    private RawOutput busybox(String command, List<String> applets) throws IOException {
        for (String applet : applets) {
            Path link = bin.resolve(applet);
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, BUSYBOX);
            }
        }
        return ShellRunner.busybox(command, bin);
    }

    @Test
    void fdsOnLinuxAndBusybox() throws IOException {
        for (RawOutput out : List.of(ShellRunner.sh(fds.command(Platform.LINUX, Settings.empty()).orElseThrow()),
                busybox(fds.command(Platform.BUSYBOX, Settings.empty()).orElseThrow(), List.of("cat")))) {
            CheckOutcome o = fds.parse(out, Settings.empty());
            assertNotEquals(Status.UNKNOWN, o.status(), o.summary() + "\n" + out.text());
            PerfDatum used = o.perfData().get(0);
            assertTrue(used.value() > 0 && used.max() >= used.value(), used.toString());
            assertTrue(o.summary().startsWith("FDS OK - " + (long) used.value() + " of " + used.max().longValue() + " "), o.summary());
        }
        Files.delete(bin.resolve("cat"));
        RawOutput without = ShellRunner.busybox(fds.command(Platform.BUSYBOX, Settings.empty()).orElseThrow(), bin);
        assertEquals(127, without.exitCode(), without.text());
        assertEquals(Status.UNKNOWN, fds.parse(without, Settings.empty()).status());
    }

    @Test
    void sshIsInstalledButNotRunningOnLinux() {
        Settings ssh = options("service", "ssh");
        RawOutput out = ShellRunner.sh(service.command(Platform.LINUX, ssh).orElseThrow());
        CheckOutcome o = service.parse(out, ssh);
        assertEquals(Status.CRITICAL, o.status(), o.summary() + "\n" + out.text());
        assertEquals("SERVICE CRITICAL - ssh is not running (sysv: sshd is not running ... failed!)", o.summary());
        assertEquals(0.0, o.perfData().get(0).value());
        assertEquals(Status.OK, service.parse(out, options("service", "ssh", "state", "stopped")).status());
    }

    @Test
    void anUnknownServiceIsNotInstalledOnLinux() {
        Settings nosuch = options("service", "udjat-no-such-service");
        RawOutput out = ShellRunner.sh(service.command(Platform.LINUX, nosuch).orElseThrow());
        CheckOutcome o = service.parse(out, nosuch);
        assertEquals("SERVICE CRITICAL - udjat-no-such-service is not installed"
                + " (service: udjat-no-such-service: unrecognized service)", o.summary(), out.text());
        // expected stopped, a name nobody knows is still critical
        assertEquals(Status.CRITICAL, service.parse(out, options("service", "udjat-no-such-service", "state", "stopped")).status());
    }

    @Test
    void busyboxAsksTheInitScriptAndKnowsWhenThereIsNone() throws IOException {
        Settings ssh = options("service", "ssh");
        // Debian's ssh init script needs grep; BusyBox systems have it
        RawOutput out = busybox(service.command(Platform.BUSYBOX, ssh).orElseThrow(), List.of("grep"));
        CheckOutcome o = service.parse(out, ssh);
        assertEquals("SERVICE CRITICAL - ssh is not running (sysv: sshd is not running ... failed!)", o.summary(), out.text());
        Settings nosuch = options("service", "udjat-no-such-service");
        out = busybox(service.command(Platform.BUSYBOX, nosuch).orElseThrow(), List.of());
        assertEquals("SERVICE CRITICAL - udjat-no-such-service is not installed"
                + " (sysv: no init script in /etc/init.d and no service command)", service.parse(out, nosuch).summary(), out.text());
        // without grep the init script gives up silently with exit 0, which is not taken for running
        Files.delete(bin.resolve("grep"));
        out = ShellRunner.busybox(service.command(Platform.BUSYBOX, ssh).orElseThrow(), bin);
        o = service.parse(out, ssh);
        assertEquals("SERVICE UNKNOWN - could not tell whether ssh is running (sysv: the status action printed nothing"
                + " (exit 0))", o.summary(), out.text());
    }
}
