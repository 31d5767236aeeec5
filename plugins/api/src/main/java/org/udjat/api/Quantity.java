package org.udjat.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of value a threshold is written in, with its units: a plain number, a percentage,
 * a size in bytes or a duration in seconds.
 *
 * <p>Units are case-insensitive. Sizes: {@code B}; binary {@code K}, {@code KiB}, {@code M},
 * {@code MiB}, {@code G}, {@code GiB}, {@code T}, {@code TiB}, {@code P}, {@code PiB} (powers of
 * 1024, as df uses); decimal {@code KB}, {@code MB}, {@code GB}, {@code TB}, {@code PB} (powers
 * of 1000). Durations: {@code us}, {@code ms}, {@code s}, {@code min}, {@code h}, {@code d}
 * ({@code m} alone is mebibytes, not minutes). Values are held in the base unit of the
 * quantity ({@link #unit()}), which is also the Nagios perfdata unit.
 */
public enum Quantity {
    NUMBER("", "a range like \"4\", \"10:20\""),
    PERCENT("%", "a percentage like \"90%\""),
    SIZE("B", "a size like \"2GiB\""),
    DURATION("s", "a duration like \"500ms\"");

    private static final Pattern AMOUNT = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*([A-Za-z%]*)");
    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("", new Unit(NUMBER, 1)),
            Map.entry("%", new Unit(PERCENT, 1)),
            Map.entry("b", new Unit(SIZE, 1)),
            Map.entry("k", new Unit(SIZE, 1L << 10)), Map.entry("kib", new Unit(SIZE, 1L << 10)),
            Map.entry("m", new Unit(SIZE, 1L << 20)), Map.entry("mib", new Unit(SIZE, 1L << 20)),
            Map.entry("g", new Unit(SIZE, 1L << 30)), Map.entry("gib", new Unit(SIZE, 1L << 30)),
            Map.entry("t", new Unit(SIZE, 1L << 40)), Map.entry("tib", new Unit(SIZE, 1L << 40)),
            Map.entry("p", new Unit(SIZE, 1L << 50)), Map.entry("pib", new Unit(SIZE, 1L << 50)),
            Map.entry("kb", new Unit(SIZE, 1e3)), Map.entry("mb", new Unit(SIZE, 1e6)),
            Map.entry("gb", new Unit(SIZE, 1e9)), Map.entry("tb", new Unit(SIZE, 1e12)),
            Map.entry("pb", new Unit(SIZE, 1e15)),
            Map.entry("us", new Unit(DURATION, 1e-6)), Map.entry("ms", new Unit(DURATION, 1e-3)),
            Map.entry("s", new Unit(DURATION, 1)), Map.entry("min", new Unit(DURATION, 60)),
            Map.entry("h", new Unit(DURATION, 3600)), Map.entry("d", new Unit(DURATION, 86400)));
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private final String unit;
    private final String example;

    Quantity(String unit, String example) {
        this.unit = unit;
        this.example = example;
    }

    /** The base unit as a Nagios perfdata UOM: empty, {@code %}, {@code B} or {@code s}. */
    public String unit() {
        return unit;
    }

    /** How a value of this kind is written, for error messages, e.g. {@code a percentage like "90%"}. */
    public String example() {
        return example;
    }

    /**
     * Renders a value given in the base unit for humans: {@code 0.52}, {@code 95%},
     * {@code 1.2 GiB}, {@code 500ms}.
     */
    public String format(double value) {
        return switch (this) {
            case NUMBER -> plain(value, 2);
            case PERCENT -> plain(value, 1) + "%";
            case SIZE -> size(value);
            case DURATION -> Math.abs(value) < 1 ? plain(value * 1000, 1) + "ms" : plain(value, 2) + "s";
        };
    }

    /**
     * Reads one number with an optional unit, such as {@code 2GiB}, {@code 90%} or {@code 4}.
     *
     * @return the quantity the unit belongs to and the value in its base unit; a bare number
     *         is {@link #NUMBER}
     * @throws IllegalArgumentException when the text is not a number or the unit is unknown
     */
    public static Amount amount(String text) {
        Matcher m = AMOUNT.matcher(text.trim());
        Unit u = m.matches() ? UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (u == null) {
            throw new IllegalArgumentException("not a number with a known unit: \"" + text + "\"");
        }
        return new Amount(u.quantity(), Double.parseDouble(m.group(1)) * u.factor(),
                m.group(2).isEmpty() ? 1 : u.factor());
    }

    /**
     * A number read with its unit.
     *
     * @param quantity the kind of the unit, {@link #NUMBER} when none was written
     * @param value    the value in the base unit
     * @param factor   the factor of the unit written, so a bare bound can take the other's unit
     */
    public record Amount(Quantity quantity, double value, double factor) {
    }

    private record Unit(Quantity quantity, double factor) {
    }

    private static String size(double bytes) {
        double v = bytes;
        int i = 0;
        while (Math.abs(v) >= 1024 && i < BINARY.length - 1) {
            v /= 1024;
            i++;
        }
        return plain(v, Math.abs(v) >= 100 || i == 0 ? 0 : 1) + " " + BINARY[i];
    }

    /** A number with at most the given decimals, trailing zeros dropped. */
    static String plain(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /**
     * A bound of a range in perfdata: plain digits without exponent; whole numbers exactly,
     * others to 15 significant digits so float noise such as 0.30000000000000004 disappears.
     */
    static String bound(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return Long.toString((long) value);
        }
        BigDecimal d = BigDecimal.valueOf(value).round(new MathContext(15)).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }
}
