package org.udjat.evaluate;

import org.udjat.api.Status;

/** How the engine's status of a host reads: OK is UP, a problem DOWN, or UNREACHABLE when suppressed by a parent. */
final class HostStates {
    private HostStates() {
    }

    static String name(Status status, String suppressedBy) {
        if (status == Status.OK) {
            return "UP";
        }
        return suppressedBy == null ? "DOWN" : "UNREACHABLE";
    }
}
