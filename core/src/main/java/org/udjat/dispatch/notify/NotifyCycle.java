package org.udjat.dispatch.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.api.Status;
import org.udjat.config.ChannelSpec;
import org.udjat.config.NotifySettings;
import org.udjat.dispatch.control.Ack;
import org.udjat.dispatch.remedy.RemedyChanges;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.StateDetail;
import org.udjat.report.Durations;
import org.udjat.report.Page;
import org.udjat.report.PlainText;

/**
 * One cycle of the policy: what happens to each problem, as entries for each recipient. Used once,
 * by {@link NotifyPolicy}; not thread-safe.
 */
final class NotifyCycle {
    private final NotifyInput in;
    private final Instant now;
    private final NotifySettings settings;
    private final Router router;
    private final Predicate<String> addressesPeople;
    private final Map<String, OpenProblem> problems;
    /** This cycle's notifiable change of each subject that opened or changed a problem. */
    private final Map<String, Change> opened = new HashMap<>();
    /** Problems that ended this cycle: the state they ended in and the output that came with it. */
    private final Map<String, String[]> ended = new LinkedHashMap<>();
    private final Map<Told, List<Entry>> entries = new LinkedHashMap<>();
    private final Set<Told> cutThrough = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    /** This cycle's lines of the remediation engine, told after the problems are decided. */
    private final List<Change> remedies = new ArrayList<>();

    /** How a problem's subject stands in the snapshot. */
    private record Current(boolean fine, String suppressedBy, String summary) {
    }

    NotifyCycle(NotifyInput in, NotifyState previous, Router router, Predicate<String> addressesPeople) {
        this.in = in;
        this.now = in.now();
        this.settings = in.config().notifications();
        this.router = router;
        this.addressesPeople = addressesPeople;
        this.problems = new TreeMap<>(previous.problems());
    }

    Map<Told, List<Entry>> entries() {
        return entries;
    }

    Map<String, OpenProblem> problems() {
        return problems;
    }

    List<String> notes() {
        return notes;
    }

    boolean cutsThrough(Told t) {
        return cutThrough.contains(t);
    }

    void run() {
        in.changes().forEach(this::read);
        for (OpenProblem p : List.copyOf(problems.values())) {
            if (ended.containsKey(p.subject())) {
                continue;
            }
            Optional<Current> cur = current(p.host(), p.check());
            if (cur.isEmpty()) {
                ended.put(p.subject(), new String[] {"REMOVED", ""});
            } else if (cur.get().fine()) {
                ended.put(p.subject(), new String[] {p.check() == null ? "UP" : "OK", cur.get().summary()});
            }
        }
        ended.forEach((subject, how) -> end(problems.remove(subject), how[0], how[1]));
        for (OpenProblem p : List.copyOf(problems.values())) {
            problems.put(p.subject(), step(p, current(p.host(), p.check()).orElseThrow()));
        }
        remedies.forEach(this::remedy);
    }

    private void read(Change c) {
        if (c.kind() == null) {
            return;
        }
        switch (c.kind()) {
            case PROBLEM, UNSTABLE -> {
                if (c.notifiable()) {
                    open(c, c.to());
                }
            }
            case STABLE -> {
                if (c.notifiable() && NotifyPolicy.fine(c.to())) {
                    endByChange(c);
                } else if (c.notifiable()) {
                    open(c, c.to());
                }
            }
            case RECOVERY -> endByChange(c);
            case REMEDIATION -> remedies.add(c);
            default -> {
            }
        }
    }

    private void open(Change c, String state) {
        OpenProblem p = problems.get(c.subject());
        ended.remove(c.subject());
        if (p == null) {
            problems.put(c.subject(), OpenProblem.begin(c.host(), c.check(), state, c.summary(), c.time()));
            opened.put(c.subject(), c);
        } else if (!p.state().equals(state)) {
            problems.put(c.subject(), new OpenProblem(p.host(), p.check(), state, c.summary(), p.since(), p.announced(),
                    p.told(), p.pageDueAt(), p.pagedAt(), p.paged(), p.escalatedAt(), p.lastSaid(), p.ackId()));
            opened.put(c.subject(), c);
        }
    }

