package org.udjat.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How measured values are kept in RRD files: the {@code rrd:} section of the config. Immutable.
 *
 * @param enabled  whether the record stage writes RRD files at all
 * @param step     the RRD step: the config's {@code interval}, the time between two cron runs
 * @param archives what each file keeps, finest first as written; each is kept as AVERAGE, MIN and MAX
 */
public record RrdSettings(boolean enabled, Duration step, List<Archive> archives) {

    /**
     * One archive: a row per {@code every} (rounded to whole steps, at least one), kept for {@code keep}.
     *
     * @param every how much time one row sums up
     * @param keep  how far back the rows reach
     */
    public record Archive(Duration every, Duration keep) {
    }

    public RrdSettings {
        archives = List.copyOf(archives);
    }

    /**
     * The built-in archives: one step for 2 days, 30 minutes for 2 weeks, 2 hours for 2 months and
     * 1 day for 2 years (about 120 KiB per value with a 1-minute interval).
     */
    public static RrdSettings defaults(Duration step) {
        List<Archive> builtIn = List.of(
                new Archive(step, Duration.ofDays(2)),
                new Archive(Duration.ofMinutes(30), Duration.ofDays(14)),
                new Archive(Duration.ofHours(2), Duration.ofDays(60)),
                new Archive(Duration.ofDays(1), Duration.ofDays(730)));
        // with a long interval, 30m may round to one step, like the first archive: keep the longer one
        RrdSettings all = new RrdSettings(true, step, builtIn);
        Map<Integer, Archive> bySteps = new LinkedHashMap<>();
        for (Archive a : builtIn) {
            bySteps.merge(all.stepsOf(a), a, (x, y) -> x.keep().compareTo(y.keep()) >= 0 ? x : y);
        }
        return new RrdSettings(true, step, List.copyOf(bySteps.values()));
    }

    /** The RRD step in whole seconds: the interval, rounded, at least 1. */
    public long stepSeconds() {
        return Math.max(1, Math.round(step.toMillis() / 1000.0));
    }

    /** The number of steps one row of {@code archive} sums up: {@code every / step}, rounded, at least 1. */
    public int stepsOf(Archive archive) {
        long n = Math.round(archive.every().toMillis() / 1000.0 / stepSeconds());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, n));
    }

    /** The number of rows of {@code archive}: {@code keep} divided by its row's time, rounded up, at least 1. */
    public long rowsOf(Archive archive) {
        long row = stepSeconds() * stepsOf(archive);
        return Math.max(1, (archive.keep().toSeconds() + row - 1) / row);
    }
}
