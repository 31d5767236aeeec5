package org.udjat.api;

import java.util.Locale;

/**
 * A Nagios threshold range, as in the monitoring-plugins guidelines: {@code 10} means alert
 * outside 0..10, {@code 10:} alert below 10, {@code ~:10} alert above 10, {@code 10:20} alert
 * outside 10..20, and a leading {@code @} inverts: {@code @10:20} alerts inside 10..20.
 *
 * @param start   lower bound, {@code Double.NEGATIVE_INFINITY} for {@code ~}
 * @param end     upper bound, {@code Double.POSITIVE_INFINITY} when omitted
 * @param inside  true for {@code @} ranges, which alert when the value is inside
 * @param text    the range as written
 */
public record Range(double start, double end, boolean inside, String text) {

    /**
     * Parses a range.
     *
     * @throws IllegalArgumentException with a message fit for an operator when the text is not a range
     */
    public static Range parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected a range like \"10\", \"10:\", \"~:10\", \"10:20\" or \"@10:20\", got nothing");
        }
        String s = text.trim();
        boolean inside = s.startsWith("@");
        if (inside) {
            s = s.substring(1);
        }
        double start = 0;
        double end;
        int colon = s.indexOf(':');
        try {
            if (colon < 0) {
                end = number(s);
            } else {
                String lo = s.substring(0, colon);
                String hi = s.substring(colon + 1);
                start = lo.equals("~") ? Double.NEGATIVE_INFINITY : lo.isEmpty() ? 0 : number(lo);
                end = hi.isEmpty() ? Double.POSITIVE_INFINITY : number(hi);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a range like \"10\", \"10:\", \"~:10\", \"10:20\" or \"@10:20\", got \"" + text + "\"");
        }
        if (start > end) {
            throw new IllegalArgumentException("range \"" + text + "\" starts above its end");
        }
        return new Range(start, end, inside, text.trim());
    }

    private static double number(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.toLowerCase(Locale.ROOT).contains("n") || t.contains("x")) {
            // rejects NaN, Infinity and hex, which Double.parseDouble would accept
            throw new NumberFormatException(s);
        }
        return Double.parseDouble(t);
    }

    /** True when the value should raise an alert under this range. */
    public boolean alerts(double value) {
        boolean within = value >= start && value <= end;
        return inside == within;
    }

    @Override
    public String toString() {
        return text;
    }
}
