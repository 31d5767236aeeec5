package org.udjat.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.config.StatePolicy;
import org.udjat.dispatch.outbox.OutboxMessage;
import org.udjat.record.NotificationLog;
import org.udjat.dispatch.control.Controls;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.health.PollerHealth;
import org.udjat.record.HistoryLog;

/**
 * Everything one rendering of the report works from: the config, the last status, the history and
 * the time of rendering, indexed for the views. It follows the status file, filtered by the
 * config: a host or check removed from the config is left out (its pages are removed by
 * {@link ReportRenderer#renderAll}), one added appears once a cycle has polled it. Changes of
 * removed subjects stay in the history pages, without links. Immutable after construction apart
 * from caches; thread-safe, so pages of one model may be rendered by several threads.
 */
public final class ReportModel {
    /** Changes per history page. */
    static final int HISTORY_PAGE = 100;
    /** History pages at most; older changes are only in {@code history.jsonl}. */
    static final int HISTORY_PAGES = 20;

    private final Config config;
    private final Snapshot snapshot;
    private final List<HostState> hosts;
    private final Map<String, HostState> hostsByName = new HashMap<>();
    private final Set<String> shown = new java.util.HashSet<>();
    private final List<Change> history;
    private final Map<String, List<Change>> bySubject;
    private final Instant now;
    private final Times times;
    private final Instant knownUntil;
    private final Instant readFrom;
    private final Controls controls;
    private final Map<String, List<Availability>> availability = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<OutboxMessage> undelivered;
    private final Map<String, List<Instant>> toldAt;
    private final PollerHealth health;
    private Map<String, Page> pages;
    private Duration staleAt;

    private ReportModel(Config config, Snapshot snapshot, List<Change> history, Instant readFrom, Instant now,
                        ZoneId zone, Controls controls, List<OutboxMessage> undelivered,
                        List<NotificationLog.Entry> notifications, PollerHealth health) {
        this.config = config;
        this.health = health != null ? health : new PollerHealth(null, null, false, null, 0, 0, List.of());
        this.controls = controls;
        this.undelivered = List.copyOf(undelivered);
        Map<String, List<Instant>> told = new HashMap<>();
        notifications.stream().sorted(Comparator.comparing(NotificationLog.Entry::time)).forEach(e -> e.subjects()
                .forEach(subject -> told.computeIfAbsent(subject, k -> new java.util.ArrayList<>()).add(e.time())));
        this.toldAt = told;
        this.readFrom = readFrom;
        this.snapshot = snapshot;
        this.now = now;
        this.times = new Times(zone);
        this.hosts = snapshot == null ? List.of() : current(config, snapshot);
        for (HostState h : hosts) {
            hostsByName.put(h.host(), h);
            shown.add(h.host());
            h.checks().forEach(c -> shown.add(h.host() + "/" + c.check()));
        }
        this.history = history.stream().sorted(Comparator.comparing(Change::time)).toList();
        this.bySubject = this.history.stream().collect(Collectors.groupingBy(Change::subject));
        Instant last = this.history.isEmpty() ? null : this.history.get(this.history.size() - 1).time();
        Instant finished = snapshot == null ? null : snapshot.cycleFinished();
        this.knownUntil = finished == null ? last : last == null || finished.isAfter(last) ? finished : last;
    }

    /**
     * A model to render.
     *
     * @param config   the config: which hosts and checks are watched, the interval and staleness
     * @param snapshot the last status, empty before the first cycle
     * @param history  the changes, in any order
     * @param now      the time of rendering, against which ages and durations are shown
     * @param zone     the time zone times are shown in
     */
    public static ReportModel of(Config config, Optional<Snapshot> snapshot, List<Change> history, Instant now,
                                 ZoneId zone) {
        return new ReportModel(config, snapshot.orElse(null), history, null, now, zone, Controls.NONE, List.of(), List.of(),
                null);
    }

    /**
     * A model to render from the recent part of the history only, as {@link HistoryLog#since} reads it: what
     * happened before {@code readFrom} is taken from the changes' previous states and from the status.
     *
     * @param readFrom where the history was read from
     */
    public static ReportModel of(Config config, Optional<Snapshot> snapshot, List<Change> history, Instant readFrom,
                                 Instant now, ZoneId zone) {
        return of(config, snapshot, history, readFrom, now, zone, Controls.NONE, List.of());
    }

