package org.udjat.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.udjat.api.Status;
import org.udjat.config.StatePolicy;

/** Every transition of one check's state machine, as tables of results and the states and changes they give. */
class TransitionTest {

    private static Status status(String letter) {
        return switch (letter) {
            case "O" -> Status.OK;
            case "W" -> Status.WARNING;
            case "C" -> Status.CRITICAL;
            case "U" -> Status.UNKNOWN;
            default -> throw new IllegalArgumentException(letter);
        };
    }

    /**
     * Columns: attempts, recover_attempts, the results one per cycle, the state after each
     * ({@code STATUS/TYPE/attempt}) and the kind of change each cycle made ({@code -} for none).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ok to soft to hard             | 3 | 1 | O C C C   | OK/HARD/1 CRITICAL/SOFT/1 CRITICAL/SOFT/2 CRITICAL/HARD/3 | NEW SOFT - PROBLEM
            soft problem that clears       | 3 | 1 | O C C O   | OK/HARD/1 CRITICAL/SOFT/1 CRITICAL/SOFT/2 OK/HARD/1        | NEW SOFT - SOFT
            severities count together      | 3 | 1 | O W C U   | OK/HARD/1 WARNING/SOFT/1 CRITICAL/SOFT/2 UNKNOWN/HARD/3   | NEW SOFT SOFT PROBLEM
            recovery needs recover_attempts| 1 | 2 | O C O O   | OK/HARD/1 CRITICAL/HARD/1 OK/SOFT/1 OK/HARD/2             | NEW PROBLEM SOFT RECOVERY
            interrupted recovery           | 1 | 3 | C O O C   | CRITICAL/HARD/1 OK/SOFT/1 OK/SOFT/2 CRITICAL/HARD/1        | PROBLEM SOFT - SOFT
            warning critical inside hard   | 2 | 1 | W W C W C | WARNING/SOFT/1 WARNING/HARD/2 CRITICAL/HARD/2 WARNING/HARD/2 CRITICAL/HARD/2 | SOFT PROBLEM PROBLEM PROBLEM PROBLEM
            severity change while recovering | 1 | 3 | C O W   | CRITICAL/HARD/1 OK/SOFT/1 WARNING/HARD/1                   | PROBLEM SOFT PROBLEM
            unknown is a problem           | 1 | 1 | O U O     | OK/HARD/1 UNKNOWN/HARD/1 OK/HARD/1                        | NEW PROBLEM RECOVERY
            hard problem stays quiet       | 2 | 1 | C C C C   | CRITICAL/SOFT/1 CRITICAL/HARD/2 CRITICAL/HARD/2 CRITICAL/HARD/2 | SOFT PROBLEM - -
            """)
    void transitions(String name, int attempts, int recover, String results, String states, String kinds) {
        Scenario s = new Scenario().host("h", Scenario.policy(1, 1), List.of(),
                Scenario.check("c", Scenario.policy(attempts, recover)));
        String[] r = results.trim().split(" ");
        String[] expectedStates = states.trim().split(" ");
        String[] expectedKinds = kinds.trim().split(" ");
        List<String> actualStates = new ArrayList<>();
        List<String> actualKinds = new ArrayList<>();
        for (String result : r) {
            Evaluation e = s.set("h/c", status(result)).cycle();
            CheckState c = s.checkState("h/c");
            actualStates.add(c.status() + "/" + c.detail().type() + "/" + c.detail().attempt());
            actualKinds.add(Scenario.changeOf(e, "h/c").map(ch -> ch.kind().name()).orElse("-"));
            assertEquals(status(result), c.status(), "the state is the latest result, SOFT or HARD");
        }
        assertEquals(List.of(expectedStates), actualStates, name);
        assertEquals(List.of(expectedKinds), actualKinds, name);
    }

    @Test
    void aChangeCarriesTypeAttemptAndHowLongThePreviousStateLasted() {
        Scenario s = new Scenario().host("h", Scenario.policy(1, 1), List.of(), Scenario.check("c", Scenario.policy(2, 1)));
        s.cycle();
        s.cycle();
        s.set("h/c", Status.CRITICAL).cycle();
        Change hard = Scenario.changeOf(s.set("h/c", Status.CRITICAL).cycle(), "h/c").orElseThrow();
        assertEquals(ChangeKind.PROBLEM, hard.kind());
        assertEquals("CRITICAL", hard.from());
        assertEquals("CRITICAL", hard.to());
        assertEquals(StateType.HARD, hard.type());
        assertEquals(2, hard.attempt());
        assertEquals(2, hard.attempts());
        assertEquals(Duration.ofMinutes(1), hard.previousDuration());
        assertEquals("CRITICAL - c", hard.summary());
        assertTrue(hard.notifiable());
        Change recovery = Scenario.changeOf(s.set("h/c", Status.OK).cycle(), "h/c").orElseThrow();
        assertEquals(ChangeKind.RECOVERY, recovery.kind());
        assertEquals(Duration.ofMinutes(2), recovery.previousDuration(), "CRITICAL since the first CRITICAL result");
    }

    @Test
    void whenHostIsDown_itGoesSoftThenHardAndItsChecksKeepTheirLastResultMarkedNotRun() {
        Scenario s = new Scenario().host("h", Scenario.policy(2, 1), List.of(), Scenario.check("c", Scenario.policy(1, 1)));
        s.cycle();
        Evaluation first = s.down("h").cycle();
        Change soft = Scenario.changeOf(first, "h").orElseThrow();
        assertEquals("UP", soft.from());
        assertEquals("DOWN", soft.to());
        assertEquals(StateType.SOFT, soft.type());
        assertFalse(soft.notifiable());
        assertEquals("connection refused", soft.summary());
        Evaluation second = s.cycle();
        assertEquals(ChangeKind.PROBLEM, Scenario.changeOf(second, "h").orElseThrow().kind());
        assertEquals("DOWN", s.hostState("h").state());
        CheckState c = s.checkState("h/c");
        assertEquals(Status.OK, c.status(), "not turned into a CRITICAL or stale UNKNOWN");
        assertEquals("not run: host unreachable", c.note());
        assertTrue(first.changes().stream().noneMatch(ch -> "c".equals(ch.check())));
        assertTrue(second.changes().stream().noneMatch(ch -> "c".equals(ch.check())));
    }

    @Test
    void whenResultsStopComing_theCheckStaysUntilStaleAfterThenTurnsUnknownWithTheAge() {
        Scenario s = new Scenario().host("h", Scenario.policy(1, 1), List.of(), Scenario.check("c", Scenario.policy(1, 1)));
        s.cycle();
        s.missing("h/c");
        assertTrue(s.cycle().changes().isEmpty());
        assertTrue(s.cycle().changes().isEmpty());
        assertEquals(Status.OK, s.checkState("h/c").status());
        assertTrue(s.checkState("h/c").note().startsWith("no result this cycle: "), s.checkState("h/c").note());
        Change stale = Scenario.changeOf(s.cycle(), "h/c").orElseThrow();
        assertEquals("UNKNOWN", stale.to());
        assertEquals("stale: no fresh result for 3m (no result: the script ended before reporting this check)",
                stale.summary());
        assertEquals(s.now.minus(Scenario.INTERVAL.multipliedBy(4)), s.checkState("h/c").lastResult(),
                "the result time stays that of the last fresh result");
        assertEquals(ChangeKind.RECOVERY, Scenario.changeOf(s.set("h/c", Status.OK).cycle(), "h/c").orElseThrow().kind());
    }

    @Test
    void whenAResultFlapsOften_oneUnstableChangeThenSilenceThenStableAgainWithTheSettledState() {
        StatePolicy flappy = new StatePolicy(1, 1, Duration.ofMinutes(10), 4, 1, 3);
        Scenario s = new Scenario().host("h", Scenario.policy(1, 1), List.of(), Scenario.check("c", flappy));
        s.cycle();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            changes.addAll(s.set("h/c", i % 2 == 0 ? Status.CRITICAL : Status.OK).cycle().changes());
        }
        List<Change> unstable = changes.stream().filter(c -> c.kind() == ChangeKind.UNSTABLE).toList();
        assertEquals(1, unstable.size(), changes.toString());
        Change became = unstable.get(0);
        assertEquals("UNSTABLE", became.to());
        assertTrue(became.unstable() && became.notifiable());
        assertEquals(4, became.recent().size(), "the flips that made it unstable");
        int at = changes.indexOf(became);
        assertEquals(3, at, "three flips are handled as ordinary changes first: " + changes);
        assertEquals(at + 1, changes.size(), "nothing per flap while unstable: " + changes);
        assertTrue(s.checkState("h/c").detail().unstable());
        // it settles in CRITICAL; the flips age out of the ten-minute window
        s.set("h/c", Status.CRITICAL);
        List<Change> after = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            after.addAll(s.cycle().changes());
        }
        assertEquals(1, after.size(), after.toString());
        Change stable = after.get(0);
        assertEquals(ChangeKind.STABLE, stable.kind());
        assertEquals("UNSTABLE", stable.from());
        assertEquals("CRITICAL", stable.to(), "a problem still there is not lost at the end of flapping");
        assertEquals(StateType.HARD, stable.type());
        assertTrue(stable.notifiable());
        assertFalse(s.checkState("h/c").detail().unstable());
    }

    @Test
    void aStatusFileWithoutEngineMemoryIsTakenAsHardStates() {
        Scenario s = new Scenario().host("h", Scenario.policy(1, 1), List.of(), Scenario.check("c", Scenario.policy(2, 1)));
        Snapshot old = s.set("h/c", Status.CRITICAL).cycle().snapshot();
        HostState h = old.hosts().get(0);
        CheckState c = h.checks().get(0);
        Snapshot legacy = new Snapshot(1, old.cycleStarted(), old.cycleFinished(), List.of(new HostState(h.host(),
                h.reachable(), h.reason(), h.platform(), h.lastPoll(), h.since(), List.of(new CheckState(c.check(),
                c.status(), c.summary(), c.longOutput(), c.perfData(), c.lastResult(), c.duration(), c.note(),
                c.since())))));
        Evaluation e = new Evaluator(Map.of()).evaluate(java.util.Optional.of(legacy), s.config(), s.polls(), Map.of(),
                s.now, s.now);
        assertTrue(e.changes().isEmpty(), "CRITICAL then CRITICAL is no change: " + e.changes());
        assertEquals(StateType.HARD, e.snapshot().hosts().get(0).checks().get(0).detail().type());
        assertNull(e.snapshot().hosts().get(0).checks().get(0).detail().suppressedBy());
    }
}
