package org.udjat.record.rrd;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the notes and warnings of one pass over many files, so that a problem shared by thousands
 * of files (a full disk, a changed interval) is a few lines, not thousands: the first few of each are
 * kept, the rest counted. Not thread-safe.
 */
final class Messages {
    static final int KEEP = 10;

    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int moreWarnings;
    private int moreNotes;
    private int skipped;
    private String skipExample;
    private final List<String> allWarnings = new ArrayList<>();
    private final List<String> allNotes = new ArrayList<>();

    void warn(String warning) {
        allWarnings.add(warning);
        if (warnings.size() < KEEP) {
            warnings.add(warning);
        } else {
            moreWarnings++;
        }
    }

    void note(String note) {
        allNotes.add(note);
        if (notes.size() < KEEP) {
            notes.add(note);
        } else {
            moreNotes++;
        }
    }

    /** A value not stored because its time is not after the file's last update. */
    void skipped(String example) {
        if (skipped++ == 0) {
            skipExample = example;
        }
    }

    /** Adds everything {@code other} collected, after what this one has. */
    void addAll(Messages other) {
        other.allWarnings.forEach(this::warn);
        other.allNotes.forEach(this::note);
        if (other.skipped > 0) {
            if (skipped == 0) {
                skipExample = other.skipExample;
            }
            skipped += other.skipped;
        }
    }

    List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (moreWarnings > 0) {
            all.add("... and " + moreWarnings + " more RRD problem" + (moreWarnings == 1 ? "" : "s") + " in this cycle");
        }
        return all;
    }

    List<String> notes() {
        List<String> all = new ArrayList<>();
        if (skipped > 0) {
            all.add(skipped + " value" + (skipped == 1 ? "" : "s") + " not stored in RRD files: not after the file's "
                    + "last update (the clock went back, or the same results were recorded twice); e.g. " + skipExample);
        }
        all.addAll(notes);
        if (moreNotes > 0) {
            all.add("... and " + moreNotes + " more RRD file" + (moreNotes == 1 ? "" : "s") + " set aside for a new unit");
        }
        return all;
    }
}
