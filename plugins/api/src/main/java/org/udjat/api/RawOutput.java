package org.udjat.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a check's command left behind on the monitored host: its combined stdout and stderr,
 * and its exit code. Untrusted text from a remote host.
 *
 * @param text        the output, decoded as UTF-8 (malformed bytes replaced)
 * @param exitCode    the command's exit status
 * @param truncated   true when the output hit the per-check cap and the rest was discarded
 * @param pollStarted the poller's clock when it started the host's session, or null when unknown
 * @param pollEnded   the poller's clock when the host's output was complete, or null when
 *                    unknown; the command ran between the two, so a check that compares a
 *                    remote time with the poller's (clock offset) can bound its error
 */
public record RawOutput(String text, int exitCode, boolean truncated, Instant pollStarted, Instant pollEnded) {
    /**
     * The longest line a parser needs to read: longer lines are not the output of a monitoring
     * command, and refusing them also bounds the work of a regular expression on hostile text.
     */
    public static final int MAX_LINE = 4096;

    public RawOutput {
        text = text == null ? "" : text;
        if (pollStarted == null || pollEnded == null) {
            pollStarted = null;
            pollEnded = null;
        } else if (pollEnded.isBefore(pollStarted)) {
            throw new IllegalArgumentException("poll ended " + pollEnded + " before it started " + pollStarted);
        }
    }

    /** Output without the poller's times, e.g. from a test fixture. */
    public RawOutput(String text, int exitCode, boolean truncated) {
        this(text, exitCode, truncated, null, null);
    }

    /** This output, stamped with the poller's clock around the host's session. */
    public RawOutput polledBetween(Instant started, Instant ended) {
        return new RawOutput(text, exitCode, truncated, started, ended);
    }

    /**
     * The complete lines of the output, without their line ends ({@code \n}, {@code \r\n} or a
     * lone {@code \r}). When the output was cut at the cap, the last line is dropped unless it
     * ended with a newline, since a cut line could read as a different, wrong value: a mount
     * point or a number missing its tail ({@code 64%} cut to {@code 6}, {@code [UU_]} to
     * {@code [UU}). Unmodifiable.
     */
    public List<String> lines() {
        List<String> lines = text.lines().toList();
        boolean lastCut = truncated && !text.endsWith("\n") && !lines.isEmpty();
        return lastCut ? lines.subList(0, lines.size() - 1) : lines;
    }

    /** The poller's time window in which the command ran, when known. */
    public Optional<Duration> pollWindow() {
        return pollStarted == null ? Optional.empty() : Optional.of(Duration.between(pollStarted, pollEnded));
    }
}
