package org.udjat.api;

/**
 * What a check's command left behind on the monitored host: its combined stdout and stderr,
 * and its exit code. Untrusted text from a remote host.
 *
 * @param text      the output, decoded as UTF-8 (malformed bytes replaced)
 * @param exitCode  the command's exit status
 * @param truncated true when the output hit the per-check cap and the rest was discarded
 */
public record RawOutput(String text, int exitCode, boolean truncated) {
    public RawOutput {
        text = text == null ? "" : text;
    }
}
