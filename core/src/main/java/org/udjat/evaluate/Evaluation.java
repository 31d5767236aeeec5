package org.udjat.evaluate;

import java.util.List;

/**
 * What the evaluate stage produced from one cycle.
 *
 * @param snapshot the new states of every host and check
 * @param changes  what changed since the previous snapshot, in host then check order
 */
public record Evaluation(Snapshot snapshot, List<Change> changes) {
    public Evaluation {
        changes = List.copyOf(changes);
    }
}
