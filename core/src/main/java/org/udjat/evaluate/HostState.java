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
 */
public record HostState(
        String host,
        boolean reachable,
        String reason,
        String platform,
        Instant lastPoll,
        Instant since,
        List<CheckState> checks) {

    public HostState {
        reason = reason == null ? "" : reason;
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
