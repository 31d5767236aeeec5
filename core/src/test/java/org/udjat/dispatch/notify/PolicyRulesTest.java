package org.udjat.dispatch.notify;

import org.udjat.dispatch.Outgoing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.dispatch.notify.Incident.T0;
import static org.udjat.dispatch.notify.Incident.change;
import static org.udjat.dispatch.notify.Incident.who;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.udjat.api.Notice;
import org.udjat.api.Status;
import org.udjat.config.RouteSpec;
import org.udjat.dispatch.control.Downtime;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;

/** Routing, downtime, repeats, rate limits and summaries, one rule at a time. */
class PolicyRulesTest {

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** A check goes to {@code to} on {@code host} in the snapshot, with its change. */
    static Change check(Incident w, Instant t, String host, String check, String from, String to) {
        Status s = to.equals("OK") ? Status.OK : Status.valueOf(to);
        w.checkState(host, check, s, "out", null);
        return change(t, host, check, from, to, to.equals("OK") ? ChangeKind.RECOVERY : ChangeKind.PROBLEM, null, 0);
    }

    @Test
    void defaultRouting_warningsToLowChannelsOnly_criticalAlsoPagedAfterTheGrace() {
        Incident w = new Incident().host("db1").host("db2");
        assertEquals(List.of("mail>alice PROBLEM", "mail>bob PROBLEM", "mail>carol PROBLEM", "chat>room PROBLEM"),
                who(w.cycle(at(0), check(w, at(0), "db1", "disk", "OK", "WARNING"))));
        assertEquals(List.of(), w.cycle(at(1)), "a warning is never paged");

        w.cycle(at(2), check(w, at(2), "db2", "disk", "OK", "CRITICAL"));
        assertEquals(List.of("sms>alice PAGE"), who(w.cycle(at(3))));
        assertEquals("db2/disk CRITICAL", w.last.messages().get(0).notice().subject());
        assertEquals("https://mon.example.org/udjat/checks/db2/disk.html",
                w.last.messages().get(0).notice().items().get(0).link());
    }

    @Test
    void aWarningThatBecomesCriticalIsAnnouncedAgainAndPaged() {
        Incident w = new Incident().host("db1");
        w.cycle(at(0), check(w, at(0), "db1", "disk", "OK", "WARNING"));
        List<Outgoing> worse = w.cycle(at(5), check(w, at(5), "db1", "disk", "WARNING", "CRITICAL"));
        assertEquals(4, worse.size());
        assertEquals("db1/disk CRITICAL", worse.get(0).notice().subject());
        assertEquals(List.of("sms>alice PAGE"), who(w.cycle(at(6))));
    }

    @Test
    void routesBySeverityHostAndTag_everyMatchingRouteApplies() {
        Incident w = new Incident().host("db1", "prod").host("web1", "web").host("app1");
        w.routes.add(new RouteSpec(Set.of("CRITICAL"), List.of("db*"), List.of(), Set.of(), List.of("mail", "sms"),
                List.of("carol")));
        w.routes.add(new RouteSpec(Set.of(), List.of(), List.of(), Set.of("web", "prod"), List.of("chat"), List.of()));
        w.routes.add(new RouteSpec(Set.of("DOWN"), List.of(), List.of("host"), Set.of(), List.of("mail"), List.of()));

        assertEquals(List.of("mail>carol PROBLEM", "chat>room PROBLEM"),
                who(w.cycle(at(0), check(w, at(0), "db1", "disk", "OK", "CRITICAL"))));
        assertEquals(List.of("chat>room PROBLEM", "sms>alice PAGE"), who(w.cycle(at(1),
                check(w, at(1), "web1", "http", "OK", "WARNING"), check(w, at(1), "app1", "load", "OK", "WARNING"))),
                "web1 to chat by its tag, app1 nowhere, and db1/disk paged: a route to a page channel pages");
        w.hostState("app1", Status.CRITICAL, null);
        assertEquals(List.of("mail>alice PROBLEM", "mail>bob PROBLEM", "mail>carol PROBLEM"),
                who(w.cycle(at(3), change(at(3), "app1", null, "UP", "DOWN", ChangeKind.PROBLEM, null, 0))),
                "checks: [host] matches the host's own state");
        assertEquals(List.of(), w.cycle(at(5)), "no route pages app1");
    }

