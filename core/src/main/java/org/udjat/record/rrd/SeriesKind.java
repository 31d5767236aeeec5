package org.udjat.record.rrd;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.rrd4j.DsType;
import org.udjat.api.PerfDatum;
import org.udjat.record.FileNames;

/**
 * What kind of value a series holds, as its RRD file records it: the perfdata unit, written into
 * the name of the file's only data source, and whether it is a counter, written as the data source
 * type. Values of another kind never go into the same file: the file is set aside instead.
 *
 * <p>Counters (unit {@code c}) are stored as DERIVE with a minimum of 0, so the file holds a rate per
 * second: a counter that goes down (a restarted service, a rebooted host) gives one unknown step
 * rather than the huge spike COUNTER would draw by assuming a 32- or 64-bit wrap. Everything else is
 * a GAUGE: the value as measured.
 *
 * @param unit the perfdata unit as written, empty when none
 */
record SeriesKind(String unit) {
    /** RRD4J keeps names of up to 20 characters in place. */
    private static final int MAX_NAME = 20;

    static SeriesKind of(PerfDatum datum) {
        return new SeriesKind(datum.unit());
    }

    boolean isCounter() {
        return "c".equals(unit);
    }

    DsType dsType() {
        return isCounter() ? DsType.DERIVE : DsType.GAUGE;
    }

    /** {@code u_B}, {@code u_~25} for {@code %}, {@code u} without a unit; a digest for very long units. */
    String dsName() {
        if (unit.isEmpty()) {
            return "u";
        }
        String name = "u_" + FileNames.safe(unit);
        return name.length() <= MAX_NAME ? name : "u_" + digest(unit);
    }

    /** A description for messages and set-aside names: {@code B}, {@code c (counter)}, {@code no unit}. */
    String describe() {
        return unit.isEmpty() ? "no unit" : isCounter() ? "c (counter)" : unit;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 9);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
