package org.udjat.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.udjat.api.PerfDatum;
import org.udjat.api.Range;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.config.ReportSettings;
import org.udjat.config.StatePolicy;
import org.udjat.dispatch.control.Ack;
import org.udjat.dispatch.control.Controls;
import org.udjat.dispatch.control.Downtime;
import org.udjat.dispatch.control.Duty;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.Flip;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;

/**
 * A fixed world to render: five hosts behind a gateway, with a HARD CRITICAL disk, a SOFT WARNING, a
 * host DOWN, a host UNREACHABLE behind a DOWN switch, a check suppressed by the DOWN host, a stale
 * UNKNOWN and an UNSTABLE check, and three days of history with ended and ongoing incidents.
 */
final class ReportFixture {
    static final Instant NOW = Instant.parse("2026-11-22T06:30:00Z");
    static final Instant FINISHED = Instant.parse("2026-11-22T06:29:50Z");
    static final Instant FIRST = Instant.parse("2026-11-19T06:30:00Z");
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private ReportFixture() {
    }

    static Config config() {
        return config(ReportSettings.DEFAULT);
    }

    static Config config(ReportSettings report) {
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        host(hosts, "gw1", List.of(), "ping");
        host(hosts, "web1", List.of("gw1"), "disk", "http", "load", "app", "queue", "ntp");
        host(hosts, "db1", List.of("gw1"), "postgres");
        host(hosts, "sw2", List.of("gw1"));
        host(hosts, "cam1", List.of("sw2"), "stream");
        return new Config(Path.of("udjat.yaml"), Path.of("/state"), null, INTERVAL, Duration.ofSeconds(50), 4, hosts,
                report);
    }

    private static void host(Map<String, HostSpec> hosts, String name, List<String> parents, String... checks) {
        List<CheckSpec> specs = new ArrayList<>();
        for (String c : checks) {
            specs.add(new CheckSpec(c, null, "/usr/lib/nagios/plugins/check_" + c, Settings.empty(),
                    Duration.ofSeconds(10), 65536, StatePolicy.DEFAULT, List.of()));
        }
        hosts.put(name, new HostSpec(name, name + ".example.org", 22, HostSpec.Transport.SSH, null, List.of(), parents,
                null, specs, StatePolicy.DEFAULT));
    }

    static Instant at(String time) {
        return Instant.parse(time);
    }

    static StateDetail hard(Status s, String suppressedBy) {
        return new StateDetail(s, StateType.HARD, 3, s == Status.OK ? 1 : 3, s, s, List.of(), false, null, suppressedBy);
    }

    static CheckState check(String name, Status status, String summary, String since, StateDetail detail,
                            PerfDatum... perf) {
        return new CheckState(name, status, summary, "", List.of(perf), at("2026-11-22T06:29:45Z"),
                Duration.ofMillis(320), "", at(since), detail);
    }