    @Test
    void nothingIsSentInDowntime_aHostDowntimeCoversItsChecks_andAProblemStillOpenAfterwardsIsAnnounced() {
        Incident w = new Incident().host("db1").host("db2");
        w.downtimes.add(new Downtime("d1", "db1", null, at(0), at(60), "ops", "upgrade"));
        w.downtimes.add(new Downtime("d2", "db2", "disk", at(0), at(60), "ops", "resize"));

        assertEquals(List.of(), w.cycle(at(1), check(w, at(1), "db1", "disk", "OK", "CRITICAL"),
                check(w, at(1), "db2", "disk", "OK", "CRITICAL")));
        assertEquals(List.of(), w.cycle(at(5)));
        assertEquals(Set.of("db1/disk", "db2/disk"), w.state.problems().keySet(), "still tracked");
        assertEquals(List.of(), w.cycle(at(10), check(w, at(10), "db2", "disk", "CRITICAL", "OK")),
                "nobody was told, so no recovery");

        List<Outgoing> after = w.cycle(at(60));
        assertEquals(List.of("mail>alice PROBLEM", "mail>bob PROBLEM", "mail>carol PROBLEM", "chat>room PROBLEM"),
                who(after));
        assertEquals("db1/disk CRITICAL", after.get(0).notice().subject());
        assertEquals(List.of("sms>alice PAGE"), who(w.cycle(at(61))));
    }

    @Test
    void aProblemAnnouncedThenInDowntime_recoversToEverybodyTold() {
        Incident w = new Incident().host("db1");
        w.cycle(at(0), check(w, at(0), "db1", "disk", "OK", "WARNING"));
        w.downtimes.add(new Downtime("d1", "db1", null, at(1), at(300), "ops", ""));
        assertEquals(List.of(), w.cycle(at(200)), "no repeat in downtime");
        assertEquals(4, w.cycle(at(250), check(w, at(250), "db1", "disk", "WARNING", "OK")).size());
    }

    @Test
    void aCheckRemovedFromTheConfigEndsItsProblem_fromTheSnapshot() {
        Incident w = new Incident().host("db1").host("db2");
        w.cycle(at(0), check(w, at(0), "db1", "disk", "OK", "WARNING"));
        w.remove("db1");
        List<Outgoing> gone = w.cycle(at(1));
        assertEquals(4, gone.size());
        assertEquals("db1/disk is no longer monitored (was WARNING)", gone.get(0).notice().subject());
        assertTrue(w.state.problems().isEmpty());
    }

    @Test
    void aProblemThatEndsWhileSuppressedStillRecoversToThoseTold() {
        Incident w = new Incident().host("db1");
        w.cycle(at(0), check(w, at(0), "db1", "postgres", "OK", "CRITICAL"));
        w.checkState("db1", "postgres", Status.CRITICAL, "out", "db1 DOWN");
        w.cycle(at(1), change(at(1), "db1", "postgres", "CRITICAL", "CRITICAL", ChangeKind.SUPPRESSION, "db1 DOWN", 0));
        assertFalse(who(w.last.messages()).contains("sms>alice PAGE"), "a suppressed problem is not paged");
        w.checkState("db1", "postgres", Status.OK, "fine", null);
        List<Outgoing> back = w.cycle(at(2), change(at(2), "db1", "postgres", "CRITICAL", "OK", ChangeKind.RECOVERY,
                "db1 DOWN", 0));
        assertEquals(List.of("mail>alice RECOVERY", "mail>bob RECOVERY", "mail>carol RECOVERY", "chat>room RECOVERY"),
                who(back));
    }

    @Test
    void aHardUnacknowledgedProblemIsRepeatedToThoseLastTold() {
        Incident w = new Incident().host("db1");
        w.cycle(at(0), check(w, at(0), "db1", "disk", "OK", "WARNING"));
        assertEquals(List.of(), w.cycle(at(119)));
        List<Outgoing> again = w.cycle(at(120));
        assertEquals(List.of("mail>alice REPEAT", "mail>bob REPEAT", "mail>carol REPEAT", "chat>room REPEAT"), who(again));
        assertEquals("still open: db1/disk still WARNING after 2h", again.get(0).notice().subject());
        assertEquals(List.of(), w.cycle(at(121)));
        assertEquals(4, w.cycle(at(240)).size());
        w.repeatEvery = null;
        assertEquals(List.of(), w.cycle(at(360)), "repeat_every: off");
    }

    @Test
    void oneMessagePerChannelAndRecipient_notOnePerChange() {
        Incident w = new Incident().host("db1").host("db2");
        List<Outgoing> sent = w.cycle(at(0), check(w, at(0), "db1", "disk", "OK", "WARNING"),
                check(w, at(0), "db1", "load", "OK", "CRITICAL"), check(w, at(0), "db2", "disk", "OK", "UNKNOWN"),
                check(w, at(0), "db2", "load", "OK", "WARNING"));
        assertEquals(List.of("mail>alice PROBLEM", "mail>bob PROBLEM", "mail>carol PROBLEM", "chat>room PROBLEM"),
                who(sent));
        Notice n = sent.get(0).notice();
        assertEquals("4 problems, worst CRITICAL: db1/load CRITICAL", n.subject());
        assertEquals(List.of("db1/load CRITICAL: broken: CRITICAL", "db1/disk WARNING: broken: WARNING",
                "db2/load WARNING: broken: WARNING", "db2/disk UNKNOWN: broken: UNKNOWN"), n.lines());
        assertEquals("CRITICAL", n.severity());
        assertEquals(4, n.items().size());
        Set<String> ids = new HashSet<>();
        sent.forEach(o -> ids.add(o.notice().id()));
        assertEquals(4, ids.size());
        assertEquals("20260301T100000Z-1-mail-alice", n.id());
    }

