package org.udjat.remedy.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.udjat.testkit.Fixtures.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator.Outcome;
import org.udjat.api.Settings;
import org.udjat.testkit.ShellRunner;

/**
 * Runs the generated commands for real: LINUX under /bin/sh, BUSYBOX under BusyBox sh (whose
 * {@code /bin/sh -c} is the host's sh, as on a BusyBox system it is BusyBox). The command's exit
 * status is judged; a hostile target reaches the command only as the value of UDJAT_TARGET.
 */
class RunCommandLiveTest {
    private final RunCommandRemediator run = new RunCommandRemediator();
    @TempDir
    Path dir;

    private RawOutput exec(Platform platform, String target, Settings options) throws IOException {
        String command = "( " + run.command(platform, target, options).orElseThrow() + " ); echo \"after $?\"";
        return platform == Platform.LINUX ? ShellRunner.sh(command) : ShellRunner.busybox(command, Files.createDirectories(dir.resolve("applets")));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void theCommandRunsAndItsExitStatusIsJudged(Platform platform) throws IOException {
        Settings ok = options("command", "echo \"fixed $UDJAT_TARGET\"; exit 0");
        RawOutput out = exec(platform, "orders", ok);
        assertEquals("fixed orders\nafter 0\n", out.text());
        assertEquals(new Outcome(true, "fixed orders"), run.judge(new RawOutput("fixed orders\n", 0, false), "orders", ok));

        Settings failing = options("command", "echo 'queue is wedged' >&2; exit 4");
        RawOutput bad = exec(platform, "orders", failing);
        assertEquals("queue is wedged\nafter 4\n", bad.text());
        assertEquals(new Outcome(false, "the command failed: exit 4: queue is wedged"),
                run.judge(new RawOutput("queue is wedged\n", 4, false), "orders", failing));
    }

    /** Its {@code exit} ends only its own shell, and its variables stay in it. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void theCommandCannotEndOrChangeTheScriptAroundIt(Platform platform) throws IOException {
        String command = "x=outer; " + run.command(platform, "orders", options("command", "x=inner; exit 7")).orElseThrow()
                + "; echo \"after $? $x ${UDJAT_TARGET:-unset}\"";
        RawOutput out = platform == Platform.LINUX ? ShellRunner.sh(command)
                : ShellRunner.busybox(command, Files.createDirectories(dir.resolve("applets")));
        assertEquals("after 7 outer unset\n", out.text());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"LINUX", "BUSYBOX"})
    void aHostileTargetIsOnlyEverAValue(Platform platform) throws IOException {
        Path proof = dir.resolve("pwned");
        String target = "x'; touch " + proof + "; echo '$(touch " + proof + ")`touch " + proof + "`\"";
        Settings options = options("command", "printf '%s\\n' \"$UDJAT_TARGET\"");
        RawOutput out = exec(platform, target, options);
        assertEquals(target + "\nafter 0\n", out.text());
        assertEquals(false, Files.exists(proof));
    }
}