    private void endByChange(Change c) {
        if (problems.containsKey(c.subject())) {
            ended.put(c.subject(), new String[] {c.to(), c.summary()});
        }
    }

    /** Recoveries to everybody told; a pending page withdrawn. */
    private void end(OpenProblem p, String to, String summary) {
        String after = Durations.human(Duration.between(p.since(), now));
        boolean removed = to.equals("REMOVED");
        String head = removed ? p.subject() + " is no longer monitored (was " + p.state() + ")"
                : p.subject() + " " + to + " after " + after + " (was " + p.state() + ")";
        Notice.Item item = new Notice.Item(p.host(), p.check(), p.state(), to, "RECOVERY", summary, null, 0, p.since(),
                link(p.host(), p.check(), removed));
        String line = summary.isBlank() ? head : head + ": " + PlainText.oneLine(summary);
        for (Told t : NotifyPolicy.union(p.told(), p.paged())) {
            say(t, new Entry(Notice.Kind.RECOVERY, p.host(), p.check(), to, "recovered", head, line, List.of(item)));
        }
        if (p.pageDueAt() != null && p.pagedAt() == null) {
            withdraw(p, p.told(), removed ? "no longer monitored" : "recovered after " + after);
        }
    }

    /**
     * A line of the remediation engine: one line on the low-urgency channels the problem is routed to;
     * a refusal at the limit or a failed action is also paged at once, as an urgent problem would be, to
     * the person on duty (else the escalation list), unless the problem is acknowledged. The open problem
     * then counts as paged, so it escalates when nobody acknowledges it.
     */
    private void remedy(Change c) {
        OpenProblem p = problems.get(c.subject());
        String state = p != null ? p.state() : c.from() == null ? "CRITICAL" : c.from();
        String line = PlainText.oneLine(c.summary());
        List<Notice.Item> items = List.of(NotifyPolicy.item(c, link(c.host(), c.check(), false)));
        for (Told t : router.route(c.host(), c.check(), state).low()) {
            say(t, new Entry(Notice.Kind.NOTICE, c.host(), c.check(), state, c.to(), line, line, items));
        }
        if (!RemedyChanges.pages(c)) {
            return;
        }
        Optional<Ack> ack = in.acks().stream().filter(a -> a.covers(c.subject(), now)).findFirst();
        if (ack.isPresent()) {
            notes.add("not paged, " + c.subject() + " is acknowledged by " + ack.get().by() + ": " + line);
            return;
        }
        Optional<String> duty = in.duty().map(d -> d.name()).filter(settings.contacts()::containsKey);
        List<Told> to = new ArrayList<>();
        for (String channel : router.route(c.host(), c.check(), "CRITICAL").pageChannels()) {
            to.addAll(duty.isPresent() ? router.person(channel, duty.get()) : escalationTargets(channel));
        }
        for (Told t : to) {
            say(t, new Entry(Notice.Kind.PAGE, c.host(), c.check(), state, c.to(), line, line, items));
        }
        if (p != null && p.pagedAt() == null && !to.isEmpty()) {
            problems.put(p.subject(), new OpenProblem(p.host(), p.check(), p.state(), p.summary(), p.since(),
                    p.announced(), NotifyPolicy.union(p.told(), to), null, now, to, null, now, p.ackId()));
        }
    }

