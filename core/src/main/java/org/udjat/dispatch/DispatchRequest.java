package org.udjat.dispatch;

import java.util.List;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.Snapshot;

/**
 * What one cycle hands to the dispatch stage, after it has been recorded.
 *
 * @param snapshot the states the cycle recorded
 * @param changes  the changes it appended to the history, in host then check order; suppressed ones
 *                 included (see {@link Change#notifiable()})
 */
public record DispatchRequest(Snapshot snapshot, List<Change> changes) {
    public DispatchRequest {
        changes = List.copyOf(changes);
    }

    /** The changes people should hear of. */
    public List<Change> notifiable() {
        return changes.stream().filter(Change::notifiable).toList();
    }
}
