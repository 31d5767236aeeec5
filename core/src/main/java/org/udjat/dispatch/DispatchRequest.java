package org.udjat.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.Snapshot;
import org.udjat.record.StateDir;

/**
 * What one cycle hands to the dispatch stage, after it has been recorded.
 *
 * @param snapshot the states the cycle recorded
 * @param changes  the changes it appended to the history, in host then check order; suppressed ones
 *                 included (see {@link Change#notifiable()})
 * @param stateDir the state directory, locked by the cycle: where the outbox and the policy's memory live
 * @param started  when the cycle started (cron's time), the time the notification rules go by
 * @param deadline when deliveries must stop so the cycle ends in time; what is not sent by then
 *                 stays in the outbox for the next cycle
 */
public record DispatchRequest(Snapshot snapshot, List<Change> changes, StateDir stateDir, Instant started,
                              Instant deadline) {
    public DispatchRequest {
        Objects.requireNonNull(snapshot, "snapshot");
        changes = List.copyOf(changes);
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** The changes people should hear of. */
    public List<Change> notifiable() {
        return changes.stream().filter(Change::notifiable).toList();
    }
}
