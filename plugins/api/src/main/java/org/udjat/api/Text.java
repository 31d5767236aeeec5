package org.udjat.api;

import java.util.List;

/**
 * Text made fit for one line of a summary or a message: the untrusted text a monitored host
 * printed (a mount point, a process name, an error), or an option value quoted back to the
 * operator. The counterpart of {@link Shell}, which makes a value fit for the remote shell.
 */
public final class Text {
    private Text() {
    }

    /**
     * The text with every control character replaced by {@code ?}: line ends, tabs, escape
     * sequences that could redraw a terminal, and DEL and the C1 controls, so text from a host
     * can neither break a summary into lines nor forge one. Everything else, non-ASCII letters
     * included, is kept as it is.
     */
    public static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    /** Lines an {@link #excerpt} quotes at most. */
    public static final int EXCERPT_LINES = 3;
    /** Characters an {@link #excerpt} keeps at most, before {@code ...}. */
    public static final int EXCERPT_CHARS = 300;

    /**
     * What a command printed, quoted on one line of a summary: its first {@link #EXCERPT_LINES} non-blank lines,
     * stripped, joined with {@code " / "}, made {@link #printable} and cut to {@link #EXCERPT_CHARS} characters
     * with {@code ...}; {@code no output} when there are none.
     */
    public static String excerpt(List<String> lines) {
        List<String> said = lines.stream().filter(l -> !l.isBlank()).map(String::strip).limit(EXCERPT_LINES).toList();
        if (said.isEmpty()) {
            return "no output";
        }
        return cut(printable(String.join(" / ", said)));
    }

    /** The text cut to {@link #EXCERPT_CHARS} characters, with {@code ...} when cut. */
    public static String cut(String text) {
        return text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "..." : text;
    }
}