    static Snapshot snapshot() {
        PerfDatum root = new PerfDatum("root /", 96.5, "%", Range.parse("80"), Range.parse("90"), 0.0, 100.0);
        PerfDatum log = new PerfDatum("/var/log", 42, "%", Range.parse("80"), Range.parse("90"), 0.0, 100.0);
        CheckState disk = new CheckState("disk", Status.CRITICAL, "DISK CRITICAL - / 96.5% used",
                "/ 96.5% used (48.2 GiB of 50 GiB)\n/var/log 42% used (4.2 GiB of 10 GiB)", List.of(root, log),
                at("2026-11-22T06:29:45Z"), Duration.ofMillis(1234), "", at("2026-11-22T04:19:00Z"),
                hard(Status.CRITICAL, null));
        StateDetail softWarning = new StateDetail(Status.WARNING, StateType.SOFT, 2, 3, Status.OK, Status.WARNING,
                List.of(), false, null, null);
        List<Flip> flips = List.of(new Flip(at("2026-11-22T05:40:00Z"), "CRITICAL"),
                new Flip(at("2026-11-22T05:45:00Z"), "OK"), new Flip(at("2026-11-22T05:52:00Z"), "CRITICAL"),
                new Flip(at("2026-11-22T05:58:00Z"), "OK"), new Flip(at("2026-11-22T06:04:00Z"), "CRITICAL"),
                new Flip(at("2026-11-22T06:10:00Z"), "OK"));
        StateDetail unstable = new StateDetail(Status.OK, StateType.HARD, 1, 1, Status.OK, Status.OK, flips, true,
                "OK", null);
        HostState gw1 = new HostState("gw1", true, "", "linux", at("2026-11-22T06:29:41Z"), FIRST,
                List.of(check("ping", Status.OK, "PING OK - rta 0.4 ms", "2026-11-19T06:30:00Z", hard(Status.OK, null),
                        PerfDatum.of("rta", 0.4, "ms"))), hard(Status.OK, null));
        HostState web1 = new HostState("web1", true, "", "linux", at("2026-11-22T06:29:42Z"), FIRST, List.of(disk,
                check("http", Status.WARNING, "HTTP WARNING - 2.4 s response time", "2026-11-22T06:28:00Z", softWarning,
                        PerfDatum.of("time", 2.4, "s")),
                check("load", Status.OK, "load average 0.52, 0.40, 0.31", "2026-11-19T06:30:00Z", hard(Status.OK, null),
                        PerfDatum.of("load1", 0.52, ""), PerfDatum.of("load5", 0.4, ""), PerfDatum.of("load15", 0.31, "")),
                check("app", Status.CRITICAL, "CRITICAL - cannot connect to db1:5432", "2026-11-22T06:03:00Z",
                        hard(Status.CRITICAL, "db1 DOWN")),
                check("queue", Status.OK, "OK - 3 jobs waiting", "2026-11-22T06:10:00Z", unstable),
                new CheckState("ntp", Status.UNKNOWN, "stale: no fresh result for 3m (no result)", "", List.of(),
                        at("2026-11-22T02:57:00Z"), Duration.ofMillis(80), "no result this cycle: no result",
                        at("2026-11-22T03:00:00Z"), hard(Status.UNKNOWN, null))), hard(Status.OK, null));
        HostState db1 = new HostState("db1", false, "connection refused", "linux", at("2026-11-22T06:29:43Z"),
                at("2026-11-22T06:03:00Z"), List.of(new CheckState("postgres", Status.OK, "POSTGRES OK - 12 connections",
                "", List.of(), at("2026-11-22T06:02:00Z"), Duration.ofMillis(90), "not run: host unreachable",
                at("2026-11-21T20:10:00Z"), hard(Status.OK, null))), hard(Status.CRITICAL, null));
        HostState sw2 = new HostState("sw2", false, "timed out after 10s", null, at("2026-11-22T06:29:44Z"),
                at("2026-11-22T05:00:00Z"), List.of(), hard(Status.CRITICAL, null));
        HostState cam1 = new HostState("cam1", false, "timed out after 10s", "busybox", at("2026-11-22T06:29:44Z"),
                at("2026-11-22T05:00:00Z"), List.of(new CheckState("stream", Status.OK, "OK - 25 fps", "", List.of(),
                at("2026-11-22T04:59:00Z"), Duration.ofMillis(150), "not run: host unreachable", FIRST,
                hard(Status.OK, null))), hard(Status.CRITICAL, "sw2 DOWN"));
        return new Snapshot(Snapshot.CURRENT_VERSION, at("2026-11-22T06:29:40Z"), FINISHED,
                List.of(gw1, web1, db1, sw2, cam1));
    }

    /** A change as the engine writes it. */
    static Change change(String time, String subject, String from, String to, ChangeKind kind, StateType type,
                         int attempt, int attempts, String suppressedBy, String summary) {
        int slash = subject.indexOf('/');
        String host = slash < 0 ? subject : subject.substring(0, slash);
        String check = slash < 0 ? null : subject.substring(slash + 1);
        return new Change(at(time), host, check, from, to, summary, kind, type, attempt, attempts, false, suppressedBy,
                0, List.of(), null, List.of());
    }

