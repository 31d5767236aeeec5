package org.udjat.record.rrd;

import org.udjat.api.Range;

/**
 * What a graph shows about a series besides its values: its names as written, and the unit and
 * thresholds of its latest value (empty unit and no thresholds when that was never recorded).
 *
 * @param key  the series
 * @param unit the unit, empty when none
 * @param warn the warning range of the latest value, or null
 * @param crit the critical range of the latest value, or null
 */
public record SeriesInfo(SeriesKey key, String unit, Range warn, Range crit) {
    public SeriesInfo {
        unit = unit == null ? "" : unit;
    }

    /** Whether the series holds a counter, stored as a rate per second. */
    public boolean isCounter() {
        return "c".equals(unit);
    }
}
