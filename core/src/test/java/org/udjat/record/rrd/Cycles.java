package org.udjat.record.rrd;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.rrd4j.ConsolFun;
import org.rrd4j.core.FetchData;
import org.rrd4j.core.RrdDb;
import org.udjat.api.PerfDatum;
import org.udjat.api.Range;
import org.udjat.api.Status;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;

/** Snapshots as cycles record them, and RRD files read back with RRD4J alone. */
final class Cycles {

    private Cycles() {
    }

    /** A snapshot of a cycle that started and measured at {@code at}. */
    static Snapshot at(Instant at, HostState... hosts) {
        return new Snapshot(Snapshot.CURRENT_VERSION, at, at.plusSeconds(1), List.of(hosts));
    }

    static HostState host(String name, CheckState... checks) {
        return new HostState(name, true, "", "linux", Instant.EPOCH, Instant.EPOCH, List.of(checks));
    }

    /** A check whose latest result is from {@code measured} with these values. */
    static CheckState check(String name, Instant measured, PerfDatum... values) {
        return new CheckState(name, Status.OK, "OK", "", List.of(values), measured, Duration.ofMillis(5), "",
                Instant.EPOCH);
    }

    static PerfDatum value(String label, double value, String unit) {
        return PerfDatum.of(label, value, unit);
    }

    static PerfDatum value(String label, double value, String unit, String warn, String crit) {
        return new PerfDatum(label, value, unit, Range.parse(warn), Range.parse(crit), null, null);
    }

    /** The values of {@code function} from {@code start} (exclusive) to {@code end}, at {@code resolution} seconds. */
    static double[] fetch(Path file, ConsolFun function, Instant start, Instant end, long resolution)
            throws IOException {
        try (RrdDb db = RrdDb.getBuilder().setPath(file.toString()).readOnly().build()) {
            FetchData data = db.createFetchRequest(function, start.getEpochSecond(), end.getEpochSecond(), resolution)
                    .fetchData();
            return data.getValues(0);
        }
    }

    static long lastUpdate(Path file) throws IOException {
        try (RrdDb db = RrdDb.getBuilder().setPath(file.toString()).readOnly().build()) {
            return db.getLastUpdateTime();
        }
    }
}
