package org.udjat;

import java.time.Duration;
import java.util.List;
import org.udjat.api.Status;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;

/**
 * What one cycle did.
 *
 * @param snapshot the states it recorded
 * @param changes  the changes it appended to the history
 * @param warnings things the operator should know that did not stop the cycle (a corrupt status file
 *                 set aside, a plugin left out)
 * @param took     the cycle's wall time
 */
public record CycleOutcome(Snapshot snapshot, List<Change> changes, List<String> warnings, Duration took) {

    /** One log line: {@code cycle done in 1.2s: 3 hosts (1 down), 12 checks (10 OK, 2 CRITICAL), 2 changes}. */
    public String summary() {
        long down = snapshot.hosts().stream().filter(h -> !h.reachable()).count();
        List<CheckState> checks = snapshot.hosts().stream().map(HostState::checks).flatMap(List::stream).toList();
        StringBuilder counts = new StringBuilder();
        for (Status status : Status.values()) {
            long n = checks.stream().filter(c -> c.status() == status).count();
            if (n > 0) {
                counts.append(counts.length() == 0 ? "" : ", ").append(n).append(' ').append(status);
            }
        }
        return String.format("cycle done in %.1fs: %d hosts%s, %d checks%s, %d change%s",
                took.toMillis() / 1000.0, snapshot.hosts().size(), down == 0 ? "" : " (" + down + " down)",
                checks.size(), counts.length() == 0 ? "" : " (" + counts + ")",
                changes.size(), changes.size() == 1 ? "" : "s");
    }
}
