package org.udjat.record.rrd;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rrd4j.ConsolFun;
import org.rrd4j.core.ArcDef;
import org.rrd4j.core.RrdDef;
import org.udjat.config.RrdSettings;

/**
 * The shape of new RRD files, from the {@code rrd:} settings: one data source, a step of one
 * interval (whole seconds), a heartbeat of two steps, and for each configured archive an AVERAGE, a
 * MIN and a MAX archive. Immutable.
 *
 * <p>A heartbeat of two steps lets a value stand in for one missed or late cycle (cron jitter, a
 * slow host); a longer gap is unknown in the file, never zero.
 */
final class RrdLayout {
    /** At most half of a consolidated row's steps may be unknown for the row to be known. */
    static final double XFF = 0.5;
    private static final ConsolFun[] FUNCTIONS = {ConsolFun.AVERAGE, ConsolFun.MIN, ConsolFun.MAX};

    private final long step;
    private final List<ArcDef> archives;

    RrdLayout(RrdSettings settings) {
        this.step = settings.stepSeconds();
        // the config rejects two archives of the same row time; settings made in code may still have them
        Map<Integer, Integer> rowsBySteps = new LinkedHashMap<>();
        for (RrdSettings.Archive a : settings.archives()) {
            rowsBySteps.merge(settings.stepsOf(a), (int) Math.min(Integer.MAX_VALUE, settings.rowsOf(a)), Math::max);
        }
        List<ArcDef> defs = new ArrayList<>();
        rowsBySteps.forEach((steps, rows) -> {
            for (ConsolFun f : FUNCTIONS) {
                defs.add(new ArcDef(f, XFF, steps, rows));
            }
        });
        this.archives = List.copyOf(defs);
    }

    /** The step in seconds. */
    long step() {
        return step;
    }

    /** The heartbeat in seconds: two steps. */
    long heartbeat() {
        return 2 * step;
    }

    /** The definition of a new file at {@code file} whose first value will come after {@code start}. */
    RrdDef define(URI file, long start, SeriesKind kind) {
        RrdDef def = new RrdDef(file, start, step);
        def.addDatasource(kind.dsName(), kind.dsType(), heartbeat(), kind.isCounter() ? 0 : Double.NaN, Double.NaN);
        archives.forEach(def::addArchive);
        return def;
    }
}
