package org.udjat.api;

/**
 * One measured value in Nagios perfdata form: {@code 'label'=value[UOM];warn;crit;min;max}.
 *
 * @param label the label, unquoted
 * @param value the value; {@code NaN} when the plugin reported {@code U} (unknown)
 * @param unit  the unit of measure as written ({@code s}, {@code ms}, {@code %}, {@code B},
 *              {@code KB}, {@code c} for a counter...), empty when none
 * @param warn  the warning range, or null when absent
 * @param crit  the critical range, or null when absent
 * @param min   the minimum, or null when absent
 * @param max   the maximum, or null when absent
 */
public record PerfDatum(String label, double value, String unit, Range warn, Range crit, Double min, Double max) {
    public PerfDatum {
        unit = unit == null ? "" : unit;
    }

    /** A value with a unit and nothing else. */
    public static PerfDatum of(String label, double value, String unit) {
        return new PerfDatum(label, value, unit, null, null, null, null);
    }

    /** True when the value is a counter ({@code c} unit) that graphs should store as a rate. */
    public boolean isCounter() {
        return "c".equals(unit);
    }
}
