package org.udjat.poll.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KnownHostsFileTest {

    static final byte[] KEY_A = blob("ssh-ed25519", 1);
    static final byte[] KEY_B = blob("ssh-ed25519", 2);
    static final byte[] RSA = blob("ssh-rsa", 3);

    @Test
    void plainEntryOnOtherPortUsesBracketForm() {
        KnownHostsFile file = KnownHostsFile.parse(List.of("[10.0.0.5]:2222 ssh-ed25519 " + b64(KEY_A)));
        assertEquals(HostKeyVerdict.TRUSTED, file.check("[10.0.0.5]:2222", KEY_A));
        assertEquals(HostKeyVerdict.CHANGED, file.check("[10.0.0.5]:2222", KEY_B));
        assertEquals(HostKeyVerdict.UNKNOWN, file.check("10.0.0.5", KEY_A));
    }

    @Test
    void hostRecordedOnlyWithAnotherKeyTypeCountsAsChanged() {
        KnownHostsFile file = KnownHostsFile.parse(List.of("web1 ssh-rsa " + b64(RSA)));
        assertEquals(HostKeyVerdict.CHANGED, file.check("web1", KEY_A));
    }

    @Test
    void anyMatchingEntryTrusts() {
        KnownHostsFile file = KnownHostsFile.parse(List.of(
                "web1,10.0.0.5 ssh-rsa " + b64(RSA), "web1 ssh-ed25519 " + b64(KEY_A) + " comment here"));
        assertEquals(HostKeyVerdict.TRUSTED, file.check("web1", KEY_A));
        assertEquals(HostKeyVerdict.TRUSTED, file.check("WEB1", RSA));
        assertEquals(2, file.keysFor("web1").size());
    }

    @Test
    void hashedEntries() throws Exception {
        byte[] salt = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        String hashed = "|1|" + b64(salt) + "|" + b64(mac.doFinal("[127.0.0.1]:2222".getBytes(StandardCharsets.UTF_8)));
        KnownHostsFile file = KnownHostsFile.parse(List.of(hashed + " ssh-ed25519 " + b64(KEY_A)));
        assertEquals(HostKeyVerdict.TRUSTED, file.check("[127.0.0.1]:2222", KEY_A));
        assertEquals(HostKeyVerdict.UNKNOWN, file.check("[127.0.0.1]:2223", KEY_A));
    }

    @Test
    void wildcardsAndNegation() {
        KnownHostsFile file = KnownHostsFile.parse(List.of("*.example.org,!bad.example.org ssh-ed25519 " + b64(KEY_A)));
        assertEquals(HostKeyVerdict.TRUSTED, file.check("web1.example.org", KEY_A));
        assertEquals(HostKeyVerdict.UNKNOWN, file.check("bad.example.org", KEY_A));
        assertEquals(HostKeyVerdict.UNKNOWN, file.check("example.org", KEY_A));
    }

    @Test
    void revokedKeyIsRefusedEvenIfAlsoListed() {
        KnownHostsFile file = KnownHostsFile.parse(List.of(
                "web1 ssh-ed25519 " + b64(KEY_A), "@revoked * ssh-ed25519 " + b64(KEY_A)));
        assertEquals(HostKeyVerdict.REVOKED, file.check("web1", KEY_A));
    }

    @Test
    void commentsGarbageAndCertAuthoritiesAreSkipped() {
        KnownHostsFile file = KnownHostsFile.parse(List.of(
                "# comment", "", "web1 ssh-ed25519", "web1 ssh-ed25519 !!!notbase64",
                "@cert-authority web1 ssh-ed25519 " + b64(KEY_B)));
        assertEquals(HostKeyVerdict.UNKNOWN, file.check("web1", KEY_A));
    }

    /** A fake but well-formed key blob: the length-prefixed type name, then filler. */
    static byte[] blob(String type, int filler) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(4 + name.length + 8).putInt(name.length).put(name).putLong(filler).array();
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
