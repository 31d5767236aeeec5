package org.udjat.config;

import java.util.Map;
import java.util.Optional;

/**
 * A check named across the config: its host and its name within the host. Written in
 * {@code depends_on} as {@code check} (same host) or {@code host/check}.
 *
 * @param host  the host's name
 * @param check the check's name within that host
 */
public record CheckRef(String host, String check) {

    /**
     * What a {@code depends_on} entry of a check on {@code fromHost} refers to: {@code host/check}
     * when the part before the first {@code /} is a host of the config, else a check of the same host.
     * The check itself may not exist; the caller decides what that means.
     */
    public static CheckRef resolve(String fromHost, String written, Map<String, HostSpec> hosts) {
        int slash = written.indexOf('/');
        if (slash > 0 && slash < written.length() - 1 && hosts.containsKey(written.substring(0, slash))) {
            return new CheckRef(written.substring(0, slash), written.substring(slash + 1));
        }
        return new CheckRef(fromHost, written);
    }

    /** The check's spec in {@code hosts}, if there is one. */
    public Optional<CheckSpec> in(Map<String, HostSpec> hosts) {
        HostSpec h = hosts.get(host);
        return h == null ? Optional.empty() : h.checks().stream().filter(c -> c.name().equals(check)).findFirst();
    }

    /** {@code host/check}, as in messages and {@code suppressed by db1/postgres CRITICAL}. */
    @Override
    public String toString() {
        return host + "/" + check;
    }
}
