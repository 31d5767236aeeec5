package org.udjat.example.raid;

import java.util.ArrayList;
import java.util.List;
import org.udjat.api.RawOutput;

/** The lines of a command's raw output that can be trusted to be whole, and text made safe to show. */
final class Lines {
    /** Longer lines are not output of our commands; skipping them also bounds regex work. */
    static final int MAX_LINE = 4096;

    private Lines() {
    }

    /**
     * The complete lines of the output, without line ends. When the output was cut at the cap,
     * a last line without its newline is dropped: a cut line could read as a different value
     * ({@code [UU_]} cut to {@code [UU}, {@code 64%} cut to {@code 6}).
     */
    static List<String> of(RawOutput output) {
        String text = output.text();
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (output.truncated() && !text.endsWith("\n") && !lines.isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        return lines;
    }

    /** Text from a remote host with control characters replaced by {@code ?}, fit for one line of a summary. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
