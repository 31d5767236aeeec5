package org.udjat.config;

import java.util.List;
import org.udjat.api.Platform;

/**
 * One monitored host, with its effective settings (defaults, templates and its own keys merged).
 *
 * @param name      unique name, the key under {@code hosts:}
 * @param address   DNS name or IP address to connect to (unused by the local transport)
 * @param port      SSH port
 * @param transport how the host is reached
 * @param platform  the platform forced in the config, or null to detect it
 * @param tags      tags, used to apply templates and (later) route notifications
 * @param parents   names of the hosts on the network path to this one
 * @param ssh       effective SSH settings for this host
 * @param checks    the checks to run, in order; names unique within the host
 * @param policy    hysteresis and flapping settings of the host's own UP/DOWN state
 */
public record HostSpec(
        String name,
        String address,
        int port,
        Transport transport,
        Platform platform,
        List<String> tags,
        List<String> parents,
        SshSettings ssh,
        List<CheckSpec> checks,
        StatePolicy policy) {

    /** A host with the default state policy. */
    public HostSpec(String name, String address, int port, Transport transport, Platform platform, List<String> tags,
                    List<String> parents, SshSettings ssh, List<CheckSpec> checks) {
        this(name, address, port, transport, platform, tags, parents, ssh, checks, StatePolicy.DEFAULT);
    }

    public HostSpec {
        policy = policy == null ? StatePolicy.DEFAULT : policy;
        tags = List.copyOf(tags);
        parents = List.copyOf(parents);
        checks = List.copyOf(checks);
    }

    /** How a host is reached. */
    public enum Transport {
        /** one SSH session per cycle, all checks in one exec */
        SSH,
        /** the same script run by /bin/sh on the poller itself */
        LOCAL
    }
}
