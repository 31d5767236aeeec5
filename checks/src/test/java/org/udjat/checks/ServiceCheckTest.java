package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;

class ServiceCheckTest {
    private final ServiceCheck check = new ServiceCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '#', value = {
        "debian12-sysv-ssh-stopped.txt       | ssh            | CRITICAL | ssh is not running (sysv: sshd is not running ... failed!)",
        "busybox-1.35-sysv-ssh-stopped.txt   | ssh            | CRITICAL | ssh is not running (sysv: sshd is not running ... failed!)",
        "debian12-service-unrecognized.txt   | nosuch-service | CRITICAL | nosuch-service is not installed (service: nosuch-service: unrecognized service)",
        "busybox-1.35-absent.txt             | nosuch-service | CRITICAL | nosuch-service is not installed (sysv: no init script in /etc/init.d and no service command)",
        "systemd-running.txt                 | ssh            | OK       | ssh is running (systemd: active (running), main pid 812)",
        "systemd-oneshot-exited.txt          | ssh            | OK       | ssh is running (systemd: active (exited))",
        "systemd-failed.txt                  | ssh            | CRITICAL | ssh is not running (systemd: failed (failed))",
        "systemd-masked.txt                  | ssh            | CRITICAL | ssh is not running (systemd: inactive (dead), masked)",
        "systemd-auto-restart.txt            | ssh            | CRITICAL | ssh is not running (systemd: activating (auto-restart))",
        "systemd-not-found.txt               | ssh            | CRITICAL | ssh is not installed (systemd: unit not found)",
        "alpine-openrc-started.txt           | sshd           | OK       | sshd is running (openrc: started)",
        "alpine-openrc-stopped.txt           | sshd           | CRITICAL | sshd is not running (openrc: stopped)",
        "alpine-openrc-crashed.txt           | sshd           | CRITICAL | sshd is not running (openrc: crashed)",
        "alpine-openrc-not-exist.txt         | nosuch         | CRITICAL | nosuch is not installed (openrc: * rc-service: service `nosuch' does not exist)",
        "ubuntu14-upstart-running.txt        | ssh            | OK       | ssh is running (service: ssh start/running, process 1042)",
        "ubuntu14-upstart-stopped.txt        | ssh            | CRITICAL | ssh is not running (service: ssh stop/waiting)",
        "freebsd-running.txt                 | sshd           | OK       | sshd is running (rc.d: sshd is running as pid 850.)",
        "freebsd-stopped.txt                 | sshd           | CRITICAL | sshd is not running (rc.d: sshd is not running.)",
        "freebsd-not-exist.txt               | nosuch         | CRITICAL | nosuch is not installed (rc.d: nosuch does not exist in /etc/rc.d or the local startup)",
        "openbsd-ok.txt                      | sshd           | OK       | sshd is running (rcctl: sshd(ok))",
        "openbsd-failed.txt                  | httpd          | CRITICAL | httpd is not running (rcctl: httpd(failed))",
        "openbsd-not-exist.txt               | nosuch         | CRITICAL | nosuch is not installed (rcctl: rcctl: service nosuch does not exist)",
        "macos-running.txt                   | com.openssh.sshd   | OK       | com.openssh.sshd is running (launchd: state running, pid 4711)",
        "macos-not-running.txt               | io.example.agent   | CRITICAL | io.example.agent is not running (launchd: state not running)",
        "macos-not-found.txt                 | com.example.nosuch | CRITICAL | com.example.nosuch is not installed (launchd: Could not find service \"com.example.nosuch\" in domain for system)",
    })
    void readsEveryManagersAnswer(String fixture, String name, Status status, String summary) {
        CheckOutcome o = check.parse(raw("service/" + fixture), options("service", name));
        assertEquals(status, o.status());
        assertEquals("SERVICE " + status + " - " + summary, o.summary());
        assertEquals(List.of(new PerfDatum("running", status == Status.OK ? 1 : 0, "", null, null, 0.0, 1.0)), o.perfData());
        assertEquals(raw("service/" + fixture).text().strip(), o.longOutput());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '#', value = {
        "debian12-sysv-silent-exit-0.txt | procps     | could not tell whether procps is running (sysv: the status action printed nothing (exit 0))",
        "debian12-sysv-exit-4.txt        | x11-common | could not tell whether x11-common is running (sysv: the status action printed nothing (exit 4))",
        "debian12-systemd-not-pid1.txt   | ssh        | could not tell whether ssh is running (systemd: System has not been booted with systemd as init system (PID 1). Can't operate.)",
        "alpine-openrc-not-booted.txt    | sshd       | could not tell whether sshd is running (openrc: OpenRC did not boot this system, so it cannot tell)",
        "sysv-no-status-action.txt       | foo        | #could not tell whether foo is running (sysv: the init script has no status action: Usage: /etc/init.d/foo {start|stop|restart})#",
        "empty.txt                       | ssh        | could not read the service manager's answer about ssh",
        "garbage.txt                     | ssh        | could not read the service manager's answer about ssh",
        "truncated.txt                   | ssh        | could not read the service manager's answer about ssh",
    })
    void answersThatSayNothingCertainAreUnknown(String fixture, String name, String summary) {
        RawOutput raw = raw("service/" + fixture);
        CheckOutcome o = check.parse(new RawOutput(raw.text(), 0, fixture.startsWith("truncated")), options("service", name));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("SERVICE UNKNOWN - " + summary, o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '#', value = {
        "systemd-failed.txt        | OK       | SERVICE OK - telnetd is stopped (systemd: failed (failed))",
        "systemd-masked.txt        | OK       | SERVICE OK - telnetd is stopped (systemd: inactive (dead), masked)",
        "systemd-running.txt       | CRITICAL | SERVICE CRITICAL - telnetd is running but should be stopped (systemd: active (running), main pid 812)",
        // a name no manager knows may be a typo: never taken for a stopped service
        "systemd-not-found.txt     | CRITICAL | SERVICE CRITICAL - telnetd is not installed (systemd: unit not found)",
    })
    void expectedStopped(String fixture, Status status, String summary) {
        CheckOutcome o = check.parse(raw("service/" + fixture), options("service", "telnetd", "state", "stopped"));
        assertEquals(status, o.status());
        assertEquals(summary, o.summary());
    }

    @Test
    void aCutAnswerIsNotRead() {
        String text = raw("service/systemd-running.txt").text();
        CheckOutcome o = check.parse(new RawOutput(text.substring(0, text.indexOf("exit") + 3), 0, true), options("service", "ssh"));
        assertEquals(Status.UNKNOWN, o.status());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"ssh; rm -rf /", "-x", "../../etc/passwd", "a b", "$(id)", "`id`", "ssh'", "ssh\n", "", ".ssh",
        "x/y", "a\\x2d"})
    void namesThatAreNotServiceNamesAreRejected(String name) {
        List<ConfigProblem> problems = check.validate(options("service", name));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("service", problems.get(0).key());
        assertTrue(problems.get(0).message().startsWith("expected a service name of letters, digits and _ . @ : -"),
                problems.get(0).message());
        assertEquals(Optional.empty(), check.command(Platform.LINUX, options("service", name)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ssh", "sshd.service", "getty@tty1.service", "com.openssh.sshd", "net.eth0", "php8.2-fpm", "a_b:c"})
    void serviceNamesAreAcceptedAndQuotedOnce(String name) {
        assertEquals(List.of(), check.validate(options("service", name)));
        for (Platform p : Platform.values()) {
            String command = check.command(p, options("service", name)).orElseThrow();
            assertTrue(command.startsWith("svc='" + name + "'; "), command);
            assertFalse(command.substring(("svc='" + name + "'").length()).contains(name), command);
            assertTrue(command.endsWith("; rc=$?; echo; echo \"exit $rc\""), command);
        }
    }

    @Test
    void validateReportsEveryBadOption() {
        assertEquals(List.of(
                new ConfigProblem("service", "the service to check is required, e.g. service: sshd"),
                new ConfigProblem("manager", "expected one of auto, systemd, openrc, sysv, rc.d, rcctl, launchd, got \"upstart\""),
                new ConfigProblem("state", "expected running or stopped, got \"up\"")),
                check.validate(options("manager", "upstart", "state", "up")));
        assertEquals("SERVICE UNKNOWN - bad options: service: the service to check is required, e.g. service: sshd",
                check.parse(raw("service/systemd-running.txt"), Settings.empty()).summary());
    }

    @Test
    void eachPlatformAsksItsManagersAndAnExplicitManagerIsAskedAnywhere() {
        Settings ssh = options("service", "ssh");
        assertEquals(Optional.of("svc='ssh'; if [ -d /run/systemd/system ]; then echo 'manager systemd';"
                + " systemctl show -p LoadState -p ActiveState -p SubState -p MainPID -- \"$svc\";"
                + " elif command -v rc-service >/dev/null 2>&1; then echo 'manager openrc'; rc-service \"$svc\" status;"
                + " else if [ -e \"/etc/init.d/$svc\" ]; then echo 'manager sysv'; \"/etc/init.d/$svc\" status;"
                + " elif command -v service >/dev/null 2>&1; then echo 'manager service'; service \"$svc\" status;"
                + " else echo 'manager absent'; fi; fi; rc=$?; echo; echo \"exit $rc\""), check.command(Platform.LINUX, ssh));
        String busybox = check.command(Platform.BUSYBOX, ssh).orElseThrow();
        assertFalse(busybox.contains("systemctl"), busybox);
        assertTrue(busybox.contains("rc-service \"$svc\" status"), busybox);
        assertEquals(Optional.of("svc='ssh'; echo 'manager rc.d'; service \"$svc\" onestatus; rc=$?; echo; echo \"exit $rc\""),
                check.command(Platform.FREEBSD, ssh));
        assertEquals(Optional.of("svc='ssh'; echo 'manager rcctl'; rcctl check \"$svc\"; rc=$?; echo; echo \"exit $rc\""),
                check.command(Platform.OPENBSD, ssh));
        assertEquals(Optional.of("svc='ssh'; echo 'manager launchd'; launchctl print \"system/$svc\"; rc=$?; echo;"
                + " echo \"exit $rc\""), check.command(Platform.MACOS, ssh));
        String forced = check.command(Platform.LINUX, options("service", "ssh", "manager", "openrc")).orElseThrow();
        assertEquals("svc='ssh'; echo 'manager openrc'; rc-service \"$svc\" status; rc=$?; echo; echo \"exit $rc\"", forced);
        assertEquals(Set.of("service", "manager", "state"), check.optionNames());
        assertEquals("service", check.name());
    }
}
