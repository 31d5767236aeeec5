package org.udjat.remedy.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator.Outcome;
import org.udjat.api.Settings;

/** The command on every platform, the validation of the target and options, and the judgement. */
class RunCommandRemediatorTest {
    private final RunCommandRemediator run = new RunCommandRemediator();

    @Test
    void typeAndOptions() {
        assertEquals("run-command", run.type());
        assertEquals(Set.of("command", "sudo"), run.optionNames());
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theCommandRunsInAShellOfItsOwnWithTheTargetExportedOnEveryPlatform(Platform platform) {
        assertEquals(Optional.of("/bin/sh -c 'UDJAT_TARGET='\\''orders'\\''; export UDJAT_TARGET; fix \"$UDJAT_TARGET\"'"),
                run.command(platform, "orders", options("command", "fix \"$UDJAT_TARGET\"")));
        assertEquals(Optional.of("sudo -n /bin/sh -c 'UDJAT_TARGET='\\''orders'\\''; export UDJAT_TARGET; fix'"),
                run.command(platform, "orders", options("command", "fix", "sudo", true)));
    }

    @Test
    void everyBadOptionIsReportedAtOnce() {
        List<ConfigProblem> problems = run.validate("", options("sudo", "please"));
        assertEquals(List.of("target", "command", "sudo"), problems.stream().map(ConfigProblem::key).toList());
        assertEquals("expected true or false, got \"please\"", problems.get(2).message());
        assertTrue(run.validate("orders", options("command", List.of("fix", "now"))).get(0).message().endsWith("got a list"));
        assertTrue(run.validate("orders", options("command", Map.of("a", 1))).get(0).message().endsWith("got a map"));
        assertTrue(run.validate("orders", options("command", 7)).get(0).message().endsWith("got a number or boolean"));
        assertEquals(List.of("command"), run.validate("orders", options("command", "  ")).stream().map(ConfigProblem::key).toList());
        assertEquals(List.of("command"), run.validate("orders", options("command", "a\0b")).stream().map(ConfigProblem::key).toList());
        assertEquals(List.of("target"), run.validate("two\nlines", options("command", "fix")).stream().map(ConfigProblem::key).toList());
        assertEquals(List.of(), run.validate("it's $(odd) but fine", options("command", "fix")));
        assertEquals(Optional.empty(), run.command(Platform.LINUX, "orders", Settings.empty()));
    }

    @ParameterizedTest(name = "exit {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            'restarted the queue\\nok\\n' | 0   | true  | restarted the queue
            ''                            | 0   | true  | the command exited 0
            'a\\n\\nb\\nc\\nd\\n'         | 3   | false | the command failed: exit 3: a / b / c
            'sh: 1: fix: not found\\n'    | 127 | false | the command failed: exit 127: sh: 1: fix: not found
            ''                            | 1   | false | the command failed: exit 1: no output
            'bell\\u0007\\n'              | 0   | true  | bell?
            """)
    void judge(String text, int exit, boolean done, String summary) {
        String unescaped = text.replace("\\n", "\n").replace("\\u0007", "\u0007");
        assertEquals(new Outcome(done, summary), run.judge(new RawOutput(unescaped, exit, false), "orders", Settings.empty()));
    }

    @Test
    void aLongLineIsCut() {
        Outcome o = run.judge(new RawOutput("y".repeat(3000), 0, false), "orders", Settings.empty());
        assertEquals(303, o.summary().length());
    }
}
