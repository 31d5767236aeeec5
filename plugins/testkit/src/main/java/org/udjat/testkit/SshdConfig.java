package org.udjat.testkit;

import java.nio.file.Path;

/** Writes the sshd_config of an {@link OpenSshServer}: loopback only, public keys only, one user. */
final class SshdConfig {

    private SshdConfig() {
    }

    static String render(String address, int port, Path hostKey, Path authorizedKeys, Path pidFile, String user) {
        return String.join("\n",
                "# written by udjat-testkit OpenSshServer",
                "ListenAddress " + address,
                "Port " + port,
                "HostKey " + hostKey,
                "PidFile " + pidFile,
                "AuthorizedKeysFile " + authorizedKeys,
                "AllowUsers " + user,
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "StrictModes no",
                "UseDNS no",
                "PrintMotd no",
                "PrintLastLog no",
                "X11Forwarding no",
                "AllowAgentForwarding no",
                "AllowTcpForwarding no",
                "AllowStreamLocalForwarding no",
                "PermitTunnel no",
                "PermitUserEnvironment no",
                "MaxStartups 100:30:200",
                "LogLevel VERBOSE",
                "");
    }
}
