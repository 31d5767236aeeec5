package org.udjat.poll.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Platform;
import org.udjat.config.HostSpec;
import org.udjat.config.Secret;
import org.udjat.config.SshSettings;
import org.udjat.poll.Execution;
import org.udjat.poll.SshTransport;
import org.udjat.testkit.ClientKeys;
import org.udjat.testkit.LoopbackPort;
import org.udjat.testkit.OpenSshServer;
import org.udjat.testkit.SilentListener;
import org.udjat.testkit.SshKey;

class SshTransportIT {

    @RegisterExtension
    final OpenSshServer sshd = new OpenSshServer();

    @TempDir
    static Path keys;

    @TempDir
    Path tmp;

    private static SshKey ed25519;
    private static SshTransport transport;

    @BeforeAll
    static void createKeysAndTransport() {
        ed25519 = ClientKeys.ed25519(keys);
        transport = new SshTransport();
    }

    @AfterAll
    static void closeTransport() {
        transport.close();
    }

    @BeforeEach
    void authorizeDefaultKey() {
        sshd.authorize(ed25519.publicKey());
    }

    @Test
    void runsScriptAndReturnsStdoutAndExitStatus() throws Exception {
        Execution run = run(settings(ed25519.privateKey(), Secret.NONE, knownHosts(), false),
                "echo hello; echo oops >&2; exit 3");

        assertTrue(run.reached(), run.reason());
        assertTrue(run.completed(), run.reason());
        assertEquals("hello\n", text(run));
        assertEquals(3, run.exitStatus());
        assertEquals("script exited with status 3; stderr: oops", run.reason());
    }

    @Test
    void cleanRunHasNoReason() throws Exception {
        Execution run = run(settings(ed25519.privateKey(), Secret.NONE, knownHosts(), false), "printf 'a\\nb\\n'");
        assertTrue(run.reached());
        assertTrue(run.completed());
        assertEquals(0, run.exitStatus());
        assertEquals("", run.reason());
        assertEquals("a\nb\n", text(run));
    }

    @Test
    void rsaKeyInOpenSshAndPemFormat() throws Exception {
        for (SshKey key : List.of(ClientKeys.rsa(tmp), ClientKeys.rsaPem(tmp))) {
            sshd.authorize(key.publicKey());
            Execution run = run(settings(key.privateKey(), Secret.NONE, knownHosts(), false), "echo rsa");
            assertEquals("rsa\n", text(run), run.reason() + "\n" + sshd.log());
        }
    }

    @Test
    void passphraseProtectedKey() throws Exception {
        SshKey key = ClientKeys.ed25519WithPassphrase(tmp, "s3cret phrase");
        sshd.authorize(key.publicKey());
        Path knownHosts = knownHosts();

        Execution right = run(settings(key.privateKey(), Secret.of("s3cret phrase", "env PASS"), knownHosts, false), "echo ok");
        assertEquals("ok\n", text(right), right.reason());

        Execution wrong = run(settings(key.privateKey(), Secret.of("not it", "env PASS"), knownHosts, false), "echo ok");
        assertFalse(wrong.reached());
        assertEquals(prefix() + "wrong passphrase for identity file " + key.privateKey() + " (passphrase from env PASS)",
                wrong.reason());
        assertFalse(wrong.reason().contains("not it"));

        Execution none = run(settings(key.privateKey(), Secret.NONE, knownHosts, false), "echo ok");
        assertEquals(prefix() + "identity file " + key.privateKey() + " is protected by a passphrase, but none is configured",
                none.reason());
    }

    @Test
    void missingOrGarbageIdentityFile() throws Exception {
        Path missing = tmp.resolve("nope");
        Execution run = run(settings(missing, Secret.NONE, knownHosts(), false), "echo ok");
        assertEquals(prefix() + "cannot read identity file " + missing + ": no such file", run.reason());

        Path garbage = Files.writeString(tmp.resolve("garbage"), "not a key\n");
        Execution bad = run(settings(garbage, Secret.NONE, knownHosts(), false), "echo ok");
        assertFalse(bad.reached());
        assertEquals(prefix() + "cannot read identity file " + garbage
                + ": not a private key JSch can read (OpenSSH, PEM or PKCS#8 format expected)", bad.reason());

        Execution directory = run(settings(tmp, Secret.NONE, knownHosts(), false), "echo ok");
        assertEquals(prefix() + "cannot read identity file " + tmp + ": not a regular file", directory.reason());
    }

