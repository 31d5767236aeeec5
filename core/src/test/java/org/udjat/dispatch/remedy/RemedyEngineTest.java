package org.udjat.dispatch.remedy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Status;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.config.HostSpec;
import org.udjat.dispatch.control.Downtime;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;
import org.udjat.poll.LocalTransport;
import org.udjat.record.StateDir;
import org.udjat.testkit.SettableClock;

/**
 * The engine through whole runs: real remediators whose commands run in /bin/sh through the local
 * transport, the memory in a real {@code remediation.json}, a new engine for every cycle (as cron
 * starts a new process), and a settable clock.
 */
class RemedyEngineTest {
    private static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private final List<Verdict> verdicts = new ArrayList<>();
    private final List<Downtime> downtimes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private Config config(String remediate) throws Exception {
        Path file = dir.resolve("udjat.yaml");
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(file, """
                interval: 1m
                state_dir: state
                hosts:
                  node3:
                    transport: local
                    platform: linux
                    checks:
                      - command: "test -e %s"
                        name: orders
                        remediate: %s
                """.formatted(dir.resolve("orders"), remediate));
        return new ConfigLoader(Map.of(), Map.of(), TestRemediators.all(), Map.of(), "tester", dir).load(file);
    }

    private Config touch(String more) throws Exception {
        return config("{with: touch, target: orders, dir: \"" + dir + "\"" + more + "}");
    }

    /** One cycle of remediation by a fresh engine over the state directory, at the clock's time. */
    private List<Change> cycle(Config config, Snapshot snapshot) throws IOException {
        StateDir state = StateDir.open(dir.resolve("state"), clock);
        RemedyStore store = new RemedyStore(state);
        RemedyStore.Loaded loaded = store.load();
        warnings.addAll(loaded.warnings());
        HostRunner runner = new HostRunner(Map.of(HostSpec.Transport.LOCAL,
                new LocalTransport(List.of("/bin/sh", "-s"), Map.of(), clock)), clock);
        RemedyEngine.Result result = new RemedyEngine(TestRemediators.all(), runner, clock)
                .run(config, snapshot, downtimes, verdicts, loaded.state(), clock.instant().plusSeconds(30));
        warnings.addAll(result.warnings());
        store.save(result.next());
        return result.changes();
    }

    /** The check's state at the clock's time, its latest result just now. */
    private Snapshot failing() {
        return snapshot(Status.CRITICAL, StateType.HARD, false, null);
    }

    private Snapshot snapshot(Status status, StateType type, boolean unstable, String suppressedBy) {
        Instant now = clock.instant();
        Status hard = type == StateType.HARD ? status : Status.OK;
        CheckState check = new CheckState("orders", status, "orders: no", "", List.of(), now, Duration.ZERO, "", T0,
                new StateDetail(status, type, 3, 3, hard, status, List.of(), unstable, null, suppressedBy));
        return new Snapshot(Snapshot.CURRENT_VERSION, now, now,
                List.of(new HostState("node3", true, "", "linux", now, T0, List.of(check))));
    }

    private Snapshot recovered() {
        return snapshot(Status.OK, StateType.HARD, false, null);
    }

    private long acted() throws IOException {
        Path log = dir.resolve("orders.log");
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }

    private static List<String> lines(List<Change> changes) {
        return changes.stream().map(c -> c.to() + ": " + c.summary()).toList();
    }

