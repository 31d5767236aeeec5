package org.udjat.poll.ssh;

import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns a failed JSch connect (TCP, banner, key exchange, authentication) into a short reason
 * for the operator, from the exception's causes and how far the handshake got.
 */
public final class ConnectFailure {

    private ConnectFailure() {
    }

    /**
     * The reason, without the host prefix.
     *
     * @param error     what {@code Session.connect} threw
     * @param gotBanner whether the server had sent its SSH identification
     * @param timedOut  whether the connect budget ran out (our own watchdog fired)
     * @param budget    the connect budget, for the message
     * @param user      the login name
     * @param identity  the identity file offered
     */
    public static String describe(JSchException error, boolean gotBanner, boolean timedOut, Duration budget,
                                  String user, String identity) {
        Throwable root = rootCause(error);
        String seconds = seconds(budget);
        if (root instanceof ConnectException) {
            return lower(root).contains("refused") ? "connection refused" : "cannot connect: " + root.getMessage();
        }
        if (root instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host name " + root.getMessage();
        }
        if (root instanceof SocketTimeoutException && lower(root).contains("connect")) {
            return "connect timed out after " + seconds;
        }
        if (timedOut || root instanceof SocketTimeoutException) {
            return gotBanner ? "SSH handshake timed out after " + seconds
                    : "no SSH banner within " + seconds + " (not an SSH server?)";
        }
        if (error instanceof JSchAlgoNegoFailException) {
            return "no SSH algorithm in common with the server: " + error.getMessage();
        }
        String message = lower(error);
        if (message.startsWith("auth fail") || message.startsWith("auth cancel")) {
            return "authentication failed for user " + user + " with key " + identity + " (key not accepted)";
        }
        if (message.contains("invalid server's version string")) {
            return "no SSH banner (not an SSH server?): it answered something else";
        }
        if (!gotBanner) {
            return "connection closed before the SSH banner (not an SSH server, or sshd refused the connection)";
        }
        return "SSH handshake failed: " + firstLine(root.getMessage() != null ? root.getMessage() : root.toString());
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String lower(Throwable error) {
        return String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** {@code 2.0s}, {@code 12.3s}. */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