    @Test
    void keyNotAuthorizedFailsAuthentication() throws Exception {
        SshKey stranger = ClientKeys.generate(tmp.resolve("stranger"), org.udjat.testkit.KeyType.ED25519, "", false);
        Execution run = run(settings(stranger.privateKey(), Secret.NONE, knownHosts(), false), "echo ok");
        assertFalse(run.reached());
        assertEquals(prefix() + "authentication failed for user " + sshd.user() + " with key " + stranger.privateKey()
                + " (key not accepted)", run.reason());
    }

    @Test
    void unknownHostKeyIsRefusedAndKnownHostsUntouched() throws Exception {
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), "# nothing yet\n");

        Execution run = run(settings(ed25519.privateKey(), Secret.NONE, knownHosts, false), "echo ok");

        assertFalse(run.reached());
        assertEquals(prefix() + "host key not in " + knownHosts + " — refusing to connect; verify its fingerprint "
                + fingerprint() + " and add it with: ssh-keyscan -p " + sshd.port() + " 127.0.0.1 >> " + knownHosts,
                run.reason());
        assertEquals("# nothing yet\n", Files.readString(knownHosts));
    }

    @Test
    void trustOnFirstUseRecordsKeyThenStrictCheckPasses() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");

        Execution first = run(settings(ed25519.privateKey(), Secret.NONE, knownHosts, true), "echo first");
        assertEquals("first\n", text(first), first.reason());
        assertEquals(sshd.knownHostsLine() + "\n", Files.readString(knownHosts));

        Execution strict = run(settings(ed25519.privateKey(), Secret.NONE, knownHosts, false), "echo strict");
        assertEquals("strict\n", text(strict), strict.reason());
        assertEquals(sshd.knownHostsLine() + "\n", Files.readString(knownHosts));
    }

    @Test
    void changedHostKeyIsRefusedEvenWithTrustOnFirstUse() throws Exception {
        Path knownHosts = knownHosts();
        String recorded = Files.readString(knownHosts);
        sshd.restartWithNewHostKey();

        for (boolean tofu : new boolean[] {false, true}) {
            Execution run = run(settings(ed25519.privateKey(), Secret.NONE, knownHosts, tofu), "echo ok");
            assertFalse(run.reached());
            assertEquals(prefix() + "HOST KEY CHANGED since it was recorded in " + knownHosts + " (now " + fingerprint()
                    + ") — refusing to connect; if the change is expected, remove the old entry with: ssh-keygen -R '[127.0.0.1]:"
                    + sshd.port() + "' -f " + knownHosts, run.reason());
        }
        assertEquals(recorded, Files.readString(knownHosts));
    }

    @Test
    void hashedKnownHostsEntryIsHonoured() throws Exception {
        Path knownHosts = knownHosts();
        Process hash = new ProcessBuilder("ssh-keygen", "-H", "-f", knownHosts.toString()).redirectErrorStream(true).start();
        hash.getInputStream().readAllBytes();
        assertEquals(0, hash.waitFor());
        assertTrue(Files.readString(knownHosts).startsWith("|1|"));

        Execution run = run(settings(ed25519.privateKey(), Secret.NONE, knownHosts, false), "echo hashed");
        assertEquals("hashed\n", text(run), run.reason());
    }

    @Test
    void rsaHostKeyIsVerifiedWithRsaSha2() throws Exception {
        try (OpenSshServer rsaHost = new OpenSshServer().hostKeyType(org.udjat.testkit.KeyType.RSA).start()) {
            rsaHost.authorize(ed25519.publicKey());
            Path knownHosts = Files.writeString(tmp.resolve("rsa_known_hosts"), rsaHost.knownHostsLine() + "\n");
            Execution run = transport.execute(host("127.0.0.1", rsaHost.port(),
                    settings(ed25519.privateKey(), Secret.NONE, knownHosts, false)), bytes("echo rsa host"), Instant.now().plusSeconds(30));
            assertEquals("rsa host\n", text(run), run.reason());
        }
    }

    @Test
    void connectionRefused() throws Exception {
        int port = LoopbackPort.closed();
        Execution run = transport.execute(host("127.0.0.1", port, settings(ed25519.privateKey(), Secret.NONE, knownHosts(), false)),
                bytes("echo ok"), Instant.now().plusSeconds(10));
        assertFalse(run.reached());
        assertEquals("host web1 (127.0.0.1:" + port + "): connection refused", run.reason());
    }

    @Test
    void silentListenerEndsByTheConnectTimeout() throws Exception {
        try (SilentListener listener = SilentListener.start()) {
            long start = System.nanoTime();
            Execution run = transport.execute(host(listener.host(), listener.port(),
                    settings(ed25519.privateKey(), Secret.NONE, knownHosts(), false)), bytes("echo ok"), Instant.now().plusSeconds(30));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertFalse(run.reached());
            assertEquals("host web1 (127.0.0.1:" + listener.port() + "): no SSH banner within 2.0s (not an SSH server?)",
                    run.reason());
            assertTrue(took.compareTo(Duration.ofMillis(1900)) > 0 && took.compareTo(Duration.ofMillis(3000)) < 0, took.toString());
            assertEquals(1, listener.acceptedCount());
        }
    }

    @Test
    void execIsCutOffAtTheDeadlineKeepingPartialOutput() throws Exception {
        long start = System.nanoTime();
        Execution run = transport.execute(host("127.0.0.1", sshd.port(), settings(ed25519.privateKey(), Secret.NONE, knownHosts(), false)),
                bytes("echo before; sleep 30; echo after"), Instant.now().plusSeconds(2));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(run.reached());
        assertFalse(run.completed());
        assertEquals("before\n", text(run));
        assertEquals(-1, run.exitStatus());
        assertTrue(run.reason().matches("exec cut off at the deadline after \\d+\\.\\ds"), run.reason());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, took.toString());
    }

    @Test
    void execTimeoutCutsOffBeforeALaterDeadline() throws Exception {
        SshSettings ssh = settings(ed25519.privateKey(), Secret.NONE, knownHosts(), false);
        ssh = new SshSettings(ssh.user(), ssh.identityFile(), ssh.passphrase(), ssh.knownHosts(), false,
                ssh.connectTimeout(), Duration.ofSeconds(1));
        Execution run = transport.execute(host("127.0.0.1", sshd.port(), ssh), bytes("sleep 30"), Instant.now().plusSeconds(20));
        assertFalse(run.completed());
        assertTrue(run.reason().matches("exec cut off by exec_timeout \\(1\\.0s\\) after \\d+\\.\\ds"), run.reason());
    }

    @Test
    void floodIsCappedAt64MiB() throws Exception {
        Execution run = transport.execute(host("127.0.0.1", sshd.port(), settings(ed25519.privateKey(), Secret.NONE, knownHosts(), false)),
                bytes("yes | head -c 100000000"), Instant.now().plusSeconds(60));
        assertTrue(run.reached());
        assertFalse(run.completed());
        assertEquals(SshTransport.STDOUT_CAP, run.stdout().length);
        assertEquals("stdout cut off at 64 MiB: the script printed more", run.reason());
    }

    @Test
    void scriptLongerThanOneMebibyteArrivesWholeAndEofEndsIt() throws Exception {
        StringBuilder script = new StringBuilder();
        int lines = 0;
        while (script.length() < 1_200_000) {
            script.append("n=$((n+1))  # padding padding padding padding padding padding padding\n");
            lines++;
        }
        script.append("echo \"$n\"\n");
        // the last line has no exit: only EOF on stdin ends sh -s
        Execution run = run(settings(ed25519.privateKey(), Secret.NONE, knownHosts(), false), script.toString());
        assertTrue(run.completed(), run.reason());
        assertEquals(lines + "\n", text(run));
        assertArrayEquals(bytes(lines + "\n"), run.stdout());
    }

    private Execution run(SshSettings ssh, String script) {
        return transport.execute(host("127.0.0.1", sshd.port(), ssh), bytes(script), Instant.now().plusSeconds(60));
    }

    private String prefix() {
        return "host web1 (127.0.0.1:" + sshd.port() + "): ";
    }

    private String fingerprint() {
        String base64 = sshd.hostPublicKey().split(" ")[1];
        return HostKeyMessages.fingerprint(java.util.Base64.getDecoder().decode(base64));
    }

    private Path knownHosts() throws Exception {
        Path file = tmp.resolve("known_hosts");
        if (!Files.exists(file)) {
            Files.writeString(file, sshd.knownHostsLine() + "\n");
        }
        return file;
    }

    private SshSettings settings(Path identity, Secret passphrase, Path knownHosts, boolean tofu) {
        return new SshSettings(sshd.user(), identity, passphrase, knownHosts, tofu, Duration.ofSeconds(2), Duration.ofSeconds(120));
    }

    private static HostSpec host(String address, int port, SshSettings ssh) {
        return new HostSpec("web1", address, port, HostSpec.Transport.SSH, Platform.LINUX, List.of(), List.of(), ssh, List.of());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Execution run) {
        return new String(run.stdout(), StandardCharsets.UTF_8);
    }
}
