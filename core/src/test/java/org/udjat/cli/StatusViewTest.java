package org.udjat.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.udjat.api.Status;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.Flip;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;

class StatusViewTest {
    static final Instant T = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void theTableShowsTypeAttemptsUnstableAndSuppression() {
        StateDetail down = new StateDetail(Status.CRITICAL, StateType.HARD, 3, 3, Status.CRITICAL, Status.CRITICAL,
                List.of(), false, null, null);
        StateDetail unreachable = new StateDetail(Status.CRITICAL, StateType.SOFT, 2, 3, Status.OK, Status.CRITICAL,
                List.of(), false, null, "gw1 DOWN");
        StateDetail flapping = new StateDetail(Status.WARNING, StateType.HARD, 1, 1, Status.WARNING, Status.WARNING,
                List.of(new Flip(T, "WARNING")), true, "OK", null);
        CheckState disk = new CheckState("disk", Status.WARNING, "DISK WARNING", "", List.of(), T, Duration.ZERO, "",
                T, flapping);
        Snapshot snapshot = new Snapshot(Snapshot.CURRENT_VERSION, T, T, List.of(
                new HostState("gw1", false, "connection refused", null, T, T, List.of(), down),
                new HostState("web1", false, "connection refused", null, T, T, List.of(disk), unreachable)));
        StringWriter text = new StringWriter();
        StatusView.of(snapshot, T.plusSeconds(5)).printTable(new PrintWriter(text, true));
        String table = text.toString();
        assertTrue(table.lines().anyMatch(l -> l.matches("gw1\\s+-\\s+DOWN\\s+HARD\\s+5s\\s+connection refused")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(
                "web1\\s+-\\s+UNREACHABLE\\s+SOFT 2/3\\s+5s\\s+connection refused \\[suppressed by gw1 DOWN]")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("web1\\s+disk\\s+WARNING\\s+HARD UNSTABLE\\s+5s\\s+DISK WARNING")),
                table);
    }
}
