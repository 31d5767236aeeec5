package org.udjat.poll.ssh;

/**
 * How a host is named in messages and looked up in known_hosts.
 *
 * @param name    the host's name in the config
 * @param address the DNS name or IP address connected to
 * @param port    the SSH port
 */
public record HostLabel(String name, String address, int port) {

    /** {@code host web1 (10.0.0.5:22): }, the start of every message about this host. */
    public String prefix() {
        String where = address.indexOf(':') >= 0 ? "[" + address + "]:" + port : address + ":" + port;
        return "host " + name + " (" + where + "): ";
    }

    /** The host as OpenSSH writes it in known_hosts: {@code address} on port 22, else {@code [address]:port}. */
    public String knownHostsToken() {
        return port == 22 ? address : "[" + address + "]:" + port;
    }
}
