package org.udjat.poll.ssh;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The operator-facing explanations of host key refusals, each ending with the command that fixes it. */
public final class HostKeyMessages {

    private HostKeyMessages() {
    }

    /** The OpenSSH fingerprint of a key blob: {@code SHA256:} and unpadded base64. */
    public static String fingerprint(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Why a host whose key was refused was not polled, or null when the verdict accepts it. */
    public static String refusal(HostLabel host, HostKeyVerdict verdict, byte[] keyBlob, Path knownHosts) {
        return switch (verdict) {
            case TRUSTED, RECORDED -> null;
            case UNKNOWN -> unknown(host, keyBlob, knownHosts);
            case CHANGED -> changed(host, keyBlob, knownHosts);
            case REVOKED -> host.prefix() + "host key " + fingerprint(keyBlob) + " is marked @revoked in "
                    + knownHosts + " — refusing to connect";
        };
    }

    static String unknown(HostLabel host, byte[] keyBlob, Path knownHosts) {
        String portOption = host.port() == 22 ? "" : "-p " + host.port() + " ";
        return host.prefix() + "host key not in " + knownHosts + " — refusing to connect; verify its fingerprint "
                + fingerprint(keyBlob) + " and add it with: ssh-keyscan " + portOption + host.address()
                + " >> " + knownHosts;
    }

    static String changed(HostLabel host, byte[] keyBlob, Path knownHosts) {
        return host.prefix() + "HOST KEY CHANGED since it was recorded in " + knownHosts + " (now "
                + fingerprint(keyBlob) + ") — refusing to connect; if the change is expected, remove the old entry with: "
                + "ssh-keygen -R '" + host.knownHostsToken() + "' -f " + knownHosts;
    }
}