    static List<Change> history() {
        List<Change> h = new ArrayList<>();
        String t0 = FIRST.toString();
        for (String s : List.of("gw1", "gw1/ping", "web1", "web1/disk", "web1/http", "web1/load", "web1/app",
                "web1/queue", "web1/ntp", "db1", "db1/postgres", "sw2", "cam1", "cam1/stream", "old1")) {
            boolean host = !s.contains("/");
            h.add(change(t0, s, null, host ? "UP" : "OK", ChangeKind.NEW, StateType.HARD, 1, host ? 1 : 1, null,
                    host ? "" : "OK"));
        }
        // gw1 down for 40 minutes two days ago
        h.add(change("2026-11-20T12:00:00Z", "gw1", "UP", "DOWN", ChangeKind.SOFT, StateType.SOFT, 1, 3, null, "timed out after 10s"));
        h.add(change("2026-11-20T12:02:00Z", "gw1", "DOWN", "DOWN", ChangeKind.PROBLEM, StateType.HARD, 3, 3, null, "timed out after 10s"));
        h.add(change("2026-11-20T12:40:00Z", "gw1", "DOWN", "UP", ChangeKind.RECOVERY, StateType.HARD, 1, 1, null, ""));
        // http: 30 minutes CRITICAL yesterday, and a SOFT WARNING now
        h.add(change("2026-11-21T10:00:00Z", "web1/http", "OK", "CRITICAL", ChangeKind.SOFT, StateType.SOFT, 1, 3, null, "HTTP CRITICAL - 503 Service Unavailable"));
        h.add(change("2026-11-21T10:02:00Z", "web1/http", "CRITICAL", "CRITICAL", ChangeKind.PROBLEM, StateType.HARD, 3, 3, null, "HTTP CRITICAL - 503 Service Unavailable"));
        h.add(change("2026-11-21T10:30:00Z", "web1/http", "CRITICAL", "OK", ChangeKind.RECOVERY, StateType.HARD, 1, 1, null, "HTTP OK - 0.2 s response time"));
        // postgres: recovered with two OK results
        h.add(change("2026-11-21T20:00:00Z", "db1/postgres", "OK", "CRITICAL", ChangeKind.SOFT, StateType.SOFT, 1, 3, null, "POSTGRES CRITICAL - too many connections"));
        h.add(change("2026-11-21T20:02:00Z", "db1/postgres", "CRITICAL", "CRITICAL", ChangeKind.PROBLEM, StateType.HARD, 3, 3, null, "POSTGRES CRITICAL - too many connections"));
        h.add(change("2026-11-21T20:10:00Z", "db1/postgres", "CRITICAL", "OK", ChangeKind.SOFT, StateType.SOFT, 1, 2, null, "POSTGRES OK - 80 connections"));
        h.add(change("2026-11-21T20:11:00Z", "db1/postgres", "OK", "OK", ChangeKind.RECOVERY, StateType.HARD, 2, 2, null, "POSTGRES OK - 60 connections"));
        // ntp stale since 03:00
        h.add(change("2026-11-22T03:00:00Z", "web1/ntp", "OK", "UNKNOWN", ChangeKind.SOFT, StateType.SOFT, 1, 3, null, "stale: no fresh result for 3m (no result)"));
        h.add(change("2026-11-22T03:02:00Z", "web1/ntp", "UNKNOWN", "UNKNOWN", ChangeKind.PROBLEM, StateType.HARD, 3, 3, null, "stale: no fresh result for 5m (no result)"));
        // disk filling up
        h.add(change("2026-11-22T04:18:00Z", "web1/disk", "OK", "WARNING", ChangeKind.SOFT, StateType.SOFT, 1, 3, null, "DISK WARNING - / 88.1% used"));
        h.add(change("2026-11-22T04:19:00Z", "web1/disk", "WARNING", "CRITICAL", ChangeKind.SOFT, StateType.SOFT, 2, 3, null, "DISK CRITICAL - / 90.2% used"));
        h.add(change("2026-11-22T04:20:00Z", "web1/disk", "CRITICAL", "CRITICAL", ChangeKind.PROBLEM, StateType.HARD, 3, 3, null, "DISK CRITICAL - / 90.4% used"));
        // the switch died, the camera behind it is unreachable
        h.add(change("2026-11-22T05:00:00Z", "sw2", "UP", "DOWN", ChangeKind.PROBLEM, StateType.HARD, 1, 1, null, "timed out after 10s"));
        h.add(change("2026-11-22T05:00:00Z", "cam1", "UP", "UNREACHABLE", ChangeKind.PROBLEM, StateType.HARD, 1, 1, "sw2 DOWN", "timed out after 10s"));
        // the queue flaps
        h.add(change("2026-11-22T05:40:00Z", "web1/queue", "OK", "CRITICAL", ChangeKind.SOFT, StateType.SOFT, 1, 3, null, "CRITICAL - 900 jobs waiting"));
        h.add(change("2026-11-22T05:45:00Z", "web1/queue", "CRITICAL", "OK", ChangeKind.SOFT, StateType.HARD, 1, 1, null, "OK - 12 jobs waiting"));
        h.add(change("2026-11-22T05:52:00Z", "web1/queue", "OK", "CRITICAL", ChangeKind.SOFT, StateType.SOFT, 1, 3, null, "CRITICAL - 950 jobs waiting"));
        h.add(change("2026-11-22T05:58:00Z", "web1/queue", "CRITICAL", "OK", ChangeKind.SOFT, StateType.HARD, 1, 1, null, "OK - 10 jobs waiting"));
        h.add(change("2026-11-22T06:04:00Z", "web1/queue", "OK", "CRITICAL", ChangeKind.SOFT, StateType.SOFT, 1, 3, null, "CRITICAL - 990 jobs waiting"));
        h.add(change("2026-11-22T06:10:00Z", "web1/queue", "OK", "UNSTABLE", ChangeKind.UNSTABLE, StateType.HARD, 1, 1, null, "OK - 3 jobs waiting"));
        // db1 went down; the app that needs it is suppressed
        h.add(change("2026-11-22T06:03:00Z", "db1", "UP", "DOWN", ChangeKind.SOFT, StateType.SOFT, 1, 3, null, "connection refused"));
        h.add(change("2026-11-22T06:03:00Z", "web1/app", "OK", "CRITICAL", ChangeKind.SOFT, StateType.SOFT, 1, 3, "db1 DOWN", "CRITICAL - cannot connect to db1:5432"));
        h.add(change("2026-11-22T06:05:00Z", "db1", "DOWN", "DOWN", ChangeKind.PROBLEM, StateType.HARD, 3, 3, null, "connection refused"));
        h.add(change("2026-11-22T06:05:00Z", "web1/app", "CRITICAL", "CRITICAL", ChangeKind.PROBLEM, StateType.HARD, 3, 3, "db1 DOWN", "CRITICAL - cannot connect to db1:5432"));
        h.add(change("2026-11-22T06:28:00Z", "web1/http", "OK", "WARNING", ChangeKind.SOFT, StateType.SOFT, 1, 3, null, "HTTP WARNING - 2.4 s response time"));
        return h;
    }

