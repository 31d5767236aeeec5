package org.udjat.record.rrd;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.udjat.api.PerfDatum;
import org.udjat.api.Range;

/**
 * What the latest values of a check's series said about themselves, kept in {@code labels.json} in
 * the check's RRD folder for the graphs: the names as written (file names are encoded), and per label
 * the unit and the thresholds and bounds the check printed last. RRD4J has no room for free text in
 * its files, so this lives apart; one file per check rather than per label, because creating a file
 * costs far more than an RRD update. A label that is gone keeps its entry, as it keeps its RRD file.
 *
 * @param host   the host's name
 * @param check  the check's name
 * @param labels each label as written, sorted
 */
record CheckInfo(String host, String check, Map<String, Label> labels) {

    /**
     * One label's latest unit, thresholds and bounds.
     *
     * @param unit the unit, empty when none
     * @param warn the warning range, or null
     * @param crit the critical range, or null
     * @param min  the minimum the check gave, or null
     * @param max  the maximum the check gave, or null
     */
    record Label(String unit, Range warn, Range crit, Double min, Double max) {
        Label {
            unit = unit == null ? "" : unit;
        }

        static Label of(PerfDatum datum) {
            return new Label(datum.unit(), datum.warn(), datum.crit(), datum.min(), datum.max());
        }
    }

    CheckInfo {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels == null ? Map.of() : labels));
    }

    /** This info with the labels of {@code latest} replaced or added. */
    CheckInfo with(Map<String, Label> latest) {
        Map<String, Label> all = new TreeMap<>(labels);
        all.putAll(latest);
        return new CheckInfo(host, check, all);
    }
}
