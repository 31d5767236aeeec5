package org.udjat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenSshServerIT {

    @TempDir
    Path tmp;

    @Test
    void answersWithBannerAndLeavesNoProcessBehind() throws Exception {
        long pid;
        int port;
        List<ProcessHandle> sessions;
        OpenSshServer sshd = new OpenSshServer().start();
        try {
            pid = sshd.pid();
            port = sshd.port();
            assertTrue(banner(sshd.host(), port).startsWith("SSH-2.0-OpenSSH"));
            assertTrue(sshd.knownHostsLine().matches("\\[127\\.0\\.0\\.1]:" + port + " ssh-ed25519 AAAA\\S+"),
                    sshd.knownHostsLine());
            // an open connection forks a session process that must die with the server
            Socket lingering = new Socket(sshd.host(), port);
            lingering.getInputStream().read();
            sessions = waitForSessions(pid);
            sshd.close();
            lingering.close();
        } finally {
            sshd.close(); // a second close is harmless
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "sshd still running");
        for (ProcessHandle session : sessions) {
            assertFalse(session.isAlive(), "sshd session process " + session.pid() + " still running");
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void authorizedKeyLogsInWithTheOpenSshClient() throws Exception {
        try (OpenSshServer sshd = new OpenSshServer().start()) {
            SshKey key = ClientKeys.ed25519(tmp);
            sshd.authorize(key.publicKey());
            Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), sshd.knownHostsLine() + "\n");

            assertEquals("hello from sshd\n", ssh(sshd, key, knownHosts, "echo hello from sshd"));
            assertTrue(sshd.log().contains("Accepted publickey for " + sshd.user()), sshd.log());
        }
    }

    @Test
    void restartWithNewHostKeyKeepsPortAndChangesKey() throws Exception {
        try (OpenSshServer sshd = new OpenSshServer().hostKeyType(KeyType.RSA).start()) {
            String before = sshd.knownHostsLine();
            int port = sshd.port();
            assertTrue(before.contains(" ssh-rsa AAAA"), before);

            sshd.restartWithNewHostKey();

            assertEquals(port, sshd.port());
            assertNotEquals(before, sshd.knownHostsLine());
            assertTrue(banner(sshd.host(), port).startsWith("SSH-2.0"));
        }
    }

    @Test
    void listensOnAnotherLoopbackAddress() throws Exception {
        try (OpenSshServer sshd = new OpenSshServer().listenAddress("127.0.0.2").start()) {
            assertTrue(banner("127.0.0.2", sshd.port()).startsWith("SSH-2.0"));
            assertTrue(sshd.knownHostsLine().startsWith("[127.0.0.2]:" + sshd.port() + " "));
        }
    }

    @Test
    void silentListenerAcceptsButSaysNothing() throws Exception {
        try (SilentListener listener = SilentListener.start(); Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(listener.host(), listener.port()), 1000);
            socket.setSoTimeout(300);
            assertThrows(java.net.SocketTimeoutException.class, () -> socket.getInputStream().read());
        }
    }

    @Test
    void closedPortRefuses() {
        int port = LoopbackPort.closed();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void keysOfEveryFlavourAreWritten() {
        assertTrue(ClientKeys.rsa(tmp).publicKeyLine().startsWith("ssh-rsa "));
        assertTrue(ClientKeys.rsaPem(tmp).privateKey().toFile().length() > 0);
        SshKey protectedKey = ClientKeys.ed25519WithPassphrase(tmp, "correct horse");
        assertTrue(protectedKey.publicKeyLine().startsWith("ssh-ed25519 "));
        assertThrows(IllegalArgumentException.class, () -> ClientKeys.ed25519WithPassphrase(tmp, ""));
    }

    private static String banner(String host, int port) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static List<ProcessHandle> waitForSessions(long pid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<ProcessHandle> children = ProcessHandle.of(pid).orElseThrow().descendants().toList();
            if (!children.isEmpty()) {
                return children;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("sshd forked no session process");
    }

    private static String ssh(OpenSshServer sshd, SshKey key, Path knownHosts, String command) throws Exception {
        Process ssh = new ProcessBuilder("ssh", "-F", "/dev/null", "-i", key.privateKey().toString(),
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                "-p", Integer.toString(sshd.port()), sshd.user() + "@" + sshd.host(), command)
                .redirectErrorStream(true).start();
        ssh.getOutputStream().close();
        String output = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ssh.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, ssh.exitValue(), output + "\nsshd log:\n" + sshd.log());
        return output;
    }
}