    private void minute() {
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void afterTwoIntervals_theRemediatorActs_andTheNextResultVerifiesIt() throws Exception {
        Config config = touch("");

        assertEquals(List.of(), cycle(config, failing()));
        minute();
        assertEquals(List.of(), cycle(config, failing()));
        assertEquals(0, acted());
        minute();
        List<Change> acting = cycle(config, failing());
        assertEquals(List.of("RESTARTED: restarted orders on node3: orders restarted"), lines(acting));
        assertEquals(1, acted());
        assertTrue(Files.exists(dir.resolve("orders")));
        Change c = acting.get(0);
        assertEquals(new Change(T0.plusSeconds(120), "node3", "orders", "CRITICAL", "RESTARTED",
                "restarted orders on node3: orders restarted", ChangeKind.REMEDIATION, StateType.HARD, 0, 0, false, null,
                0, List.of(), null, List.of()), c);
        minute();

        assertEquals(List.of("FIXED: orders on node3 fixed: orders is OK after it was restarted"),
                lines(cycle(config, recovered())));
        minute();
        assertEquals(List.of(), cycle(config, recovered()));
        assertEquals(1, acted());
        assertEquals(List.of(), warnings);
    }

    @Test
    void fiveActionsIn20Minutes_theSixthIsRefusedOnce_andTheWindowSlides() throws Exception {
        Config config = touch("");
        cycle(config, failing());
        minute();
        cycle(config, failing());
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            minute();
            seen.addAll(lines(cycle(config, failing())));
        }
        assertEquals(List.of(
                "RESTARTED: restarted orders on node3: orders restarted",
                "NOT FIXED: orders on node3 not fixed: orders still CRITICAL after it was restarted",
                "RESTARTED: restarted orders on node3 (2nd time in 20m): orders restarted",
                "NOT FIXED: orders on node3 not fixed: orders still CRITICAL after it was restarted",
                "RESTARTED: restarted orders on node3 (3rd time in 20m): orders restarted",
                "NOT FIXED: orders on node3 not fixed: orders still CRITICAL after it was restarted",
                "RESTARTED: restarted orders on node3 (4th time in 20m): orders restarted",
                "NOT FIXED: orders on node3 not fixed: orders still CRITICAL after it was restarted",
                "RESTARTED: restarted orders on node3 (5th time in 20m): orders restarted"), seen);
        assertEquals(5, acted());

        minute(); // 03:07, the first action was at 03:02
        List<Change> refused = cycle(config, failing());
        assertEquals(List.of(
                "NOT FIXED: orders on node3 not fixed: orders still CRITICAL after it was restarted",
                "REFUSED: limit reached: not restarting orders on node3, 5 actions in 20m \u2014 needs a human"),
                lines(refused));
        assertTrue(RemedyChanges.pages(refused.get(1)));
        assertFalse(RemedyChanges.pages(refused.get(0)));
        for (int m = 8; m <= 21; m++) {
            minute();
            assertEquals(List.of(), cycle(config, failing()), "at 03:" + m);
        }
        assertEquals(5, acted());

        minute(); // 03:22: the action of 03:02 is 20 minutes old and out of the window
        assertEquals(List.of("RESTARTED: restarted orders on node3 (5th time in 20m): orders restarted"),
                lines(cycle(config, failing())));
        assertEquals(6, acted());
        minute(); // 03:23: the action of 03:03 is out too
        assertEquals(List.of(
                "NOT FIXED: orders on node3 not fixed: orders still CRITICAL after it was restarted",
                "RESTARTED: restarted orders on node3 (5th time in 20m): orders restarted"),
                lines(cycle(config, failing())));
        assertEquals(7, acted());
    }

    @Test
    void theWindowIsPerHostAndTarget_andSmallerLimitsHold() throws Exception {
        Config config = touch(", max: 1, per: 1h, after: 1m");
        cycle(config, failing());
        minute();
        assertEquals(1, cycle(config, failing()).size());
        minute();
        assertEquals(List.of(
                "NOT FIXED: orders on node3 not fixed: orders still CRITICAL after it was restarted",
                "REFUSED: limit reached: not restarting orders on node3, 1 action in 1h \u2014 needs a human"),
                lines(cycle(config, failing())));
    }