    /**
     * alice on duty; web1/disk and db1 acknowledged (and an expired ack); cam1 in downtime, web1/http downtime
     * scheduled for tomorrow (and one that ended).
     */
    static Controls controls() {
        return new Controls(java.util.Optional.of(new Duty("alice", at("2026-11-22T05:00:00Z"))),
                List.of(new Ack("1", List.of("web1/http"), "bob", "", at("2026-11-22T05:00:00Z"),
                                at("2026-11-22T05:30:00Z")),
                        new Ack("2", List.of("web1/disk", "db1"), "alice", "replacing the disk <b>now</b> & then",
                                at("2026-11-22T06:20:00Z"), at("2026-11-22T06:50:00Z"))),
                List.of(new Downtime("1", "gw1", null, at("2026-11-21T01:00:00Z"), at("2026-11-21T02:00:00Z"), "bob",
                                "ended"),
                        new Downtime("2", "web1", "http", at("2026-11-23T02:00:00Z"), at("2026-11-23T03:00:00Z"), "bob",
                                "load balancer swap"),
                        new Downtime("3", "cam1", null, at("2026-11-22T05:00:00Z"), at("2026-11-22T09:00:00Z"), "bob",
                                "camera firmware update")));
    }

    static ReportModel model() {
        return ReportModel.of(config(), java.util.Optional.of(snapshot()), history(), null, NOW,
                java.time.ZoneOffset.UTC, controls());
    }
}
