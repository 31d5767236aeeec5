package org.udjat.report;

/**
 * Check output shown as plain text in a terminal or a log. The output is untrusted text from
 * remote hosts: a line of it must stay one line, free of control characters and terminal
 * escapes, so it can neither forge log lines nor break a table.
 */
public final class PlainText {
    /** How many characters of output a one-line rendering keeps. */
    public static final int MAX = 200;

    private PlainText() {
    }

    /** The text cut to {@link #MAX} characters, every control character replaced by a space. */
    public static String oneLine(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().limit(MAX).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return sb.toString();
    }
}
