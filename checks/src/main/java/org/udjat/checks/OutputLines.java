package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import org.udjat.api.RawOutput;

/** The lines of a check's raw output that can be trusted to be whole, made safe to show. */
final class OutputLines {
    /** Longer lines are not output of our commands; skipping them also bounds regex work. */
    static final int MAX_LINE = 4096;

    private OutputLines() {
    }

    /**
     * The complete lines of the output, without their line ends. When the output was cut at
     * the cap, the last line is dropped unless it ended with a newline, since a cut line could
     * read as a different, wrong value (a mount point or a number missing its tail).
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

    /** Text from a remote host with control characters replaced by {@code ?}, fit for a one-line summary. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
