package org.udjat.remedy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.udjat.testkit.Fixtures.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator.Outcome;
import org.udjat.api.Settings;
import org.udjat.testkit.ShellRunner;

/**
 * Runs the generated restart commands for real, LINUX ones under /bin/sh and BUSYBOX ones under
 * BusyBox sh, and the BSD and macOS ones under /bin/sh too, to check which manager each picks and
 * with which arguments it calls it.
 *
 * <p>A test cannot run a real systemd, OpenRC or launchd, nor restart a real service. So the
 * service managers here are <b>stand-ins</b>: small executables named {@code systemctl},
 * {@code rc-service}, {@code service}, {@code rcctl}, {@code launchctl} and {@code sudo} in a
 * temporary folder on the PATH, which append their name and arguments to a log file and exit with
 * a chosen status. Likewise the host's fixed paths the command looks at ({@code /run/systemd/system},
 * {@code /etc/init.d/} and the sbin folders added to PATH) are replaced in the command text by
 * folders under the test's temporary root, so that each detection branch can be made true or false.
 */
class RestartServiceLiveTest {
    private final RestartServiceRemediator restart = new RestartServiceRemediator();
    @TempDir
    Path root;
    private Path bin;
    private Path sbin;
    private Path log;
    private String service;

    @BeforeEach
    void folders() throws IOException {
        bin = Files.createDirectories(root.resolve("bin"));
        sbin = Files.createDirectories(root.resolve("sbin"));
        Files.createDirectories(root.resolve("etc/init.d"));
        log = root.resolve("calls.log");
        Files.writeString(log, "");
        // a name no host has, so that nothing real could ever be restarted by mistake
        service = "udjat-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A stand-in for a service manager: records "name args..." and exits with the given status. */
    private void standIn(Path dir, String name, int exit) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n{ printf '%s' '" + name + "'; printf ' %s' \"$@\"; echo; } >> '" + log + "'\n"
                + "echo \"" + name + " says hello\"\nexit " + exit + "\n");
        file.toFile().setExecutable(true);
    }

    /** A stand-in sudo that records its arguments and runs the rest of them, as sudo -n would when allowed. */
    private void sudoStandIn() throws IOException {
        Path file = bin.resolve("sudo");
        Files.writeString(file, "#!/bin/sh\n{ printf 'sudo'; printf ' %s' \"$@\"; echo; } >> '" + log + "'\n"
                + "[ \"$1\" = -n ] || exit 99\nshift\nexec \"$@\"\n");
        file.toFile().setExecutable(true);
    }

    private void systemdRuns() throws IOException {
        Files.createDirectories(root.resolve("run/systemd/system"));
    }

    private void initScript(int exit) throws IOException {
        standIn(root.resolve("etc/init.d"), service, exit);
    }

    private RawOutput run(Platform platform, Settings options) {
        String command = restart.command(platform, service, options).orElseThrow()
                .replace("/run/systemd/system", root.resolve("run/systemd/system").toString())
                .replace("/etc/init.d/", root.resolve("etc/init.d") + "/")
                .replace(":/usr/local/sbin:/usr/sbin:/sbin", ":" + sbin);
        return platform == Platform.BUSYBOX ? ShellRunner.busybox(command, bin)
                : ShellRunner.sh("PATH='" + bin + "'; " + command);
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(log);
    }

    static Stream<Arguments> detection() {
        return Stream.of(
                // platform, stand-ins present (s: systemd marker, i: init script), expected call
                Arguments.of(Platform.LINUX, Set.of("s", "systemctl", "rc-service", "service", "i"), "systemctl restart SVC"),
                Arguments.of(Platform.LINUX, Set.of("systemctl", "rc-service", "service", "i"), "rc-service SVC restart"),
                Arguments.of(Platform.LINUX, Set.of("systemctl", "service", "i"), "service SVC restart"),
                Arguments.of(Platform.LINUX, Set.of("systemctl", "sbin/service", "i"), "service SVC restart"),
                Arguments.of(Platform.LINUX, Set.of("systemctl", "i"), "SCRIPT restart"),
                Arguments.of(Platform.BUSYBOX, Set.of("s", "systemctl", "rc-service", "service", "i"), "rc-service SVC restart"),
                Arguments.of(Platform.BUSYBOX, Set.of("sbin/rc-service", "i"), "rc-service SVC restart"),
                Arguments.of(Platform.BUSYBOX, Set.of("s", "systemctl", "service", "i"), "SCRIPT restart"),
                Arguments.of(Platform.FREEBSD, Set.of("s", "systemctl", "rc-service", "service", "rcctl", "launchctl", "i"),
                        "service SVC restart"),
                Arguments.of(Platform.OPENBSD, Set.of("s", "systemctl", "rc-service", "service", "rcctl", "launchctl", "i"),
                        "rcctl restart SVC"),
                Arguments.of(Platform.MACOS, Set.of("s", "systemctl", "rc-service", "service", "rcctl", "launchctl", "i"),
                        "launchctl kickstart -k system/SVC"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("detection")
    void theFirstManagerPresentIsCalledWithTheServiceName(Platform platform, Set<String> present, String expected)
            throws IOException {
        for (String p : present) {
            switch (p) {
                case "s" -> systemdRuns();
                case "i" -> initScript(0);
                default -> standIn(p.startsWith("sbin/") ? sbin : bin, p.replace("sbin/", ""), 0);
            }
        }
        RawOutput out = run(platform, Settings.empty());
        String call = expected.replace("SVC", service).replace("SCRIPT", service);
        assertEquals(List.of(call), calls(), out.text());
        assertEquals(0, out.exitCode(), out.text());
        assertEquals(new Outcome(true, service + " restarted"), restart.judge(out, service, Settings.empty()));
    }

    @Test
    void aFailingManagerIsJudgedWithItsWords() throws IOException {
        standIn(bin, "rc-service", 3);
        RawOutput out = run(Platform.BUSYBOX, Settings.empty());
        assertEquals(new Outcome(false, "could not restart " + service + " (openrc): exit 3: rc-service says hello"),
                restart.judge(out, service, Settings.empty()));
    }

    @Test
    void withoutAnyManagerNothingRunsAndTheSummarySaysSo() throws IOException {
        RawOutput out = run(Platform.BUSYBOX, Settings.empty());
        assertEquals(List.of(), calls());
        assertEquals(ServiceRestart.NO_MANAGER, out.exitCode(), out.text());
        assertEquals(new Outcome(false, "could not restart " + service + ": exit 127: no service manager found to restart "
                + service + " (no rc-service or " + root.resolve("etc/init.d").resolve(service) + ")"), restart.judge(out, service, Settings.empty()));
    }

    @Test
    void sudoRunsTheManagerThroughANonPromptingSudo() throws IOException {
        sudoStandIn();
        systemdRuns();
        standIn(bin, "systemctl", 0);
        RawOutput out = run(Platform.LINUX, options("sudo", true));
        assertEquals(List.of("sudo -n systemctl restart " + service, "systemctl restart " + service), calls(), out.text());
        assertEquals(0, out.exitCode());
    }

    @Test
    void aNamedManagerIsCalledEvenWhenDetectionWouldPickAnother() throws IOException {
        systemdRuns();
        standIn(bin, "systemctl", 0);
        standIn(bin, "rc-service", 0);
        run(Platform.LINUX, options("manager", "openrc"));
        assertEquals(List.of("rc-service " + service + " restart"), calls());
    }
}