    @Test
    void threeHostsWithTheSameCheckInTheSameStateMakeOneLine_andLinesStopAtTheLimit() {
        Incident w = new Incident();
        w.summaryLines = 3;
        List<Change> changes = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            String h = String.format("db%02d", i);
            w.host(h);
            changes.add(check(w, at(0), h, "disk", "OK", "CRITICAL"));
        }
        w.host("web1").host("web2");
        changes.add(check(w, at(0), "web1", "http", "OK", "WARNING"));
        changes.add(check(w, at(0), "web2", "http", "OK", "WARNING"));
        changes.add(check(w, at(0), "web1", "load", "OK", "UNKNOWN"));
        changes.add(check(w, at(0), "web2", "swap", "OK", "WARNING"));

        Notice n = w.cycle(at(0), changes.toArray(Change[]::new)).get(0).notice();
        assertEquals(List.of("disk CRITICAL on 14 hosts: db01, db02, db03 +11 more", "web1/http WARNING: broken: WARNING",
                "web2/http WARNING: broken: WARNING", "+2 more"), n.lines());
        assertEquals(18, n.items().size());
        assertEquals("18 problems, worst CRITICAL: db01/disk CRITICAL", n.subject());
    }

    @Test
    void overTheRateLimitMessagesAreHeld_thenFoldedIntoOneDigestWhenTheWindowAllows() {
        Incident w = new Incident().host("db1").host("db2").host("db3").host("db4").limit("mail", 2, Duration.ofHours(1));
        w.routes.add(new RouteSpec(Set.of(), List.of(), List.of(), Set.of(), List.of("mail"), List.of("alice")));

        assertEquals(1, w.cycle(at(0), check(w, at(0), "db1", "disk", "OK", "WARNING")).size());
        assertEquals(1, w.cycle(at(10), check(w, at(10), "db2", "disk", "OK", "WARNING")).size());
        assertEquals(List.of(), w.cycle(at(20), check(w, at(20), "db3", "disk", "OK", "CRITICAL")));
        assertEquals(List.of("channel mail: rate limit of 2 per 60m reached; the message to alice is held back "
                + "(1 held, sent as one digest when the limit allows)"), w.last.notes());
        assertEquals(List.of(), w.cycle(at(30), check(w, at(30), "db4", "disk", "OK", "WARNING")));
        assertEquals(List.of(), w.cycle(at(59)));

        List<Outgoing> digest = w.cycle(at(60));
        assertEquals(List.of("mail>alice DIGEST"), who(digest));
        Notice d = digest.get(0).notice();
        assertEquals(2, d.folded());
        assertEquals("2 messages held back by the rate limit, worst CRITICAL: db3/disk CRITICAL", d.subject());
        assertEquals(List.of("db3/disk CRITICAL", "db4/disk WARNING"), d.lines());
        assertEquals(List.of(), w.cycle(at(61)));
    }

    @Test
    void aNewHostDownCutsThroughTheRateLimit_carryingWhatWasHeld() {
        Incident w = new Incident().host("db1").host("db2").host("gw1").limit("mail", 1, Duration.ofHours(1));
        w.routes.add(new RouteSpec(Set.of(), List.of(), List.of("*", "host"), Set.of(), List.of("mail"),
                List.of("bob")));

        assertEquals(1, w.cycle(at(0), check(w, at(0), "db1", "disk", "OK", "CRITICAL")).size());
        assertEquals(List.of(), w.cycle(at(5), check(w, at(5), "db2", "disk", "OK", "CRITICAL")),
                "a check's CRITICAL does not cut through");
        w.hostState("gw1", Status.CRITICAL, null);
        List<Outgoing> cut = w.cycle(at(6), change(at(6), "gw1", null, "UP", "DOWN", ChangeKind.PROBLEM, null, 0));
        assertEquals(List.of("mail>bob PROBLEM"), who(cut));
        Notice n = cut.get(0).notice();
        assertEquals(1, n.folded());
        assertEquals("gw1 DOWN", n.subject());
        assertEquals(List.of("gw1 DOWN: broken: DOWN", "Held back by the rate limit since 2026-03-01T10:05:00Z:",
                "db2/disk CRITICAL"), n.lines());
        assertTrue(n.text().contains("1 earlier message held back by a rate limit are included."));
        assertNotEquals(0, w.state.channels().get("mail").sent().size());
        assertTrue(w.state.channels().get("mail").held().isEmpty());
    }
}
