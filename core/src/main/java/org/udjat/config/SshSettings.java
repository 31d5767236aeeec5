package org.udjat.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to log in to a host over SSH.
 *
 * @param user            login name
 * @param identityFile    private key (ed25519 or RSA, OpenSSH or PEM format)
 * @param passphrase      the key's passphrase, or {@link Secret#NONE}
 * @param knownHosts      the known_hosts file host keys are checked against
 * @param trustOnFirstUse when true, an unknown host's key is recorded and accepted; a changed key is still refused
 * @param connectTimeout  limit for TCP connect plus SSH handshake and authentication
 * @param execTimeout     limit for the one batched exec, from channel open to exit status
 */
public record SshSettings(
        String user,
        Path identityFile,
        Secret passphrase,
        Path knownHosts,
        boolean trustOnFirstUse,
        Duration connectTimeout,
        Duration execTimeout) {
}