    private OpenProblem step(OpenProblem p, Current cur) {
        Step s = new Step(p);
        boolean suppressed = cur.suppressedBy() != null;
        boolean downtime = in.downtimes().stream().anyMatch(d -> d.covers(p.host(), p.check(), now));
        Optional<Ack> ack = in.acks().stream().filter(a -> a.covers(p.subject(), now))
                .max(Comparator.comparing(Ack::at));
        Router.Targets targets = router.route(p.host(), p.check(), p.state());
        boolean quiet = suppressed || downtime;
        if (!quiet && (!p.announced() || opened.containsKey(p.subject()))) {
            announce(s, targets, ack.isPresent());
        }
        if (ack.isPresent()) {
            acknowledged(s, ack.get());
            return s.done();
        }
        if (s.ackId != null && !quiet) {
            s.ackId = null;
            if (!targets.pageChannels().isEmpty() && s.announced) {
                page(s, targets, "paged again: its acknowledgement expired");
            }
        }
        if (s.pageDueAt != null && s.pagedAt == null && reached(s.pageDueAt)) {
            if (suppressed) {
                withdraw(s.p, s.told, "suppressed behind " + cur.suppressedBy());
                s.pageDueAt = null;
            } else if (downtime) {
                withdraw(s.p, s.told, "in scheduled downtime");
                s.pageDueAt = null;
            } else if (targets.pageChannels().isEmpty()) {
                s.pageDueAt = null;
            } else {
                page(s, targets, null);
            }
        }
        if (!quiet && s.pagedAt != null && s.escalatedAt == null
                && reached(s.pagedAt.plus(settings.escalateAfter()))) {
            escalate(s, targets);
        }
        Duration every = settings.repeatEvery();
        if (!quiet && every != null && !s.said && s.announced && !p.state().equals("UNSTABLE") && s.lastSaid != null
                && reached(s.lastSaid.plus(every))) {
            String head = p.subject() + " still " + p.state() + " after " + Durations.human(Duration.between(p.since(), now));
            for (Told t : s.told) {
                say(t, problemEntry(Notice.Kind.REPEAT, p, head));
            }
            s.lastSaid = now;
        }
        return s.done();
    }

    /** The mutable copy of a problem while one cycle decides about it. */
    private final class Step {
        final OpenProblem p;
        boolean announced;
        List<Told> told;
        Instant pageDueAt;
        Instant pagedAt;
        List<Told> paged;
        Instant escalatedAt;
        Instant lastSaid;
        String ackId;
        boolean said;

        Step(OpenProblem p) {
            this.p = p;
            announced = p.announced();
            told = p.told();
            pageDueAt = p.pageDueAt();
            pagedAt = p.pagedAt();
            paged = p.paged();
            escalatedAt = p.escalatedAt();
            lastSaid = p.lastSaid();
            ackId = p.ackId();
        }

        OpenProblem done() {
            return new OpenProblem(p.host(), p.check(), p.state(), p.summary(), p.since(), announced, told, pageDueAt,
                    pagedAt, paged, escalatedAt, lastSaid, ackId);
        }
    }

    private void announce(Step s, Router.Targets targets, boolean acked) {
        OpenProblem p = s.p;
        boolean fresh = !s.announced || opened.containsKey(p.subject());
        for (Told t : targets.low()) {
            say(t, problemEntry(Notice.Kind.PROBLEM, p, null));
            if (fresh && p.check() == null && Router.urgent(p.state())) {
                cutThrough.add(t);
            }
        }
        s.told = NotifyPolicy.union(s.told, targets.low());
        s.announced = true;
        s.lastSaid = now;
        s.said = true;
        if (!targets.pageChannels().isEmpty()) {
            if (s.pagedAt == null && s.pageDueAt == null && !acked) {
                s.pageDueAt = now.plus(settings.grace());
            }
        } else if (s.pageDueAt != null && s.pagedAt == null) {
            withdraw(p, s.told, "now " + p.state());
            s.pageDueAt = null;
        }
    }

    private void acknowledged(Step s, Ack ack) {
        String by = "acknowledged by " + ack.by();
        if (s.pageDueAt != null && s.pagedAt == null) {
            withdraw(s.p, s.told, by);
            s.pageDueAt = null;
        }
        if (!ack.id().equals(s.ackId)) {
            String head = s.p.label() + " " + by;
            String line = ack.comment().isBlank() ? head : head + ": " + PlainText.oneLine(ack.comment());
            Notice.Item item = new Notice.Item(s.p.host(), s.p.check(), null, s.p.state(), "OPEN", s.p.summary(), null,
                    0, s.p.since(), link(s.p.host(), s.p.check(), false));
            for (Told t : s.paged) {
                say(t, new Entry(Notice.Kind.ACKNOWLEDGED, s.p.host(), s.p.check(), s.p.state(), s.p.state(), head, line,
                        List.of(item)));
            }
            s.ackId = ack.id();
        }
    }

