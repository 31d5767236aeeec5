package org.udjat.watchdog;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.config.Config;
import org.udjat.config.WatchdogSettings;
import org.udjat.dispatch.Outgoing;
import org.udjat.dispatch.outbox.Deliverer;
import org.udjat.dispatch.outbox.DeliveryReport;
import org.udjat.dispatch.outbox.Outbox;
import org.udjat.health.Crash;
import org.udjat.health.HealthNotices;
import org.udjat.health.Heartbeat;
import org.udjat.health.HeartbeatStore;
import org.udjat.record.AtomicFiles;
import org.udjat.record.CycleLock;
import org.udjat.record.Json;
import org.udjat.record.StateDir;

/**
 * One run of {@code udjat watchdog}, meant for cron on a second machine: reads the watched poller's heartbeat,
 * judges it against the injected clock, and tells its own channels what changed:
 * <ul>
 * <li>the heartbeat is stale (no cycle finished within {@code max_age}) or unreadable: once, on every channel,
 *     paging ones included (the poller being dead is urgent), until it is fresh again;</li>
 * <li>it is fresh again after that: once, a recovery, on every channel;</li>
 * <li>the heartbeat names crashes newer than those already reported, or a streak of {@code 3} overrun cycles not
 *     reported yet: once, on the low-urgency channels.</li>
 * </ul>
 * Messages go through the watchdog's own outbox (written before they are sent, retried by later runs), and what
 * was said is remembered in {@code watchdog.json} in its own state directory, whose lock the run holds.
 */
public final class Watchdog {
    /** Overrun cycles in a row that are worth a message. */
    static final int STREAK = 3;
    private static final String STATE_FILE = "watchdog.json";

    private final Config config;
    private final WatchdogSettings settings;
    private final Map<String, Notifier> notifiers;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();

    /**
     * @param config    the watchdog's own config, with a {@code watchdog:} block
     * @param notifiers the loaded notifiers by type
     * @param clock     the time the heartbeat is judged by and messages are dated with
     */
    public Watchdog(Config config, Map<String, Notifier> notifiers, Clock clock) {
        this.config = config;
        this.settings = java.util.Objects.requireNonNull(config.watchdog(), "config has no watchdog: block");
        this.notifiers = Map.copyOf(notifiers);
        this.clock = clock;
    }

    /**
     * What one run found and did.
     *
     * @param healthy  whether the poller finished a cycle within {@code max_age}
     * @param line     one line for the operator
     * @param sent     messages stored for sending this run (alerts, recoveries, crash and overrun reports)
     * @param warnings what went wrong on the watchdog's side (a message not delivered yet, its state not saved)
     */
    public record Result(boolean healthy, String line, List<Outgoing> sent, List<String> warnings) {
    }

    /**
     * Runs once.
     *
     * @throws IOException when the watchdog's own state directory cannot be used (a {@link
     *                     org.udjat.record.LockHeldException} when another run holds it)
     */
    public Result run() throws IOException {
        StateDir dir = StateDir.open(config.stateDir(), clock);
        try (CycleLock lock = dir.lock()) {
            List<String> warnings = new ArrayList<>();
            Path stateFile = dir.path().resolve(STATE_FILE);
            WatchdogState state = load(stateFile, warnings);
            Instant now = clock.instant();
            HeartbeatSource.Fetched fetched = new HeartbeatSource(settings).fetch();
            Heartbeat heartbeat = null;
            String problem = fetched.problem();
            if (fetched.content() != null) {
                try {
                    heartbeat = HeartbeatStore.parse(fetched.content());
                } catch (IOException e) {
                    problem = settings.source() + ": " + e.getMessage();
                }
            }
            String line;
            boolean healthy = false;
            if (heartbeat == null) {
                problem = "the poller's heartbeat cannot be read: " + problem;
                line = problem;
            } else {
                Duration age = Duration.between(heartbeat.finished(), now);
                Duration maxAge = settings.maxAge(heartbeat.interval());
                line = "last cycle finished " + heartbeat.finished() + " (" + human(age) + " ago), took "
                        + human(heartbeat.took()) + (heartbeat.overran() ? ", overran: " + heartbeat.overrunReason() : "");
                if (age.compareTo(maxAge) > 0) {
                    problem = "the poller has not finished a cycle for " + human(age) + " (last at " + heartbeat.finished()
                            + "; it runs every " + human(heartbeat.interval()) + ", max_age " + human(maxAge) + ")";
                    line = "STALE: " + problem;
                } else {
                    healthy = true;
                    problem = "";
                }
            }
            HealthNotices notices = new HealthNotices(config.notifications(), notifiers);
            List<Outgoing> messages = new ArrayList<>();
            WatchdogState next = state;
            if (!healthy && !state.alerting()) {
                messages.addAll(notices.messages(notice("down-" + now.toEpochMilli(), now, "CRITICAL", "PROBLEM",
                        "udjat poller down: " + problem, List.of(problem, "read from " + settings.source())), true));
                next = new WatchdogState(true, now, problem, next.lastCrash(), next.overrunToldFor());
            } else if (healthy && state.alerting()) {
                String back = "udjat poller back: " + line;
                messages.addAll(notices.messages(notice("up-" + now.toEpochMilli(), now, "OK", "RECOVERY", back,
                        List.of(back, "it was reported down at " + state.since() + ": " + state.problem())), true));
                next = new WatchdogState(false, null, null, next.lastCrash(), next.overrunToldFor());
            }
            if (heartbeat != null) {
                next = reportCrashes(heartbeat, next, now, notices, messages);
                next = reportOverruns(heartbeat, next, now, notices, messages);
            }
            try {
                new Outbox(dir).put(messages);
                AtomicFiles.write(stateFile, mapper.writeValueAsBytes(next));
            } catch (IOException e) {
                warnings.add("messages or memory not stored (tried again next run): " + e.getMessage());
            }
            DeliveryReport report = new Deliverer(notifiers, config.notifications(), clock)
                    .deliver(new Outbox(dir), now.plus(config.notifications().sendTimeout().multipliedBy(2)));
            warnings.addAll(report.warnings());
            return new Result(healthy, line, List.copyOf(messages), warnings);
        }
    }

