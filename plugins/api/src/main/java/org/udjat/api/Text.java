package org.udjat.api;

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
}