    /** As above, with the outbox's undelivered messages and no operator controls. */
    public static ReportModel of(Config config, Optional<Snapshot> snapshot, List<Change> history, Instant readFrom,
                                 Instant now, ZoneId zone, List<OutboxMessage> undelivered) {
        return of(config, snapshot, history, readFrom, now, zone, Controls.NONE, undelivered);
    }

    /** As above, with the operator controls and an empty outbox. */
    public static ReportModel of(Config config, Optional<Snapshot> snapshot, List<Change> history, Instant readFrom,
                                 Instant now, ZoneId zone, Controls controls) {
        return of(config, snapshot, history, readFrom, now, zone, controls, List.of());
    }

    /**
     * A model to render with what the operators have said (who is on duty, acks and downtimes) and
     * the outbox's undelivered messages ({@link org.udjat.dispatch.outbox.Outbox#undelivered()}).
     *
     * @param readFrom    where the history was read from, or null when it was read whole
     * @param controls    as read from the state directory
     * @param undelivered the messages that failed, wait or were given up
     */
    public static ReportModel of(Config config, Optional<Snapshot> snapshot, List<Change> history, Instant readFrom,
                                 Instant now, ZoneId zone, Controls controls, List<OutboxMessage> undelivered) {
        return of(config, snapshot, history, readFrom, now, zone, controls, undelivered, List.of());
    }

    /**
     * As above, with the messages delivered so far ({@code notifications.jsonl}), for when people
     * were first told of each incident.
     */
    public static ReportModel of(Config config, Optional<Snapshot> snapshot, List<Change> history, Instant readFrom,
                                 Instant now, ZoneId zone, Controls controls, List<OutboxMessage> undelivered,
                                 List<NotificationLog.Entry> notifications) {
        return of(config, snapshot, history, readFrom, now, zone, controls, undelivered, notifications, null);
    }

    /** As above, with the poller's own health (its heartbeat and crashes). */
    public static ReportModel of(Config config, Optional<Snapshot> snapshot, List<Change> history, Instant readFrom,
                                 Instant now, ZoneId zone, Controls controls, List<OutboxMessage> undelivered,
                                 List<NotificationLog.Entry> notifications, PollerHealth health) {
        return new ReportModel(config, snapshot.orElse(null), history, readFrom, now, zone, controls, undelivered,
                notifications, health);
    }

    /** The poller's own health: its last heartbeat and its crashes. */
    PollerHealth health() {
        return health;
    }

    /**
     * When people were first told of {@code subject} in {@code [from, until)} (until null: to now),
     * from the delivered messages that name it; null when nobody was.
     */
    Instant firstTold(String subject, Instant from, Instant until) {
        for (Instant t : toldAt.getOrDefault(subject, List.of())) {
            if (!t.isBefore(from) && (until == null || !t.isAfter(until))) {
                return t;
            }
        }
        return null;
    }

    /** The snapshot's hosts and checks that are still in the config, in the snapshot's order. */
    private static List<HostState> current(Config config, Snapshot snapshot) {
        List<HostState> kept = new ArrayList<>();
        for (HostState h : snapshot.hosts()) {
            HostSpec spec = config.hosts().get(h.host());
            if (spec == null) {
                continue;
            }
            Set<String> names = spec.checks().stream().map(CheckSpec::name).collect(Collectors.toSet());
            List<CheckState> checks = h.checks().stream().filter(c -> names.contains(c.check())).toList();
            kept.add(new HostState(h.host(), h.reachable(), h.reason(), h.platform(), h.lastPoll(), h.since(), checks,
                    h.detail()));
        }
        return List.copyOf(kept);
    }

    /** Every page of the report, by its path under {@code www/}: overview first, then hosts, checks and the rest. */
    public synchronized Map<String, Page> pages() {
        if (pages == null) {
            Map<String, Page> all = new LinkedHashMap<>();
            List<Page> list = new ArrayList<>();
            list.add(Page.OVERVIEW);
            hosts.forEach(h -> list.add(Page.host(h.host())));
            hosts.forEach(h -> h.checks().forEach(c -> list.add(Page.check(h.host(), c.check()))));
            for (int n = 1; n <= historyPages(); n++) {
                list.add(Page.history(n));
            }
            list.add(Page.INCIDENTS);
            list.add(Page.AVAILABILITY);
            list.add(Page.STYLE);
            list.forEach(p -> all.put(p.path(), p));
            pages = java.util.Collections.unmodifiableMap(all);
        }
        return pages;
    }

