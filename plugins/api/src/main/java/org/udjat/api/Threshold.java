package org.udjat.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One warning or critical threshold as an operator wrote it: a Nagios range ({@code 10},
 * {@code 10:}, {@code ~:10}, {@code 10:20}, {@code @10:20}) whose numbers may carry a unit of
 * one {@link Quantity}, e.g. {@code 90%}, {@code 2GiB:}, {@code @0:2GiB}, {@code ~:500ms}.
 *
 * <p>A bound without a unit takes the unit of the other bound, so {@code 80:90%} is 80% to 90%
 * and {@code 1:2GiB} is 1 GiB to 2 GiB. Immutable.
 *
 * @param range    the range with its numbers in the base unit of the quantity (bytes, seconds,
 *                 percent), its text rewritten the same way so it can go into perfdata as is
 * @param quantity what the numbers measure
 * @param text     the threshold as written, for messages
 */
public record Threshold(Range range, Quantity quantity, String text) {

    /**
     * Parses a threshold, accepting only the given quantities.
     *
     * @throws IllegalArgumentException with a message fit for an operator, without the option
     *         key, e.g. {@code expected a range like "4", "10:20" or a percentage like "90%", got "lots"}
     */
    public static Threshold parse(String text, Set<Quantity> accepted) {
        String written = text == null ? "" : text.trim();
        String s = written.startsWith("@") ? written.substring(1) : written;
        boolean inside = s.length() < written.length();
        int colon = s.indexOf(':');
        String lo = colon < 0 ? "" : s.substring(0, colon).trim();
        String hi = colon < 0 ? s : s.substring(colon + 1).trim();
        Quantity.Amount start;
        Quantity.Amount end;
        try {
            start = lo.isEmpty() || lo.equals("~") ? null : Quantity.amount(lo);
            end = hi.isEmpty() && colon >= 0 ? null : Quantity.amount(hi);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(expected(accepted, written));
        }
        Quantity quantity = quantityOf(start, end, written, accepted);
        double from = lo.equals("~") ? Double.NEGATIVE_INFINITY : start == null ? 0 : inUnit(start, end, quantity);
        double to = end == null ? Double.POSITIVE_INFINITY : inUnit(end, start, quantity);
        if (from > to) {
            throw new IllegalArgumentException("range \"" + written + "\" starts above its end");
        }
        return new Threshold(new Range(from, to, inside, text(from, to, inside)), quantity, written);
    }

    /** True when a value, in the base unit of {@link #quantity}, should raise this threshold's alert. */
    public boolean alerts(double value) {
        return range.alerts(value);
    }

    /**
     * This range expressed for another value linearly related to the measured one, as
     * {@code factor * value + offset}; for perfdata that reports a different figure than the
     * one the threshold is written on (e.g. a "90%" threshold on a used-bytes datum:
     * factor = size / 100, offset 0; a free-space threshold on used bytes: factor -1, offset size).
     *
     * @throws IllegalArgumentException when the factor is zero or not finite
     */
    public Range mapped(double factor, double offset) {
        if (factor == 0 || !Double.isFinite(factor) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("cannot map a range with factor " + factor + " and offset " + offset);
        }
        double a = factor * range.start() + offset;
        double b = factor * range.end() + offset;
        double from = Math.min(a, b);
        double to = Math.max(a, b);
        return new Range(from, to, range.inside(), text(from, to, range.inside()));
    }

    /** The text of a range in Nagios form, with plain numbers. */
    static String text(double from, double to, boolean inside) {
        String prefix = inside ? "@" : "";
        if (from == 0 && !Double.isInfinite(to)) {
            return prefix + Quantity.bound(to);
        }
        String lo = from == Double.NEGATIVE_INFINITY ? "~" : Quantity.bound(from);
        return prefix + lo + ":" + (to == Double.POSITIVE_INFINITY ? "" : Quantity.bound(to));
    }

    private static Quantity quantityOf(Quantity.Amount start, Quantity.Amount end, String written, Set<Quantity> accepted) {
        Quantity a = start == null ? Quantity.NUMBER : start.quantity();
        Quantity b = end == null ? Quantity.NUMBER : end.quantity();
        if (a != Quantity.NUMBER && b != Quantity.NUMBER && a != b) {
            throw new IllegalArgumentException("range \"" + written + "\" mixes units of "
                    + a.name().toLowerCase(Locale.ROOT) + " and " + b.name().toLowerCase(Locale.ROOT));
        }
        Quantity q = a != Quantity.NUMBER ? a : b;
        if (!accepted.contains(q)) {
            throw new IllegalArgumentException(expected(accepted, written));
        }
        return q;
    }

    /** A bound's value; a bare number takes the unit written on the other bound. */
    private static double inUnit(Quantity.Amount bound, Quantity.Amount other, Quantity quantity) {
        if (bound.quantity() == Quantity.NUMBER && quantity != Quantity.NUMBER && other != null) {
            return bound.value() * other.factor();
        }
        return bound.value();
    }

    /** {@code expected a range like "4", "10:20" or a percentage like "90%", got "lots"}. */
    static String expected(Set<Quantity> accepted, String written) {
        List<String> kinds = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            if (accepted.contains(q)) {
                kinds.add(q.example());
            }
        }
        String joined = kinds.size() <= 1 ? String.join("", kinds)
                : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " or " + kinds.get(kinds.size() - 1);
        return "expected " + joined + ", got " + (written.isEmpty() ? "nothing" : "\"" + written + "\"");
    }
}
