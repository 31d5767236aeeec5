package org.udjat.evaluate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything udjat knows after a cycle: the content of {@code status.json}.
 *
 * @param version       format version of the status file
 * @param cycleStarted  when the cycle that wrote it started
 * @param cycleFinished when that cycle finished
 * @param hosts         every host's state, in config order
 */
public record Snapshot(int version, Instant cycleStarted, Instant cycleFinished, List<HostState> hosts) {
    /** The format version written by this release. */
    public static final int CURRENT_VERSION = 1;

    public Snapshot {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /** The state of one host, if present. */
    public Optional<HostState> host(String name) {
        return hosts.stream().filter(h -> h.host().equals(name)).findFirst();
    }
}
