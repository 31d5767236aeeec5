package org.udjat.record.rrd;

import java.nio.file.Path;
import org.udjat.record.FileNames;
import org.udjat.record.StateDir;

/**
 * Where the files of a series live in a state directory. Every name a user or a remote host chose
 * goes through {@link FileNames#safe}, so a label like {@code /var/log} or {@code ../x} is one
 * harmless path element:
 * <pre>
 * rrd/&lt;host&gt;/&lt;check&gt;/&lt;label&gt;.rrd          the values
 * rrd/&lt;host&gt;/&lt;check&gt;/labels.json         names, units and thresholds of the latest values
 * www/graphs/&lt;host&gt;/&lt;check&gt;/&lt;label&gt;-&lt;period&gt;.png
 * www/checks/&lt;host&gt;/&lt;check&gt;.html         the check's report page (written by the report stage)
 * </pre>
 * Immutable and thread-safe.
 */
public final class RrdPaths {
    static final String RRD = ".rrd";
    /** Cannot clash with a label's file: those end in {@code .rrd}. */
    static final String INFO = "labels.json";

    private final Path rrd;
    private final Path www;

    /** The paths of {@code dir}. */
    public RrdPaths(StateDir dir) {
        this.rrd = dir.rrdDir();
        this.www = dir.wwwDir();
    }

    /** The folder of a check's RRD files. */
    public Path checkDir(String host, String check) {
        return rrd.resolve(FileNames.safe(host)).resolve(FileNames.safe(check));
    }

    /** The RRD file of a series. */
    public Path rrdFile(SeriesKey key) {
        return checkDir(key.host(), key.check()).resolve(FileNames.safe(key.label()) + RRD);
    }

    /** The small JSON file beside a check's RRD files: what their latest values said about themselves. */
    public Path infoFile(String host, String check) {
        return checkDir(host, check).resolve(INFO);
    }

    /** The PNG graph of a series for a period. */
    public Path graphFile(SeriesKey key, GraphPeriod period) {
        return www.resolve("graphs").resolve(FileNames.safe(key.host())).resolve(FileNames.safe(key.check()))
                .resolve(FileNames.safe(key.label()) + "-" + period.key() + ".png");
    }

    /** The report page of a check; graphs are kept up to date only for checks that have one. */
    public Path pageFile(String host, String check) {
        return www.resolve("checks").resolve(FileNames.safe(host)).resolve(FileNames.safe(check) + ".html");
    }
}