    /**
     * The page at a path as a web server sees it: {@code /hosts/web1.html}, {@code hosts/web1.html}; {@code /}
     * is the overview. Empty for anything that is not a page of this report.
     */
    public Optional<Page> page(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return Optional.ofNullable(pages().get(p.isEmpty() ? "index.html" : p));
    }

    /** Pages of history: at least one, at most {@link #HISTORY_PAGES}. */
    int historyPages() {
        int shown = Math.min(history.size(), HISTORY_PAGE * HISTORY_PAGES);
        return Math.max(1, (shown + HISTORY_PAGE - 1) / HISTORY_PAGE);
    }

    Config config() {
        return config;
    }

    /** The last status, or null before the first cycle. */
    Snapshot snapshot() {
        return snapshot;
    }

    /** The hosts and checks shown, see the class comment. */
    List<HostState> hosts() {
        return hosts;
    }

    Optional<HostState> host(String name) {
        return Optional.ofNullable(hostsByName.get(name));
    }

    /** Messages that failed, wait or were given up; see {@link org.udjat.dispatch.outbox.Outbox#undelivered()}. */
    List<OutboxMessage> undelivered() {
        return undelivered;
    }

    /** Every change, oldest first. */
    List<Change> history() {
        return history;
    }

    /** The changes of {@code web1} or {@code web1/disk}, oldest first. */
    List<Change> changes(String subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    /** Every subject that has changes. */
    Set<String> subjects() {
        return bySubject.keySet();
    }

    /** The page of a subject still shown, as a link relative to the root; empty when it is not shown. */
    String href(String host, String check) {
        if (!shown.contains(check == null ? host : host + "/" + check)) {
            return "";
        }
        return check == null ? Page.hostPath(host) : Page.checkPath(host, check);
    }

    /** Who is on duty, the acks and the downtimes. */
    Controls controls() {
        return controls;
    }

    Instant now() {
        return now;
    }

    Times times() {
        return times;
    }

    /** Until when states are known: the end of the last cycle (or the last change, if later); null when never. */
    Instant knownUntil() {
        return knownUntil;
    }

    /** How the subject spent each of {@link Rows#WINDOWS}, ending now; computed once per subject. */
    List<Availability> availability(String subject) {
        return availability.computeIfAbsent(subject, s -> {
            Current current = current(s);
            Timeline timeline = Timeline.of(changes(s), knownUntil == null ? now : knownUntil, readFrom,
                    current.state(), current.suppressed());
            return Rows.WINDOWS.stream().map(w -> timeline.over(now.minus(w.length()), now)).toList();
        });
    }

    /** A subject's state in the status, null when it is not there. */
    private record Current(String state, boolean suppressed) {
    }

    private Current current(String subject) {
        int slash = subject.indexOf('/');
        HostState host = hostsByName.get(slash < 0 ? subject : subject.substring(0, slash));
        if (host == null) {
            return new Current(null, false);
        }
        if (slash < 0) {
            return new Current(host.state(), host.detail() != null && host.detail().suppressedBy() != null);
        }
        String check = subject.substring(slash + 1);
        for (CheckState c : host.checks()) {
            if (c.check().equals(check)) {
                return new Current(c.status().name(), c.detail() != null && c.detail().suppressedBy() != null);
            }
        }
        return new Current(null, false);
    }

    /** The age at which the data counts as stale: {@code stale_after} intervals, the smallest any check has. */
    synchronized Duration staleAt() {
        if (staleAt != null) {
            return staleAt;
        }
        int staleAfter = config.hostList().stream().flatMap(h -> h.checks().stream())
                .mapToInt(c -> c.policy().staleAfter()).min()
                .orElse(StatePolicy.DEFAULT.staleAfter());
        staleAt = config.interval().multipliedBy(staleAfter);
        return staleAt;
    }
}