    private WatchdogState reportCrashes(Heartbeat heartbeat, WatchdogState state, Instant now, HealthNotices notices,
                                        List<Outgoing> messages) {
        Instant after = state.lastCrash() != null ? state.lastCrash() : now.minus(Duration.ofHours(24));
        List<Crash> fresh = heartbeat.crashes().stream().filter(c -> c.time().isAfter(after)).toList();
        if (fresh.isEmpty()) {
            return state;
        }
        List<String> lines = fresh.stream().map(c -> "udjat crashed at " + c.time() + ": " + c.exception()
                + "; see crashes/" + c.file()).toList();
        String subject = fresh.size() == 1 ? lines.get(0) : "udjat crashed " + fresh.size() + " times; last: " + lines.get(0);
        messages.addAll(notices.messages(notice("crash-" + fresh.get(0).time().toEpochMilli(), now, "CRITICAL", "PROBLEM",
                subject, lines), false));
        return new WatchdogState(state.alerting(), state.since(), state.problem(), fresh.get(0).time(),
                state.overrunToldFor());
    }

    private WatchdogState reportOverruns(Heartbeat heartbeat, WatchdogState state, Instant now, HealthNotices notices,
                                         List<Outgoing> messages) {
        if (heartbeat.overrunStreak() < STREAK || heartbeat.overrunSince() == null
                || heartbeat.overrunSince().equals(state.overrunToldFor())) {
            return state;
        }
        String subject = "udjat: " + heartbeat.overrunStreak() + " cycles in a row overran, since " + heartbeat.overrunSince();
        messages.addAll(notices.messages(notice("overrun-" + heartbeat.overrunSince().toEpochMilli(), now, "WARNING",
                "PROBLEM", subject, List.of(subject, "last cycle: " + heartbeat.overrunReason())), false));
        return new WatchdogState(state.alerting(), state.since(), state.problem(), state.lastCrash(),
                heartbeat.overrunSince());
    }

    private Notice notice(String id, Instant now, String severity, String change, String subject, List<String> lines) {
        String poller = settings.heartbeatUrl() != null ? settings.heartbeatUrl().getHost() : settings.ssh().host();
        Notice.Item item = new Notice.Item(poller, "heartbeat", null, severity, change, lines.get(0), null, 0, null, null);
        return new Notice("udjat-watchdog-" + id, now, Notice.Kind.NOTICE, Notice.Urgency.LOW, severity, subject, lines,
                List.of(item), null, config.notifications().reportUrl(), 0);
    }

    private WatchdogState load(Path file, List<String> warnings) {
        try {
            WatchdogState state = mapper.readValue(Files.readAllBytes(file), WatchdogState.class);
            return state == null ? WatchdogState.FIRST : state;
        } catch (NoSuchFileException e) {
            return WatchdogState.FIRST;
        } catch (IOException e) {
            warnings.add(file + ": unreadable, starting afresh: " + e.getMessage().lines().findFirst().orElse(""));
            return WatchdogState.FIRST;
        }
    }

    /** {@code 45s}, {@code 12m}, {@code 3h}, {@code 2d}. */
    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return d.toMillis() < 10_000 && d.toMillis() % 1000 != 0
                    ? String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0) : s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        return s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
    }
}
