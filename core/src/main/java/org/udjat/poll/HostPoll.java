package org.udjat.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.udjat.api.Platform;

/**
 * Everything one cycle learnt from one host.
 *
 * @param host     the host's name
 * @param reached  true when the transport got the script to run and its results back
 * @param reason   why the host was not reached (refused, timeout, auth, host key...), empty when reached
 * @param platform the host's platform as configured or detected this cycle, or null when unknown
 * @param checks   one run per configured check, in config order (NOT_RUN when the host was not reached)
 * @param started  when polling this host began
 * @param duration how long polling this host took, connect included
 */
public record HostPoll(
        String host,
        boolean reached,
        String reason,
        Platform platform,
        List<CheckRun> checks,
        Instant started,
        Duration duration) {

    public HostPoll {
        reason = reason == null ? "" : reason;
        checks = List.copyOf(checks);
    }
}
