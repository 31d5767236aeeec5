package org.udjat.record.rrd;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rrd4j.ConsolFun;
import org.rrd4j.DsType;
import org.rrd4j.core.FetchData;
import org.rrd4j.core.RrdDb;
import org.rrd4j.graph.RrdGraph;
import org.udjat.config.RrdSettings;
import org.udjat.record.AtomicFiles;
import org.udjat.record.FileNames;
import org.udjat.record.IoReason;
import org.udjat.record.Json;
import org.udjat.record.StateDir;

/**
 * Draws the PNG graphs of RRD files with RRD4J, for a day, a week, a month and a year (see
 * {@link GraphStyle} for what they show): into {@code www/graphs/<host>/<check>/<label>-<period>.png}
 * for the static report, or as bytes for the CGI.
 *
 * <p>{@link #renderChanged} keeps the static graphs current at little cost. It draws only the graphs
 * of checks whose report page ({@code www/checks/<host>/<check>.html}) exists, and of those only the
 * ones whose data changed since they were drawn: a PNG's modification time is set to the time of the
 * RRD update it shows, and a graph is drawn again once the RRD file has a newer row in the archive the
 * graph reads (every cycle for the day graph, every 30 minutes for the week graph with the default
 * archives, every 2 hours for the month, every day for the year). With 30,000 values even that is
 * more than a cycle allows (a graph costs about 15 ms), so drawing stops at a deadline and the graphs
 * that waited longest go first next time.
 *
 * <p>Rendering is headless AWT: {@code java.awt.headless} is set to true when this class loads unless
 * it was set already, and RRD4J draws with the DejaVu fonts it ships. Graphs are written atomically
 * without a disk flush (they are redrawn when lost). Not thread-safe; the CGI may render while a
 * cycle writes, since RRD files are only read here.
 */
public final class GraphRenderer {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final StateDir dir;
    private final RrdPaths paths;
    private final RrdSettings settings;
    private final Clock clock;
    private final BoundedFileBackendFactory factory = new BoundedFileBackendFactory();
    private final ObjectMapper json = Json.mapper();

