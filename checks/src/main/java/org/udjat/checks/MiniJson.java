package org.udjat.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small strict JSON reader for what a gateway prints (a list of devices): objects become
 * {@link Map}s, arrays {@link List}s, strings {@link String}s, numbers their text as written
 * (a {@link Num}), {@code true}/{@code false} {@link Boolean}s and {@code null} the
 * {@link #NULL} marker. Nesting is limited, so hostile text cannot exhaust the stack. Never throws.
 */
final class MiniJson {
    /** {@code null} in the JSON text. */
    static final Object NULL = new Object();
    private static final int MAX_DEPTH = 32;

    /** A number as written. */
    record Num(String text) {
    }

    private final String s;
    private int i;

    private MiniJson(String s) {
        this.s = s;
    }

    /** The value of the whole text, or empty when it is not one complete JSON value. */
    static Optional<Object> parse(String text) {
        MiniJson p = new MiniJson(text);
        try {
            Object v = p.value(0);
            p.space();
            return p.i == text.length() ? Optional.of(v) : Optional.empty();
        } catch (RuntimeException e) { // also NumberFormatException, from a bad unicode escape
            return Optional.empty();
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("too deep");
        }
        space();
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            case 'n':
                return word("null", NULL);
            default:
                return number();
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            space();
            if (s.charAt(i) != '"') {
                throw new IllegalStateException("key");
            }
            String k = string();
            space();
            expect(':');
            m.put(k, value(depth + 1));
            space();
            if (s.charAt(i) == ',') {
                i++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++;
        space();
        if (s.charAt(i) == ']') {
            i++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            space();
            if (s.charAt(i) == ',') {
                i++;
            } else {
                expect(']');
                return l;
            }
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new IllegalStateException("control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> throw new IllegalStateException("bad escape");
            }
        }
    }

    private Object word(String w, Object v) {
        if (!s.startsWith(w, i)) {
            throw new IllegalStateException("not " + w);
        }
        i += w.length();
        return v;
    }

    private Num number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String t = s.substring(start, i);
        if (!t.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw new IllegalStateException("not a number");
        }
        return new Num(t);
    }

    private void expect(char c) {
        if (s.charAt(i) != c) {
            throw new IllegalStateException("expected " + c);
        }
        i++;
    }

    private void space() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }
}
