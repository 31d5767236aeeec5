package org.udjat.evaluate;

import java.time.Instant;
import java.util.List;

/**
 * The current state of one host and its checks, as kept in the status file between cycles.
 *
 * @param host      the host's name
 * @param reachable whether the latest poll reached the host
 * @param reason    why it was not reached, empty when it was
 * @param platform  the platform key ({@code linux}, {@code busybox}...) as configured or detected, or null
 * @param lastPoll  when the host was last polled
 * @param since     when the host entered its current reachability
 * @param checks    the state of each check, in config order
 * @param detail    the state engine's memory of the host's own state; null in status files written before it
 */
public record HostState(
        String host,
        boolean reachable,
        String reason,
        String platform,
        Instant lastPoll,
        Instant since,
        List<CheckState> checks,
        StateDetail detail) {

    /** A host state without engine memory, as older status files hold them. */
    public HostState(String host, boolean reachable, String reason, String platform, Instant lastPoll, Instant since,
                     List<CheckState> checks) {
        this(host, reachable, reason, platform, lastPoll, since, checks, null);
    }

    public HostState {
        reason = reason == null ? "" : reason;
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** {@code UP}, {@code DOWN}, or {@code UNREACHABLE} when it is down behind a parent that is down. */
    public String state() {
        if (detail == null) {
            return reachable ? "UP" : "DOWN";
        }
        return HostStates.name(detail.state(), detail.suppressedBy());
    }
}
