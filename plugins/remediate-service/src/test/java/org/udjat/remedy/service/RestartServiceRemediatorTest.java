package org.udjat.remedy.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator.Outcome;
import org.udjat.api.Settings;

/** The commands per platform and manager, the validation of targets and options, and the judgement. */
class RestartServiceRemediatorTest {
    private final RestartServiceRemediator restart = new RestartServiceRemediator();

    @Test
    void typeAndOptions() {
        assertEquals("restart-service", restart.type());
        assertEquals(java.util.Set.of("manager", "sudo"), restart.optionNames());
    }

    /** Which managers each platform's command can reach, and which it must never try. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LINUX   | [ -d /run/systemd/system ];systemctl restart "$svc";rc-service "$svc" restart;service "$svc" restart;"/etc/init.d/$svc" restart | launchctl;rcctl
            BUSYBOX | rc-service "$svc" restart;"/etc/init.d/$svc" restart                                                                           | systemctl;$sudo service;launchctl;rcctl
            FREEBSD | service "$svc" restart                                                                                                         | systemctl;rc-service;launchctl;rcctl
            OPENBSD | rcctl restart "$svc"                                                                                                           | systemctl;rc-service;service;launchctl
            MACOS   | launchctl kickstart -k "system/$svc"                                                                                           | systemctl;rc-service;service;rcctl
            """)
    void eachPlatformRestartsWithItsManagers(Platform platform, String present, String absent) {
        String command = restart.command(platform, "orders", Settings.empty()).orElseThrow();
        assertTrue(command.startsWith("svc='orders'; sudo=''; PATH=\"$PATH:/usr/local/sbin:/usr/sbin:/sbin\"; "), command);
        for (String part : present.split(";")) {
            assertTrue(command.contains(part), part + " missing from " + command);
        }
        for (String part : absent.split(";")) {
            assertFalse(command.contains(part), part + " in " + command);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            systemd | $sudo systemctl restart "$svc"
            openrc  | $sudo rc-service "$svc" restart
            sysv    | $sudo service "$svc" restart
            rc.d    | $sudo service "$svc" restart
            rcctl   | $sudo rcctl restart "$svc"
            launchd | $sudo launchctl kickstart -k "system/$svc"
            """)
    void aNamedManagerIsUsedOnEveryPlatformWithoutDetection(String manager, String restartText) {
        for (Platform platform : Platform.values()) {
            String command = restart.command(platform, "orders", options("manager", manager)).orElseThrow();
            assertTrue(command.contains(restartText), command);
            assertFalse(command.contains("/run/systemd/system"), command);
        }
    }

    @Test
    void sudoPrefixesTheManagerWithANonPromptingSudo() {
        String command = restart.command(Platform.LINUX, "orders", options("sudo", true)).orElseThrow();
        assertTrue(command.startsWith("svc='orders'; sudo='sudo -n'; "), command);
        assertTrue(command.contains("$sudo systemctl restart"), command);
        String plain = restart.command(Platform.LINUX, "orders", options("sudo", false)).orElseThrow();
        assertTrue(plain.startsWith("svc='orders'; sudo=''; "), plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "orders.service", "getty@tty1", "com.openssh.sshd", "php8.2-fpm", "a:b_c"})
    void serviceNamesAreAccepted(String name) {
        assertEquals(List.of(), restart.validate(name, Settings.empty()));
        assertEquals(Optional.of("svc='" + name + "'"), restart.command(Platform.LINUX, name, Settings.empty())
                .map(c -> c.substring(0, c.indexOf(';'))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-orders", "orders; reboot", "$(reboot)", "a b", "it's", "x\ny", "../../bin/sh", "café", ""})
    void anythingElseIsRejectedAndNoCommandIsMade(String name) {
        List<ConfigProblem> problems = restart.validate(name, Settings.empty());
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("target", problems.get(0).key());
        assertFalse(problems.get(0).message().contains("\n"), problems.get(0).message());
        for (Platform platform : Platform.values()) {
            assertEquals(Optional.empty(), restart.command(platform, name, Settings.empty()));
        }
    }

    @Test
    void everyBadOptionIsReportedAtOnce() {
        List<ConfigProblem> problems = restart.validate("bad name", options("manager", "upstart", "sudo", "yes"));
        assertEquals(List.of("target", "manager", "sudo"), problems.stream().map(ConfigProblem::key).toList());
        assertEquals("expected one of auto, systemd, openrc, sysv, rc.d, rcctl, launchd, got \"upstart\"", problems.get(1).message());
        assertEquals("expected true or false, got \"yes\"", problems.get(2).message());
        assertEquals(List.of(), restart.validate("orders", options("manager", "auto", "sudo", false)));
        assertEquals(1, restart.validate(null, Settings.empty()).size());
    }

    @ParameterizedTest(name = "exit {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'manager systemd\n'                                                                            | 0   | true  | orders restarted
            ''                                                                                             | 0   | true  | orders restarted
            'manager systemd\nFailed to restart orders.service: Unit orders.service not found.\n'          | 5   | false | could not restart orders (systemd): exit 5: Failed to restart orders.service: Unit orders.service not found.
            'manager sysv\nsudo: a password is required\n'                                                 | 1   | false | could not restart orders (sysv): exit 1: sudo: a password is required
            'manager none\nno service manager found to restart orders (no rc-service or /etc/init.d/orders)\n' | 127 | false | could not restart orders: exit 127: no service manager found to restart orders (no rc-service or /etc/init.d/orders)
            'manager openrc\n * one\n\n * two\n * three\n * four\n'                                       | 1   | false | could not restart orders (openrc): exit 1: * one / * two / * three
            'manager launchd\n'                                                                            | 113 | false | could not restart orders (launchd): exit 113: no output
            'manager rcctl\n\u001b[31mred\u0007\n'                                                         | 1   | false | could not restart orders (rcctl): exit 1: ?[31mred?
            """)
    void judge(String text, int exit, boolean done, String summary) {
        String unescaped = text.replace("\\n", "\n").replace("\\u001b", "\u001b").replace("\\u0007", "\u0007");
        assertEquals(new Outcome(done, summary), restart.judge(new RawOutput(unescaped, exit, false), "orders", Settings.empty()));
    }

    @Test
    void aLongFailureIsCut() {
        Outcome o = restart.judge(new RawOutput("x".repeat(5000) + "\n", 1, false), "orders", Settings.empty());
        assertFalse(o.done());
        assertTrue(o.summary().length() < 400, o.summary());
        assertTrue(o.summary().endsWith("..."), o.summary());
    }

    @Test
    void theJudgementNeverThrowsOnOddOutput() {
        for (String text : new String[] {"", "manager", "manager \n", "\n\n\n", "manager x\r\nmanager y\r\n"}) {
            restart.judge(new RawOutput(text, 3, true), "orders", Settings.empty());
            restart.judge(new RawOutput(text, 0, false), null, options("manager", 7));
        }
    }
}
