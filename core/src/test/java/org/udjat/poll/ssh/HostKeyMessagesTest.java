package org.udjat.poll.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.testkit.ClientKeys;
import org.udjat.testkit.SshKey;

class HostKeyMessagesTest {

    static final Path KNOWN = Path.of("/etc/udjat/known_hosts");
    static final byte[] KEY = "key".getBytes(StandardCharsets.US_ASCII);

    @Test
    void fingerprintMatchesSshKeygen(@TempDir Path tmp) throws Exception {
        SshKey key = ClientKeys.ed25519(tmp);
        Process keygen = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", key.publicKey().toString()).start();
        String listed = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, keygen.waitFor());
        byte[] blob = Base64.getDecoder().decode(key.typeAndKey().split(" ")[1]);

        assertEquals(listed.split(" ")[1], HostKeyMessages.fingerprint(blob));
    }

    @Test
    void unknownOnPort22HasNoPortOption() {
        assertEquals("host db1 (10.0.0.5:22): host key not in /etc/udjat/known_hosts — refusing to connect; verify its "
                + "fingerprint " + HostKeyMessages.fingerprint(KEY) + " and add it with: ssh-keyscan 10.0.0.5 >> /etc/udjat/known_hosts",
                HostKeyMessages.refusal(new HostLabel("db1", "10.0.0.5", 22), HostKeyVerdict.UNKNOWN, KEY, KNOWN));
    }

    @Test
    void changedOnOtherPortQuotesTheBracketToken() {
        assertEquals("host web1 (127.0.0.1:2222): HOST KEY CHANGED since it was recorded in /etc/udjat/known_hosts (now "
                + HostKeyMessages.fingerprint(KEY) + ") — refusing to connect; if the change is expected, remove the old entry "
                + "with: ssh-keygen -R '[127.0.0.1]:2222' -f /etc/udjat/known_hosts",
                HostKeyMessages.refusal(new HostLabel("web1", "127.0.0.1", 2222), HostKeyVerdict.CHANGED, KEY, KNOWN));
    }

    @Test
    void revokedAndAccepted() {
        HostLabel host = new HostLabel("web1", "::1", 22);
        assertEquals("host web1 ([::1]:22): host key " + HostKeyMessages.fingerprint(KEY)
                + " is marked @revoked in /etc/udjat/known_hosts — refusing to connect",
                HostKeyMessages.refusal(host, HostKeyVerdict.REVOKED, KEY, KNOWN));
        assertNull(HostKeyMessages.refusal(host, HostKeyVerdict.TRUSTED, KEY, KNOWN));
        assertNull(HostKeyMessages.refusal(host, HostKeyVerdict.RECORDED, KEY, KNOWN));
    }
}
