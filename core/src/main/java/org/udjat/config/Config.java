package org.udjat.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A validated configuration: everything one cycle needs, with defaults and templates
 * already applied to each host. Immutable.
 *
 * @param file          the YAML file it was read from
 * @param stateDir      the state directory (absolute; relative paths in YAML are resolved against the file's folder)
 * @param pluginsDir    where external PF4J plugins are loaded from, or null for none
 * @param interval      how often cron starts a cycle; used for staleness and the default deadline
 * @param cycleDeadline the wall-clock budget of one cycle; hosts not done by then are recorded as timed out
 * @param concurrency   how many hosts are polled at once
 * @param hosts         every host by name, in the order written
 * @param report        how the HTML report is made
 * @param rrd           how measured values are kept in RRD files ({@code rrd:})
 * @param notifications who is told what, and how ({@code contacts:}, {@code channels:}, {@code routes:}, {@code notify:})
 * @param watchdog      the {@code watchdog:} block, for {@code udjat watchdog}; null when there is none
 */
public record Config(
        Path file,
        Path stateDir,
        Path pluginsDir,
        Duration interval,
        Duration cycleDeadline,
        int concurrency,
        Map<String, HostSpec> hosts,
        ReportSettings report,
        RrdSettings rrd,
        NotifySettings notifications,
        WatchdogSettings watchdog) {

    public Config {
        hosts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hosts));
        report = report == null ? ReportSettings.DEFAULT : report;
        rrd = rrd != null ? rrd : RrdSettings.defaults(interval);
        notifications = notifications != null ? notifications : NotifySettings.none(interval);
    }

    /** A config without a {@code watchdog:} block. */
    public Config(Path file, Path stateDir, Path pluginsDir, Duration interval, Duration cycleDeadline, int concurrency,
                  Map<String, HostSpec> hosts, ReportSettings report, RrdSettings rrd, NotifySettings notifications) {
        this(file, stateDir, pluginsDir, interval, cycleDeadline, concurrency, hosts, report, rrd, notifications, null);
    }

    /** A config that notifies nobody. */
    public Config(Path file, Path stateDir, Path pluginsDir, Duration interval, Duration cycleDeadline, int concurrency,
                  Map<String, HostSpec> hosts, ReportSettings report, RrdSettings rrd) {
        this(file, stateDir, pluginsDir, interval, cycleDeadline, concurrency, hosts, report, rrd, null);
    }

    /** A config with the default report and RRD settings. */
    public Config(Path file, Path stateDir, Path pluginsDir, Duration interval, Duration cycleDeadline, int concurrency,
                  Map<String, HostSpec> hosts) {
        this(file, stateDir, pluginsDir, interval, cycleDeadline, concurrency, hosts, ReportSettings.DEFAULT,
                RrdSettings.defaults(interval), null);
    }

    /** A config with the default RRD settings. */
    public Config(Path file, Path stateDir, Path pluginsDir, Duration interval, Duration cycleDeadline, int concurrency,
                  Map<String, HostSpec> hosts, ReportSettings report) {
        this(file, stateDir, pluginsDir, interval, cycleDeadline, concurrency, hosts, report, RrdSettings.defaults(interval),
                null);
    }

    /** Every host, in the order written. */
    public List<HostSpec> hostList() {
        return List.copyOf(hosts.values());
    }
}