    @Test
    void dryRun_recordsWhatWouldHaveBeenDoneOncePerProblem_andDoesNothing() throws Exception {
        Config config = touch(", mode: dry-run");
        cycle(config, failing());
        minute();
        cycle(config, failing());
        minute();

        List<Change> dry = cycle(config, failing());
        assertEquals(1, dry.size());
        assertEquals("DRY-RUN", dry.get(0).to());
        assertTrue(dry.get(0).summary().startsWith("dry run: would restart orders on node3 by running: echo acted >> "),
                dry.get(0).summary());
        minute();
        assertEquals(List.of(), cycle(config, failing()));
        assertEquals(0, acted());
        assertFalse(Files.exists(dir.resolve("orders")));
    }

    @Test
    void approveMode_queuesOnce_actsWhenApproved_andRecordsWho() throws Exception {
        Config config = touch(", mode: approve");
        cycle(config, failing());
        minute();
        cycle(config, failing());
        minute();

        assertEquals(List.of("QUEUED: approval needed to restart orders on node3: udjat remediate approve 1"),
                lines(cycle(config, failing())));
        minute();
        assertEquals(List.of(), cycle(config, failing()));
        assertEquals(0, acted());

        verdicts.add(new Verdict("1", Verdict.Kind.APPROVE, "alice", clock.instant()));
        minute();
        assertEquals(List.of("RESTARTED: restarted orders on node3, approved by alice: orders restarted"),
                lines(cycle(config, failing())));
        assertEquals(1, acted());
        RemedyState state = new RemedyStore(StateDir.open(dir.resolve("state"), clock)).peek();
        assertEquals("DONE", state.requests().get(0).status());
        assertEquals("alice", state.requests().get(0).by());
        assertEquals("alice", state.actions().get(0).approvedBy());
    }

    @Test
    void approveMode_denied_isRecordedAndNotAskedAgainForTheSameProblem() throws Exception {
        Config config = touch(", mode: approve, after: 1m");
        cycle(config, failing());
        minute();
        cycle(config, failing());
        verdicts.add(new Verdict("1", Verdict.Kind.DENY, "bob", clock.instant()));
        minute();

        assertEquals(List.of("DENIED: bob denied restarting orders on node3 (request 1)"),
                lines(cycle(config, failing())));
        minute();
        assertEquals(List.of(), cycle(config, failing()));
        assertEquals(0, acted());
    }

    @Test
    void verificationStillFailing_isNotFixed_andAFurtherActionFollows() throws Exception {
        Config config = touch(", after: 1m");
        cycle(config, failing());
        minute();
        cycle(config, failing());
        minute();
        List<Change> again = cycle(config, failing());

        assertEquals(List.of("NOT FIXED", "RESTARTED"), again.stream().map(Change::to).toList());
        assertEquals(2, acted());
    }

    @Test
    void noResultSinceTheAction_waitsForOne() throws Exception {
        Config config = touch(", after: 1m");
        cycle(config, failing());
        minute();
        Snapshot atAction = failing();
        cycle(config, atAction);
        minute();

        assertEquals(List.of(), cycle(config, atAction)); // the same result as before the action: stale
        assertEquals(1, acted());
    }

    @Test
    void aCorruptMemory_isSetAside_andNothingIsDoneUntilAHumanResets() throws Exception {
        Config config = touch(", after: 1m");
        Path state = dir.resolve("state");
        Files.writeString(state.resolve("remediation.json"), "{\"sequence\": 3, \"actions\": [{\"id\":");
        cycle(config, failing());
        minute();

        List<Change> refused = cycle(config, failing());
        assertEquals(1, refused.size());
        assertEquals("REFUSED", refused.get(0).to());
        assertTrue(refused.get(0).summary().startsWith("not restarting orders on node3: "
                + state.resolve("remediation.json") + ": unreadable ("), refused.get(0).summary());
        assertTrue(refused.get(0).summary().endsWith("; set aside as remediation.json.corrupt-20260302T030000Z; the "
                + "actions on record are unknown, so no remediation is done automatically until a human has looked "
                + "and run: udjat remediate reset"), refused.get(0).summary());
        assertTrue(RemedyChanges.pages(refused.get(0)));
        assertTrue(Files.exists(state.resolve("remediation.json.corrupt-20260302T030000Z")));
        assertEquals(1, warnings.size());
        for (int i = 0; i < 3; i++) {
            minute();
            assertEquals(List.of(), cycle(config, failing()));
        }
        assertEquals(0, acted());

        verdicts.add(new Verdict(null, Verdict.Kind.RESET, "alice", clock.instant()));
        minute();
        assertEquals(List.of("RESTARTED"), cycle(config, failing()).stream().map(Change::to).toList());
        assertEquals(1, acted());
    }

