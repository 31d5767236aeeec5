package org.udjat.report;

/**
 * Untrusted text (check output, labels, reasons from remote hosts) made fit to show as text on a
 * page. HTML escaping is the templates' job (Freemarker's auto-escaping); this removes what
 * escaping cannot: C0 control characters become their visible pictures ({@code ␛} for ESC, {@code ␀}
 * for NUL), so a terminal escape or a NUL reads as what it is; C1 controls, lone surrogates and
 * non-characters become {@code �}. Line feeds and tabs stay in multi-line text.
 */
final class Texts {
    private static final char REPLACEMENT = '\uFFFD';

    private Texts() {
    }

    /** Text of one line: line breaks become visible too. */
    static String line(String text) {
        return clean(text, false, Integer.MAX_VALUE);
    }

    /** Text of one line cut to {@code max} code points, with {@code …} when cut. */
    static String line(String text, int max) {
        return clean(text, false, max);
    }

    /** Multi-line text: line feeds and tabs stay, carriage returns before a line feed are dropped. */
    static String block(String text) {
        return clean(text, true, Integer.MAX_VALUE);
    }

    private static String clean(String text, boolean multiLine, int max) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (text.length() <= max && isClean(text, multiLine)) {
            return text;
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), max) + 8);
        int kept = 0;
        for (int i = 0; i < text.length(); kept++) {
            if (kept == max) {
                return b.append('\u2026').toString();
            }
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                b.appendCodePoint(isNonCharacter(cp) ? REPLACEMENT : cp);
                i += 2;
                continue;
            }
            i++;
            if (multiLine && (c == '\n' || c == '\t')) {
                b.append(c);
            } else if (multiLine && c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                kept--;
            } else if (c < 0x20) {
                b.append((char) (0x2400 + c));
            } else if (c == 0x7f) {
                b.append('\u2421');
            } else if (c >= 0x80 && c < 0xa0 || Character.isSurrogate(c) || isNonCharacter(c)) {
                b.append(REPLACEMENT);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether nothing in the text needs replacing: the common case, checked without copying. */
    private static boolean isClean(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? !(multiLine && (c == '\n' || c == '\t')) : c >= 0x7f && (c < 0xa0 || c >= 0xd800)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNonCharacter(int cp) {
        return cp >= 0xfdd0 && cp <= 0xfdef || (cp & 0xfffe) == 0xfffe;
    }
}