    /** Pages the person on duty on each page channel; with nobody on duty, the escalation list. */
    private void page(Step s, Router.Targets targets, String remark) {
        Optional<String> duty = in.duty().map(d -> d.name()).filter(settings.contacts()::containsKey);
        List<Told> to = new ArrayList<>();
        for (String channel : targets.pageChannels()) {
            if (duty.isPresent()) {
                to.addAll(router.person(channel, duty.get()));
            } else {
                to.addAll(escalationTargets(channel));
            }
        }
        boolean first = s.pagedAt == null;
        for (Told t : to) {
            say(t, problemEntry(Notice.Kind.PAGE, s.p, null));
            if (remark != null) {
                say(t, Entry.note(s.p.label() + " " + remark));
            }
            if (duty.isEmpty()) {
                say(t, Entry.note("nobody is on duty: paging the escalation list (" + String.join(", ",
                        settings.escalation()) + ")"));
            }
            if (first && s.p.check() == null && Router.urgent(s.p.state())) {
                cutThrough.add(t);
            }
        }
        if (duty.isEmpty()) {
            notes.add("page for " + s.p.label() + ": nobody is on duty (udjat duty take NAME); paged the escalation list");
        }
        s.pagedAt = now;
        s.pageDueAt = null;
        s.escalatedAt = null;
        s.paged = to;
        s.told = NotifyPolicy.union(s.told, to);
        s.lastSaid = now;
        s.said = true;
    }

    private void escalate(Step s, Router.Targets targets) {
        List<Told> to = new ArrayList<>();
        targets.pageChannels().forEach(c -> to.addAll(escalationTargets(c)));
        if (s.paged.containsAll(to)) {
            // nobody was on duty: the page itself went to everybody on the list
            to.clear();
        }
        String remark = "not acknowledged " + Durations.human(Duration.between(s.pagedAt, now))
                + " after it was paged: paging everybody on the escalation list";
        for (Told t : to) {
            say(t, problemEntry(Notice.Kind.ESCALATION, s.p, null));
            say(t, Entry.note(s.p.label() + " " + remark));
        }
        s.escalatedAt = now;
        s.paged = NotifyPolicy.union(s.paged, to);
        s.told = NotifyPolicy.union(s.told, to);
        if (!to.isEmpty()) {
            s.lastSaid = now;
            s.said = true;
        }
    }

    private List<Told> escalationTargets(String channel) {
        ChannelSpec spec = settings.channels().get(channel);
        if (!addressesPeople.test(channel)) {
            return List.of(new Told(channel, null));
        }
        List<Told> to = new ArrayList<>();
        for (String name : settings.escalation()) {
            Contact c = settings.contacts().get(name);
            if (c != null && Router.reaches(c, spec)) {
                to.add(new Told(channel, name));
            }
        }
        return to;
    }

    /** A WITHDRAWN line to everybody told of the problem on low-urgency channels. */
    private void withdraw(OpenProblem p, List<Told> told, String why) {
        String text = "page for " + p.label() + " withdrawn: " + why;
        Notice.Item item = new Notice.Item(p.host(), p.check(), null, p.state(), "OPEN", p.summary(), null, 0, p.since(),
                link(p.host(), p.check(), false));
        for (Told t : told) {
            ChannelSpec c = settings.channels().get(t.channel());
            if (c != null && !c.pages()) {
                say(t, new Entry(Notice.Kind.WITHDRAWN, p.host(), p.check(), p.state(), p.state(), text, text,
                        List.of(item)));
            }
        }
    }