    @Test
    void aFailingCommand_isAFailureThatPages() throws Exception {
        Config config = config("{with: failing, target: orders, after: 1m}");
        cycle(config, failing());
        minute();

        List<Change> failed = cycle(config, failing());
        assertEquals(List.of("FAILED: could not remediate orders on node3: exit 5: Unit orders.service not found."),
                lines(failed));
        assertTrue(RemedyChanges.pages(failed.get(0)));
    }

    @Test
    void aThrowingRemediator_costsARecordedFailureAndAWarning() throws Exception {
        Config config = config("{with: throwing, target: orders, after: 1m}");
        cycle(config, failing());
        minute();

        List<Change> failed = cycle(config, failing());
        assertEquals(List.of("FAILED: could not remediate orders on node3: remediator throwing failed: "
                + "java.lang.IllegalStateException: boom"), lines(failed));
        assertEquals(List.of("remediator throwing failed: java.lang.IllegalStateException: boom"), warnings);
    }

    @Test
    void aHangingRemediator_isGivenUpAtItsTimeout() throws Exception {
        Config config = config("{with: hanging, target: orders, after: 1m, timeout: 1s}");
        cycle(config, failing());
        minute();

        long started = System.nanoTime();
        List<Change> failed = cycle(config, failing());
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertEquals(List.of("FAILED: could not remediate orders on node3: remediator hanging did not finish "
                + "within 7s"), lines(failed));
        assertTrue(seconds >= 6 && seconds < 10, seconds + "s");
    }

    @Test
    void aCommandThatHangsOnTheHost_isKilledAtItsTimeout() throws Exception {
        Config config = config("{with: sleeping, target: orders, after: 1m, timeout: 1s}");
        cycle(config, failing());
        minute();

        long started = System.nanoTime();
        List<Change> failed = cycle(config, failing());
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertEquals(List.of("FAILED: could not remediate orders on node3: killed after 1s (timeout)"), lines(failed));
        assertTrue(seconds < 5, seconds + "s");
    }

    @Test
    void suppressedInDowntimeOrUnstable_nothingIsDone() throws Exception {
        Config config = touch(", after: 1m");
        assertEquals(List.of(), cycle(config, snapshot(Status.CRITICAL, StateType.SOFT, false, null)));
        minute();
        cycle(config, failing());
        minute();
        assertEquals(List.of(), cycle(config, snapshot(Status.CRITICAL, StateType.HARD, false, "gw1 DOWN")));
        minute();
        assertEquals(List.of(), cycle(config, snapshot(Status.CRITICAL, StateType.HARD, true, null)));
        minute();
        downtimes.add(new Downtime("1", "node3", "orders", clock.instant().minusSeconds(1), clock.instant().plusSeconds(30),
                "alice", "maintenance"));
        assertEquals(List.of(), cycle(config, failing()));
        assertEquals(0, acted());

        minute();
        assertEquals(List.of("RESTARTED"), cycle(config, failing()).stream().map(Change::to).toList());
        assertNotNull(new RemedyStore(StateDir.open(dir.resolve("state"), clock)).peek().problems().get("node3/orders"));
    }
}
