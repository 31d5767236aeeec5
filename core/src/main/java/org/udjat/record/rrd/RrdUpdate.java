package org.udjat.record.rrd;

import java.util.List;

/**
 * What one {@link RrdStore#update} did.
 *
 * @param updated  the series that received a value (unknown values included), in snapshot order
 * @param created  the series whose file was started in this update (also in {@code updated} when their
 *                 first value was stored)
 * @param notes    what is worth a line in the log but is no problem: values skipped because their time is
 *                 not after the file's last update, files set aside because the unit changed
 * @param warnings problems an operator should see: damaged files set aside, files that could not be
 *                 written (full disk, permissions); at most a few lines, repeats are summed up
 */
public record RrdUpdate(List<SeriesKey> updated, List<SeriesKey> created, List<String> notes, List<String> warnings) {
    /** Nothing done: RRD files are disabled, or nothing was measured. */
    public static final RrdUpdate NONE = new RrdUpdate(List.of(), List.of(), List.of(), List.of());

    public RrdUpdate {
        updated = List.copyOf(updated);
        created = List.copyOf(created);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }
}
