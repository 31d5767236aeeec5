package org.udjat.poll.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.jcraft.jsch.JSchException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectFailureTest {

    static final Duration TWO = Duration.ofSeconds(2);

    static String describe(Throwable cause, String message, boolean banner, boolean timedOut) {
        return ConnectFailure.describe(new JSchException(message, cause), banner, timedOut, TWO, "udjat", "/k/id");
    }

    @Test
    void networkCauses() {
        assertEquals("connection refused", describe(new ConnectException("Connection refused"), "x", false, false));
        assertEquals("no route to host", describe(new NoRouteToHostException("No route to host"), "x", false, false));
        assertEquals("unknown host name db9.invalid", describe(new UnknownHostException("db9.invalid"), "x", false, false));
        assertEquals("connect timed out after 2.0s",
                describe(new SocketTimeoutException("Connect timed out"), "timeout: socket is not established", false, false));
    }

    @Test
    void handshakeTimeouts() {
        assertEquals("no SSH banner within 2.0s (not an SSH server?)",
                describe(new SocketTimeoutException("Read timed out"), "x", false, false));
        assertEquals("no SSH banner within 2.0s (not an SSH server?)", describe(null, "socket closed", false, true));
        assertEquals("SSH handshake timed out after 2.0s", describe(null, "socket closed", true, true));
    }

    @Test
    void authenticationAndProtocol() {
        assertEquals("authentication failed for user udjat with key /k/id (key not accepted)", describe(null, "Auth fail for methods 'publickey'", true, false));
        assertEquals("no SSH banner (not an SSH server?): it answered something else",
                describe(null, "invalid server's version string", false, false));
        assertEquals("connection closed before the SSH banner (not an SSH server, or sshd refused the connection)",
                describe(null, "connection is closed by foreign host", false, false));
        assertEquals("SSH handshake failed: boom", describe(null, "boom\nat somewhere", true, false));
    }
}
