package org.udjat.dispatch.notify;

import org.udjat.dispatch.Outgoing;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.config.ChannelSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.config.NotifySettings;
import org.udjat.config.RateLimit;
import org.udjat.config.ReportSettings;
import org.udjat.config.RouteSpec;
import org.udjat.dispatch.control.Ack;
import org.udjat.dispatch.control.Downtime;
import org.udjat.dispatch.control.Duty;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;

/**
 * A small world for policy tests: hosts with tags and states, contacts, channels ({@code mail} and
 * {@code sms} address people, {@code chat} is a room, {@code sms} pages), and the policy's memory
 * carried from one cycle to the next. Times are given; nothing reads a clock.
 */
final class Incident {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final String URL = "https://mon.example.org/udjat/";

    final Map<String, List<String>> tags = new LinkedHashMap<>();
    /** host -> state detail of the host (null detail = UP) and its checks. */
    final Map<String, HostState> states = new LinkedHashMap<>();
    final Map<String, ChannelSpec> channels = new LinkedHashMap<>();
    final List<RouteSpec> routes = new ArrayList<>();
    final List<Ack> acks = new ArrayList<>();
    final List<Downtime> downtimes = new ArrayList<>();
    Optional<Duty> duty = Optional.of(new Duty("alice", T0.minusSeconds(3600)));
    List<String> escalation = List.of("alice", "bob");
    Duration repeatEvery = Duration.ofHours(2);
    int summaryLines = 10;
    NotifyState state = NotifyState.EMPTY;
    Decision last;

    Incident() {
        channels.put("mail", new ChannelSpec("mail", "email", Notice.Urgency.LOW, null, null, Settings.empty()));
        channels.put("chat", new ChannelSpec("chat", "webhook", Notice.Urgency.LOW, null, null, Settings.empty()));
        channels.put("sms", new ChannelSpec("sms", "sms", Notice.Urgency.PAGE, null, null, Settings.empty()));
    }

    Incident limit(String channel, int count, Duration per) {
        ChannelSpec c = channels.get(channel);
        channels.put(channel, new ChannelSpec(c.name(), c.type(), c.urgency(), new RateLimit(count, per), null,
                c.options()));
        return this;
    }

    static Map<String, Contact> contacts() {
        Map<String, Contact> m = new LinkedHashMap<>();
        m.put("alice", new Contact("alice", "alice@example.org", "+15550100", Map.of()));
        m.put("bob", new Contact("bob", "bob@example.org", "+15550101", Map.of()));
        m.put("carol", new Contact("carol", "carol@example.org", null, Map.of()));
        return m;
    }

    Incident host(String name, String... hostTags) {
        tags.put(name, List.of(hostTags));
        states.put(name, new HostState(name, true, "", "linux", T0, T0, List.of(), null));
        return this;
    }

    /** Sets a host's own state: {@code Status.OK} for UP, else DOWN (UNREACHABLE when suppressed). */
    Incident hostState(String name, Status hard, String suppressedBy) {
        HostState h = states.get(name);
        states.put(name, new HostState(name, hard == Status.OK, hard == Status.OK ? "" : "no answer", "linux", T0, T0,
                h.checks(), detail(hard, suppressedBy)));
        return this;
    }

    Incident checkState(String host, String check, Status hard, String summary, String suppressedBy) {
        HostState h = states.get(host);
        List<CheckState> checks = new ArrayList<>(h.checks().stream().filter(c -> !c.check().equals(check)).toList());
        checks.add(new CheckState(check, hard, summary, "", List.of(), T0, Duration.ZERO, "", T0,
                detail(hard, suppressedBy)));
        states.put(host, new HostState(host, h.reachable(), h.reason(), h.platform(), h.lastPoll(), h.since(), checks,
                h.detail()));
        return this;
    }

    Incident remove(String host) {
        states.remove(host);
        tags.remove(host);
        return this;
    }

    static StateDetail detail(Status hard, String suppressedBy) {
        return new StateDetail(hard, StateType.HARD, 3, 3, hard, hard, List.of(), false, null, suppressedBy);
    }

    static Change change(Instant t, String host, String check, String from, String to, ChangeKind kind,
                         String suppressedBy, int count) {
        return new Change(t, host, check, from, to, to.equals("OK") || to.equals("UP") ? "fine" : "broken: " + to,
                kind, StateType.HARD, 3, 3, false, suppressedBy, count, List.of(), null, List.of());
    }

    NotifySettings settings() {
        return new NotifySettings(contacts(), channels, routes, Duration.ofMinutes(1), Duration.ofMinutes(30),
                Duration.ofMinutes(5), escalation, repeatEvery, summaryLines, URL, Duration.ofSeconds(20),
                Duration.ofHours(1));
    }

    Config config() {
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        tags.forEach((name, t) -> hosts.put(name, new HostSpec(name, name, 22, HostSpec.Transport.SSH, null, t,
                List.of(), null, List.of())));
        return new Config(Path.of("/etc/udjat/udjat.yaml"), Path.of("/var/lib/udjat"), null, Duration.ofMinutes(1),
                Duration.ofSeconds(50), 4, hosts, ReportSettings.DEFAULT, null, settings());
    }

    Snapshot snapshot(Instant now) {
        return new Snapshot(Snapshot.CURRENT_VERSION, now, now, List.copyOf(states.values()));
    }

    /** Runs one cycle at {@code now} with these changes, keeps the memory, returns what was sent. */
    List<Outgoing> cycle(Instant now, Change... changes) {
        NotifyPolicy policy = new NotifyPolicy(NotifyPolicy.addressing(Map.of("chat", false)));
        last = policy.decide(new NotifyInput(now, config(), snapshot(now), List.of(changes), duty, acks, downtimes),
                state);
        state = last.next();
        return last.messages();
    }

    /** {@code mail>alice PROBLEM} for each message, to compare whole cycles at a glance. */
    static List<String> who(List<Outgoing> sent) {
        return sent.stream().map(o -> o.channel() + ">" + (o.notice().recipient() == null ? "room"
                : o.notice().recipient().name()) + " " + o.notice().kind()).toList();
    }
}