    /** An announcement, page, escalation or repeat of a problem, with what is suppressed behind it. */
    private Entry problemEntry(Notice.Kind kind, OpenProblem p, String headOverride) {
        String label = p.label();
        List<Notice.Item> behind = new ArrayList<>();
        String suffix = suppressedBehind(label, behind);
        String head = (headOverride == null ? label : headOverride) + suffix;
        String summary = PlainText.oneLine(p.summary());
        String line = (headOverride == null ? label : headOverride) + (summary.isBlank() ? "" : ": " + summary) + suffix;
        Change c = opened.get(p.subject());
        List<Notice.Item> items = new ArrayList<>();
        items.add(new Notice.Item(p.host(), p.check(), c == null ? null : c.from(), p.state(),
                kind == Notice.Kind.PROBLEM && c != null ? c.kind().name() : "OPEN", p.summary(), null, behind.size(),
                p.since(), link(p.host(), p.check(), false)));
        items.addAll(behind);
        return new Entry(kind, p.host(), p.check(), p.state(), p.state(), head, line, items);
    }

    /**
     * {@code "; 30 checks on 10 hosts behind it suppressed"}, counted from the snapshot (or, for
     * subjects it does not show, from this cycle's suppressed changes); empty when nothing is behind it.
     * The suppressed changes of this cycle are added to {@code items}.
     */
    private String suppressedBehind(String label, List<Notice.Item> items) {
        Set<String> hosts = new TreeSet<>();
        Set<String> checks = new TreeSet<>();
        for (HostState h : in.snapshot().hosts()) {
            if (h.detail() != null && by(h.detail().suppressedBy(), label)) {
                hosts.add(h.host());
            }
            for (CheckState c : h.checks()) {
                if (c.detail() != null && by(c.detail().suppressedBy(), label)) {
                    hosts.add(h.host());
                    checks.add(h.host() + "/" + c.check());
                }
            }
        }
        for (Change c : in.changes()) {
            if (by(c.suppressedBy(), label) && c.kind() != ChangeKind.RECOVERY) {
                hosts.add(c.host());
                if (c.check() != null) {
                    checks.add(c.subject());
                }
                items.add(NotifyPolicy.item(c, link(c.host(), c.check(), false)));
            }
        }
        if (hosts.isEmpty()) {
            return "";
        }
        String what = checks.isEmpty() ? count(hosts.size(), "host")
                : count(checks.size(), "check") + " on " + count(hosts.size(), "host");
        return "; " + what + " behind it suppressed";
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Whether {@code suppressedBy} ({@code gw1 DOWN, gw2 DOWN}) names this root cause. */
    private static boolean by(String suppressedBy, String label) {
        return suppressedBy != null && List.of(suppressedBy.split(", ")).contains(label);
    }

    private void say(Told t, Entry e) {
        entries.computeIfAbsent(t, k -> new ArrayList<>()).add(e);
    }

    private String link(String host, String check, boolean removed) {
        if (settings.reportUrl() == null || removed) {
            return null;
        }
        Page page = check == null ? new Page(Page.Kind.HOST, host, null, 0) : new Page(Page.Kind.CHECK, host, check, 0);
        return settings.reportUrl() + page.path();
    }

    /** How the subject stands now; empty when the snapshot no longer has it (removed from the config). */
    private Optional<Current> current(String host, String check) {
        Optional<HostState> h = in.snapshot().host(host);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        if (check == null) {
            StateDetail d = h.get().detail();
            boolean fine = d == null ? h.get().reachable() : d.hard() == Status.OK && !d.unstable();
            return Optional.of(new Current(fine, d == null ? null : d.suppressedBy(), h.get().reason()));
        }
        return h.get().checks().stream().filter(c -> c.check().equals(check)).findFirst().map(c -> {
            StateDetail d = c.detail();
            boolean fine = d == null ? c.status() == Status.OK : d.hard() == Status.OK && !d.unstable();
            return new Current(fine, d == null ? null : d.suppressedBy(), c.summary());
        });
    }

    /**
     * Whether a due time has come. Cron starts cycles a little early or late (JVM start, a busy
     * machine), so a time due at the next cycle counts as reached by a cycle that starts up to a
     * tenth of an interval before it; otherwise a one-cycle grace period could slip to two.
     */
    private boolean reached(Instant due) {
        return !now.plus(in.config().interval().dividedBy(10)).isBefore(due);
    }
}