    /**
     * A renderer over the files of {@code dir}.
     *
     * @param settings the archives new RRD files get, which tell how often each period's graph changes
     * @param clock    where graphs end: they show the period up to now
     */
    public GraphRenderer(StateDir dir, RrdSettings settings, Clock clock) {
        this.dir = dir;
        this.paths = new RrdPaths(dir);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Draws one graph, as the static report shows it.
     *
     * @return the PNG image
     * @throws NoSuchFileException when the series has no RRD file
     * @throws IOException         when the file cannot be read or the graph drawn
     */
    public byte[] render(String host, String check, String label, GraphPeriod period) throws IOException {
        SeriesKey key = new SeriesKey(host, check, label);
        Path rrd = paths.rrdFile(key);
        if (!Files.isRegularFile(rrd)) {
            throw new NoSuchFileException(rrd.toString(), null, "no RRD file for " + key);
        }
        Map<String, SeriesInfo> infos = infos(rrd.getParent(), FileNames.safe(host), FileNames.safe(check));
        SeriesInfo info = infos.getOrDefault(FileNames.safe(label), new SeriesInfo(key, "", null, null));
        return draw(rrd, info, period);
    }

    /**
     * Draws the graphs that need it, see the class comment, until {@code deadline}.
     * Never throws: a graph that cannot be drawn or written is a warning and the others go on.
     */
    public GraphRun renderChanged(Instant deadline) {
        List<String> warnings = new ArrayList<>();
        Scan scan = scan(warnings);
        scan.stale.sort(Comparator.comparingLong(Stale::shown));
        int rendered = 0;
        int postponed = 0;
        for (Stale s : scan.stale) {
            if (!clock.instant().isBefore(deadline)) {
                postponed++;
                continue;
            }
            try {
                byte[] png = draw(s.rrd(), s.info(), s.period());
                Files.createDirectories(s.png().getParent());
                AtomicFiles.writeUnsynced(s.png(), png);
                Files.setLastModifiedTime(s.png(), FileTime.from(s.updated(), TimeUnit.SECONDS));
                rendered++;
            } catch (IOException | RuntimeException e) {
                warnings.add(dir.path().relativize(s.png()) + ": not drawn (" + reason(e) + ")");
            }
        }
        return new GraphRun(rendered, scan.upToDate, postponed, warnings);
    }

    /** A graph to draw: its RRD file and when that was last updated, and when the data it shows was. */
    private record Stale(Path rrd, SeriesInfo info, GraphPeriod period, Path png, long updated, long shown) {
    }

    private static final class Scan {
        final List<Stale> stale = new ArrayList<>();
        int upToDate;
    }

    /** Every graph of every check with a report page, sorted into stale and up to date. */
    private Scan scan(List<String> warnings) {
        Scan scan = new Scan();
        Path pages = dir.wwwDir().resolve("checks");
        try (DirectoryStream<Path> hosts = Files.newDirectoryStream(pages, Files::isDirectory)) {
            for (Path host : hosts) {
                try (DirectoryStream<Path> checks = Files.newDirectoryStream(host, "*.html")) {
                    for (Path page : checks) {
                        String name = page.getFileName().toString();
                        scanCheck(host.getFileName().toString(), name.substring(0, name.length() - 5), scan);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // no report yet: nothing to draw for
        } catch (IOException e) {
            warnings.add(dir.path().relativize(pages) + ": cannot be listed (" + IoReason.of(e) + "); no graphs drawn");
        }
        return scan;
    }

    private void scanCheck(String safeHost, String safeCheck, Scan scan) throws IOException {
        Path checkDir = dir.rrdDir().resolve(safeHost).resolve(safeCheck);
        if (!Files.isDirectory(checkDir)) {
            return;
        }
        Map<String, SeriesInfo> infos = infos(checkDir, safeHost, safeCheck);
        Path graphs = dir.wwwDir().resolve("graphs").resolve(safeHost).resolve(safeCheck);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(checkDir, "[!.]*" + RrdPaths.RRD)) {
            for (Path rrd : files) {
                String name = rrd.getFileName().toString();
                String safeLabel = name.substring(0, name.length() - RrdPaths.RRD.length());
                long updated = Files.getLastModifiedTime(rrd).to(TimeUnit.SECONDS);
                SeriesInfo info = infos.getOrDefault(safeLabel,
                        new SeriesInfo(new SeriesKey(safeHost, safeCheck, safeLabel), "", null, null));
                for (GraphPeriod period : GraphPeriod.values()) {
                    Path png = graphs.resolve(safeLabel + "-" + period.key() + ".png");
                    long shown = shown(png);
                    long row = rowSeconds(period);
                    if (shown != Long.MIN_VALUE && Math.floorDiv(shown, row) == Math.floorDiv(updated, row)) {
                        scan.upToDate++;
                    } else {
                        scan.stale.add(new Stale(rrd, info, period, png, updated, shown));
                    }
                }
            }
        }
    }

    /** The update time of the data a PNG shows (its modification time), or MIN_VALUE when there is none. */
    private static long shown(Path png) throws IOException {
        try {
            return Files.getLastModifiedTime(png).to(TimeUnit.SECONDS);
        } catch (NoSuchFileException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The row time of the finest archive that covers the period: how often its graph can change. */
    long rowSeconds(GraphPeriod period) {
        long step = settings.stepSeconds();
        long best = -1;
        long coarsest = step;
        for (RrdSettings.Archive a : settings.archives()) {
            long row = step * settings.stepsOf(a);
            coarsest = Math.max(coarsest, row);
            if (row * settings.rowsOf(a) >= period.span().toSeconds() && (best < 0 || row < best)) {
                best = row;
            }
        }
        return best > 0 ? best : coarsest;
    }

    /** The check's {@code labels.json} by safe label name; empty when missing or unreadable. */
    private Map<String, SeriesInfo> infos(Path checkDir, String safeHost, String safeCheck) {
        Map<String, SeriesInfo> infos = new HashMap<>();
        try {
            CheckInfo info = json.readValue(checkDir.resolve(RrdPaths.INFO).toFile(), CheckInfo.class);
            if (FileNames.safe(info.host()).equals(safeHost) && FileNames.safe(info.check()).equals(safeCheck)) {
                info.labels().forEach((label, l) -> infos.put(FileNames.safe(label),
                        new SeriesInfo(new SeriesKey(info.host(), info.check(), label), l.unit(), l.warn(), l.crit())));
            }
        } catch (IOException e) {
            // graphs then show the names of the files and no thresholds
        }
        return infos;
    }

    /** The graph of one file for the period up to now. */
    private byte[] draw(Path rrd, SeriesInfo info, GraphPeriod period) throws IOException {
        long end = clock.instant().getEpochSecond();
        long start = end - period.span().toSeconds();
        FetchData avg;
        FetchData min;
        FetchData max;
        SeriesInfo shown = info;
        try (RrdDb db = RrdDb.getBuilder().setPath(BoundedFileBackendFactory.uri(rrd)).setBackendFactory(factory).readOnly().build()) {
            avg = db.createFetchRequest(ConsolFun.AVERAGE, start, end).fetchData();
            min = db.createFetchRequest(ConsolFun.MIN, start, end).fetchData();
            max = db.createFetchRequest(ConsolFun.MAX, start, end).fetchData();
            boolean counter = db.getDatasource(0).getType() == DsType.DERIVE;
            if (counter != info.isCounter()) {
                // labels.json is missing, or ahead of a file not yet replaced: the file says what it holds
                shown = new SeriesInfo(info.key(), counter ? "c" : "", null, null);
            }
        }
        return new RrdGraph(GraphStyle.define(shown, period, start, end, avg, min, max, clock.getZone()),
                new PngWorker()).getRrdGraphInfo().getBytes();
    }

    private static String reason(Exception e) {
        if (e instanceof IOException io) {
            return IoReason.of(io);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
