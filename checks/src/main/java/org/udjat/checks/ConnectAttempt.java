package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.udjat.api.Text;

/**
 * The outcome of one TCP connect as the tcp check's command reports it: what the tool said,
 * then a trailer {@code udjat-tcp <tool> <exit code> <clock start> <clock end>} (clock readings
 * are {@code -} where {@code time -p} measured instead), or {@code udjat-tcp none} when the host
 * has no tool to connect with.
 *
 * <p>The tools say the same things in different words: OpenBSD netcat ({@code connect to h port
 * p (tcp) failed: Connection refused}, {@code ... timed out: Operation now in progress},
 * {@code getaddrinfo for host "h" port p: Name or service not known}), traditional netcat
 * ({@code h [ip] p (?) : Connection refused}, {@code forward host lookup failed: Unknown host}),
 * BusyBox nc ({@code can't connect to remote host (ip): Connection refused}, {@code timed out},
 * {@code bad address 'h'}), bash ({@code connect: Connection refused}), and {@code timeout}
 * exits 124.
 *
 * @param tool     {@code nc} or {@code bash}, empty when none was found
 * @param exitCode the tool's exit code
 * @param seconds  the time from before the tool started to after it ended, when measured
 * @param said     the tool's own lines, without the trailer and {@code time} lines
 * @param result   what happened
 */
record ConnectAttempt(String tool, int exitCode, Optional<Double> seconds, List<String> said, Result result) {
    static final String TAG = "udjat-tcp";

    /** What happened to the connection. */
    enum Result { CONNECTED, REFUSED, TIMED_OUT, UNRESOLVED, FAILED, NO_TOOL, TOOL_MISSING, TOOL_REJECTED }

    private static final List<String> UNRESOLVED = List.of("name or service not known", "nodename nor servname",
            "hostname nor servname", "no address associated", "name resolution", "unknown host", "bad address",
            "could not resolve", "host lookup failed", "getaddrinfo", "no such host", "name does not resolve");
    private static final List<String> REJECTED = List.of("invalid option", "illegal option", "unrecognized option",
            "usage:", "bad port");

    /** Reads the output; empty when the trailer is missing or unreadable. */
    static Optional<ConnectAttempt> parse(List<String> lines) {
        List<String> said = new ArrayList<>();
        String[] trailer = null;
        for (String line : lines) {
            if (line.startsWith(TAG + " ")) {
                trailer = line.strip().split("\\s+");
            } else if (!line.isBlank() && !Stopwatch.isTimeLine(line)) {
                said.add(line.strip());
            }
        }
        if (trailer == null) {
            return Optional.empty();
        }
        if (trailer.length == 2 && trailer[1].equals("none")) {
            return Optional.of(new ConnectAttempt("", 3, Optional.empty(), said, Result.NO_TOOL));
        }
        if (trailer.length < 3 || !trailer[2].matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int rc = Integer.parseInt(trailer[2]);
        Optional<Double> seconds = trailer.length >= 5 ? Stopwatch.between(trailer[3], trailer[4]) : Optional.empty();
        if (seconds.isEmpty()) {
            seconds = Stopwatch.real(lines);
        }
        return Optional.of(new ConnectAttempt(trailer[1], rc, seconds, said, classify(rc, said)));
    }

    /** The tool's first line of complaint, fit for a summary. */
    String reason() {
        return said.isEmpty() ? "no reason given (exit code " + exitCode + ")" : Text.printable(said.get(0));
    }

    private static Result classify(int rc, List<String> said) {
        String text = String.join("\n", said).toLowerCase(Locale.ROOT);
        if (rc == 0) {
            return Result.CONNECTED;
        }
        if (rc == 127 || rc == 126) {
            return Result.TOOL_MISSING;
        }
        if (UNRESOLVED.stream().anyMatch(text::contains)) {
            return Result.UNRESOLVED;
        }
        if (text.contains("refused")) {
            return Result.REFUSED;
        }
        // 124: timeout(1) ended it; 137/143: killed by it after the grace period
        if (text.contains("timed out") || text.contains("timeout") || rc == 124 || rc == 137 || rc == 143) {
            return Result.TIMED_OUT;
        }
        if (REJECTED.stream().anyMatch(text::contains)) {
            return Result.TOOL_REJECTED;
        }
        return Result.FAILED;
    }
}
