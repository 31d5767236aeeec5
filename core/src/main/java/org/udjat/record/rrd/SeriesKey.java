package org.udjat.record.rrd;

import java.util.Objects;

/**
 * One measured value over time, kept in one RRD file: a perfdata label of a check of a host.
 *
 * @param host  the host's name, as configured
 * @param check the check's name within the host
 * @param label the perfdata label, as the check printed it (untrusted text)
 */
public record SeriesKey(String host, String check, String label) {
    public SeriesKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return host + "/" + check + "/" + label;
    }
}
