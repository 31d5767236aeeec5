package org.udjat.record.rrd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.rrd4j.core.Datasource;
import org.rrd4j.core.RrdDb;
import org.rrd4j.core.RrdException;

/**
 * Opens the RRD file of a series for writing, making sure it is one udjat can continue: readable,
 * of the expected length, with the current step and a data source of the value's kind. A file that
 * is not is renamed out of the way (never deleted) and a new one started. Not thread-safe.
 */
final class SeriesFiles {

    /** Why a file was set aside. */
    enum Reason {
        /** Unreadable: not an RRD file, truncated, damaged. */
        CORRUPT,
        /** Made with another step: the interval changed. */
        STEP,
        /** Made for another unit, or a counter where the value is not one (or the reverse). */
        UNIT
    }

    /**
     * A file ready for an update. The caller closes {@code db}, then calls {@link #publish()}: a new
     * file is made under a temporary name and only takes its place with its first value in it.
     *
     * @param db      the open file
     * @param file    where it belongs
     * @param temp    where a new file is made until published, or null for an existing file
     * @param reason  why the previous file was set aside, or null
     * @param detail  what was wrong with it, or null
     * @param aside   the name it was given, or null
     */
    record Opened(RrdDb db, Path file, Path temp, Reason reason, String detail, Path aside) {

        /** Whether the file was started by this call. */
        boolean created() {
            return temp != null;
        }

        /** Puts a new file in its place, once closed; does nothing for an existing file. */
        void publish() throws IOException {
            if (temp != null) {
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    discard();
                    throw e;
                }
            }
        }

        /** Removes a new file that could not be filled, once closed; does nothing for an existing file. */
        void discard() throws IOException {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** What a data source name of ours looks like; anything else is not put into a file name. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9~_-][A-Za-z0-9~._-]{0,39}");

    private final RrdLayout layout;
    private final SetAside setAside;
    private final BoundedFileBackendFactory factory = new BoundedFileBackendFactory();

    SeriesFiles(RrdLayout layout, SetAside setAside) {
        this.layout = layout;
        this.setAside = setAside;
    }

    /**
     * Opens {@code file} for values of {@code kind}, starting it when missing or set aside.
     *
     * @param time the time of the value about to be stored; a new file starts just before it
     * @throws IOException when the file cannot be opened, set aside or created (permissions, full disk);
     *                     nothing was renamed then, and no partial new file is left behind
     */
    Opened open(Path file, SeriesKind kind, long time) throws IOException {
        RrdDb db;
        try {
            db = RrdDb.getBuilder().setPath(BoundedFileBackendFactory.uri(file)).setBackendFactory(factory).build();
        } catch (NoSuchFileException e) {
            return create(file, kind, time, null, null);
        } catch (RrdException | RuntimeException e) {
            return replace(file, kind, time, new Verdict(Reason.CORRUPT, "not a readable RRD file (" + describe(e)
                    + ")", "corrupt"));
        }
        Verdict verdict;
        try {
            verdict = check(db, kind);
        } catch (RrdException | RuntimeException e) {
            verdict = new Verdict(Reason.CORRUPT, "damaged (" + describe(e) + ")", "corrupt");
        } catch (IOException e) {
            db.close();
            throw e;
        }
        if (verdict == null) {
            return new Opened(db, file, null, null, null, null);
        }
        db.close();
        return replace(file, kind, time, verdict);
    }

    /** Why a file cannot be continued, the words for the message and for its set-aside name. */
    private record Verdict(Reason reason, String detail, String word) {
    }

    private Opened replace(Path file, SeriesKind kind, long time, Verdict verdict) throws IOException {
        Path aside = setAside.move(file, verdict.word());
        return create(file, kind, time, verdict, aside);
    }

    /** What is wrong with an open file, or null. RRD4J itself checks only the signature. */
    private Verdict check(RrdDb db, SeriesKind kind) throws IOException {
        if (db.getDsCount() != 1) {
            return new Verdict(Reason.CORRUPT, "has " + db.getDsCount() + " data sources, not 1", "corrupt");
        }
        long length = db.getRrdBackend().getLength();
        long expected = expectedLength(db);
        if (length != expected) {
            return new Verdict(Reason.CORRUPT, "has " + length + " bytes where its layout needs " + expected
                    + ": truncated or damaged", "corrupt");
        }
        long step = db.getHeader().getStep();
        if (step != layout.step()) {
            return new Verdict(Reason.STEP, "made with a step of " + step + "s; the interval is now "
                    + layout.step() + "s", "step-" + step + "s");
        }
        Datasource ds = db.getDatasource(0);
        if (!ds.getName().equals(kind.dsName()) || ds.getType() != kind.dsType()) {
            String old = ds.getName().equals("u") ? "none" : ds.getName().replaceFirst("^u_", "");
            return new Verdict(Reason.UNIT, "made for unit " + (old.equals("none") ? "(none)" : old) + " ("
                    + ds.getType() + "); the value is now " + kind.describe(),
                    "unit-" + (PLAIN.matcher(old).matches() ? old : "other"));
        }
        return null;
    }

    /**
     * The length RRD4J gives a file of {@code db}'s data sources and archives ({@code RrdDef.getEstimatedSize()},
     * which reads the whole definition back, every archive's consolidation function and factor included; this
     * reads only what the length depends on: the row counts and the data source names).
     */
    static long expectedLength(RrdDb db) throws IOException {
        int dsCount = db.getDsCount();
        int arcCount = db.getArcCount();
        long rows = 0;
        for (int i = 0; i < arcCount; i++) {
            rows += db.getArchive(i).getRows();
        }
        long longNames = 0; // names longer than RRD4J's 20 characters are stored after the values
        for (int i = 0; i < dsCount; i++) {
            String name = db.getDatasource(i).getName();
            if (name.length() > 20) {
                longNames += name.length() * 2L + 2;
            }
        }
        return 24L + 48L * dsCount + 16L * arcCount + 20L * dsCount * arcCount + 8L * dsCount * rows
                + (1L + 2L * dsCount + arcCount) * 2L * 20 + longNames;
    }

    /** Creates a new file under a temporary name, left open for its first value; see {@link Opened#publish()}. */
    private Opened create(Path file, SeriesKind kind, long time, Verdict verdict, Path aside) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".new");
        try {
            Files.deleteIfExists(temp); // left by a run killed while making it
            Files.createFile(temp);
            RrdDb db = RrdDb.getBuilder().setRrdDef(layout.define(BoundedFileBackendFactory.uri(temp), time - 1, kind))
                    .setBackendFactory(factory).build();
            return new Opened(db, file, temp, verdict == null ? null : verdict.reason(),
                    verdict == null ? null : verdict.detail(), aside);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e instanceof IOException io ? io : new IOException("cannot create " + file + ": " + e, e);
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
