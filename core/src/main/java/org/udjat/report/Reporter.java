package org.udjat.report;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.udjat.config.Config;
import org.udjat.dispatch.outbox.Outbox;
import org.udjat.dispatch.control.Controls;
import org.udjat.dispatch.control.Stored;
import org.udjat.evaluate.Snapshot;
import org.udjat.health.HeartbeatStore;
import org.udjat.health.PollerHealth;
import org.udjat.record.HistoryLog;
import org.udjat.record.NotificationLog;
import org.udjat.record.StateDir;

/**
 * The report stage: renders a state directory's status and history into its {@code www/}, with the
 * config's templates. Only the last {@link #HISTORY_READ} of the history is read, so the cost does not
 * grow with its age. Call under the cycle lock, so two renderings never write the same directory.
 */
public final class Reporter {
    /**
     * How far back the history is read: the longest availability window (30 days) and a day more, so an
     * incident that ended within the window was most likely opened within what is read.
     */
    static final Duration HISTORY_READ = Duration.ofDays(31);

    private final Config config;
    private final Clock clock;

    /** @param clock the time the report is rendered at, and its time zone */
    public Reporter(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * What a rendering did.
     *
     * @param written  files written
     * @param removed  pages removed, of hosts and checks no longer shown
     * @param changes  changes read from the history
     * @param warnings lines of the history that were skipped, and control files that could not be read; already logged
     * @param took     wall time
     */
    public record Outcome(int written, int removed, int changes, List<String> warnings, Duration took) {
        /** {@code report: 11013 files in 2.1s}. */
        public String summary() {
            return String.format("report: %d files in %.1fs%s", written, took.toMillis() / 1000.0,
                    removed == 0 ? "" : ", " + removed + " old pages removed");
        }
    }

    /**
     * Renders the report of {@code dir} from {@code snapshot} (empty before the first cycle) and the history.
     *
     * @throws ReportException when a template fails, naming it and the line
     * @throws IOException     when {@code www/} cannot be written, naming the file
     */
    public Outcome report(StateDir dir, Optional<Snapshot> snapshot) throws ReportException, IOException {
        Instant started = clock.instant();
        ReportTemplates templates = ReportTemplates.load(config.report().templatesDir());
        HistoryLog.Entries history = recentHistory(dir, true);
        Stored<Controls> controls = Controls.read(dir);
        ReportRenderer.Result result = new ReportRenderer(templates).renderAll(model(dir, snapshot, history,
                controls.value()), dir.wwwDir());
        List<String> warnings = new java.util.ArrayList<>(history.warnings());
        warnings.addAll(controls.warnings());
        try {
            new HeartbeatStore(dir).publish(); // for a watchdog reading it over HTTP
        } catch (IOException e) {
            warnings.add("www/heartbeat.json not published: " + e.getMessage());
        }
        return new Outcome(result.written(), result.removed(), history.changes().size(), warnings,
                Duration.between(started, clock.instant()));
    }

    /**
     * One page of the report, rendered on request (the CGI) exactly as {@link #report} would write it.
     *
     * @param path a page path such as {@code /hosts/web1.html}; anything that is not a page of the
     *             report, whatever it holds ({@code ..}, encoded characters), gives empty
     */
    public Optional<byte[]> page(StateDir dir, Optional<Snapshot> snapshot, String path) throws ReportException, IOException {
        ReportTemplates templates = ReportTemplates.load(config.report().templatesDir());
        return new ReportRenderer(templates).render(model(dir, snapshot, recentHistory(dir, false), Controls.read(dir).value()),
                path);
    }

    /** @param save whether to bring the history's cache up to date: only under the cycle lock */
    private HistoryLog.Entries recentHistory(StateDir dir, boolean save) {
        return new HistoryLog(dir).since(clock.instant().minus(HISTORY_READ), dir.historyCache(), save);
    }

    private ReportModel model(StateDir dir, Optional<Snapshot> snapshot, HistoryLog.Entries history, Controls controls) {
        Instant now = clock.instant();
        return ReportModel.of(config, snapshot, history.changes(), now.minus(HISTORY_READ), now, clock.getZone(),
                controls, new Outbox(dir).undelivered(), new NotificationLog(dir).read().entries(),
                PollerHealth.of(dir, now));
    }
}
