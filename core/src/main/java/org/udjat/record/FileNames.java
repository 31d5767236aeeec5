package org.udjat.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File and URL names for anything a user or a remote host names: host and check names, perfdata
 * labels such as {@code /var/log} or {@code 'temp (°C)'}. The same text always gives the same
 * name, two different texts never give the same name, and the name is safe as one path element
 * and one URL path segment without further escaping. RRD files and report pages use it alike.
 */
public final class FileNames {
    /** Names longer than this are cut and made unique with a digest of the whole text. */
    static final int MAX = 100;
    private static final int KEEP = 80;
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private FileNames() {
    }

    /**
     * The safe name of a text: ASCII letters, digits, {@code -} and {@code _} stay; a dot stays
     * unless it comes first (so no name is hidden, {@code .} or {@code ..}); every other byte of
     * the UTF-8 text becomes {@code ~XX} in upper-case hex, including {@code ~} itself. Empty
     * text becomes {@code ~}. Beyond {@value #MAX} characters, the first 80 are kept and
     * {@code ~~} and 16 hex digits of the text's SHA-256 follow.
     */
    public static String safe(String text) {
        if (text.isEmpty()) {
            return "~";
        }
        if (isPlain(text)) {
            return text;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder(utf8.length);
        for (int i = 0; i < utf8.length; i++) {
            int c = utf8[i] & 0xff;
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' && i > 0;
            if (plain) {
                b.append((char) c);
            } else {
                b.append('~').append(UPPER_HEX.toHexDigits((byte) c));
            }
        }
        if (b.length() <= MAX) {
            return b.toString();
        }
        return b.substring(0, KEEP) + "~~" + HexFormat.of().formatHex(sha256(utf8), 0, 8);
    }

    /** Whether the text is its own safe name: short, and only characters that stay. */
    private static boolean isPlain(String text) {
        if (text.length() > MAX || text.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
