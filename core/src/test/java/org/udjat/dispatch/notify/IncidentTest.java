package org.udjat.dispatch.notify;

import org.udjat.dispatch.Outgoing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.dispatch.notify.Incident.T0;
import static org.udjat.dispatch.notify.Incident.change;
import static org.udjat.dispatch.notify.Incident.who;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.udjat.api.Notice;
import org.udjat.api.Status;
import org.udjat.dispatch.control.Ack;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;

/**
 * The scripted incident of the issue, cycle by cycle at the policy: the router gw1 goes down with
 * 40 dependents behind it (10 hosts, 30 checks); alice is on duty; the escalation list is alice and
 * bob; carol reads email only.
 */
class IncidentTest {
    static final String ROOT = "gw1 DOWN; 30 checks on 10 hosts behind it suppressed";
    static final String[] CHECKS = {"disk", "load", "http"};

    static Incident world() {
        Incident w = new Incident().host("gw1", "core");
        for (int i = 1; i <= 10; i++) {
            String h = String.format("h%02d", i);
            w.host(h, "prod");
            for (String c : CHECKS) {
                w.checkState(h, c, Status.OK, "fine", null);
            }
        }
        return w;
    }

    /** gw1 goes down: the snapshot and the 41 changes of that cycle (40 of them suppressed). */
    static Change[] routerDown(Incident w, Instant t) {
        List<Change> changes = new ArrayList<>();
        w.hostState("gw1", Status.CRITICAL, null);
        changes.add(change(t, "gw1", null, "UP", "DOWN", ChangeKind.PROBLEM, null, 40));
        for (int i = 1; i <= 10; i++) {
            String h = String.format("h%02d", i);
            w.hostState(h, Status.CRITICAL, "gw1 DOWN");
            changes.add(change(t, h, null, "UP", "UNREACHABLE", ChangeKind.PROBLEM, "gw1 DOWN", 0));
            for (String c : CHECKS) {
                w.checkState(h, c, Status.CRITICAL, "timeout", "gw1 DOWN");
                changes.add(change(t, h, c, "OK", "CRITICAL", ChangeKind.PROBLEM, "gw1 DOWN", 0));
            }
        }
        return changes.toArray(Change[]::new);
    }

    static Change[] routerBack(Incident w, Instant t) {
        List<Change> changes = new ArrayList<>();
        w.hostState("gw1", Status.OK, null);
        changes.add(change(t, "gw1", null, "DOWN", "UP", ChangeKind.RECOVERY, null, 0));
        for (int i = 1; i <= 10; i++) {
            String h = String.format("h%02d", i);
            w.hostState(h, Status.OK, null);
            changes.add(change(t, h, null, "UNREACHABLE", "UP", ChangeKind.RECOVERY, "gw1 DOWN", 0));
            for (String c : CHECKS) {
                w.checkState(h, c, Status.OK, "fine", null);
                changes.add(change(t, h, c, "CRITICAL", "OK", ChangeKind.RECOVERY, "gw1 DOWN", 0));
            }
        }
        return changes.toArray(Change[]::new);
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    @Test
    void routerDown_oneSummaryPerRecipient_onePageAfterGrace_escalationAfterFiveMinutes_recoveryToAllTold() {
        Incident w = world();

        List<Outgoing> first = w.cycle(at(0), routerDown(w, at(0)));
        assertEquals(List.of("mail>alice PROBLEM", "mail>bob PROBLEM", "mail>carol PROBLEM", "chat>room PROBLEM"),
                who(first));
        Notice mail = first.get(0).notice();
        assertEquals(ROOT, mail.subject());
        assertEquals(List.of("gw1 DOWN: broken: DOWN; 30 checks on 10 hosts behind it suppressed"), mail.lines());
        assertEquals("DOWN", mail.severity());
        assertEquals(Notice.Urgency.LOW, mail.urgency());
        assertEquals(41, mail.items().size(), "the root cause and its 40 suppressed dependents");
        assertEquals(40, mail.items().get(0).suppressed());
        assertEquals("https://mon.example.org/udjat/hosts/gw1.html", mail.items().get(0).link());
        assertEquals("gw1 DOWN", mail.items().get(1).rootCause());
        assertEquals("https://mon.example.org/udjat/index.html", mail.reportUrl());
        assertEquals("alice", mail.recipient().name());
        assertNull(first.get(3).notice().recipient());

        assertEquals(List.of(), w.cycle(at(0).plusSeconds(50)), "the grace period is not over");

        // a cycle cron started 3 s early still counts as the one the grace period ends at
        List<Outgoing> page = w.cycle(at(1).minusSeconds(3));
        assertEquals(List.of("sms>alice PAGE"), who(page));
        assertEquals(ROOT, page.get(0).notice().subject());
        assertEquals(Notice.Urgency.PAGE, page.get(0).notice().urgency());

        for (int m = 2; m <= 5; m++) {
            assertEquals(List.of(), w.cycle(at(m)), "minute " + m);
        }
        List<Outgoing> escalation = w.cycle(at(6));
        assertEquals(List.of("sms>alice ESCALATION", "sms>bob ESCALATION"), who(escalation));
        assertEquals("ESCALATED, not acknowledged: " + ROOT, escalation.get(1).notice().subject());
        assertEquals(List.of("gw1 DOWN not acknowledged 5m after it was paged: paging everybody on the escalation list",
                "gw1 DOWN: broken: DOWN; 30 checks on 10 hosts behind it suppressed"), escalation.get(1).notice().lines());
        assertEquals(List.of(), w.cycle(at(7)), "one escalation per page");

        List<Outgoing> recovery = w.cycle(at(10), routerBack(w, at(10)));
        assertEquals(List.of("mail>alice RECOVERY", "mail>bob RECOVERY", "mail>carol RECOVERY", "chat>room RECOVERY",
                "sms>alice RECOVERY", "sms>bob RECOVERY"), who(recovery));
        assertEquals("gw1 UP after 10m (was DOWN)", recovery.get(0).notice().subject());
        assertEquals("UP", recovery.get(0).notice().severity());
        assertTrue(w.state.problems().isEmpty());
        assertEquals(List.of(), w.cycle(at(11)));
    }

    @Test
    void anAckInTheGracePeriodWithdrawsThePage_andSaysSo_andItsExpiryPagesAgain() {
        Incident w = world();
        w.cycle(at(0), routerDown(w, at(0)));
        w.acks.add(new Ack("a1", List.of("gw1"), "bob", "on it", at(0).plusSeconds(30), at(30).plusSeconds(30)));

        List<Outgoing> withdrawn = w.cycle(at(1));
        assertEquals(List.of("mail>alice WITHDRAWN", "mail>bob WITHDRAWN", "mail>carol WITHDRAWN", "chat>room WITHDRAWN"),
                who(withdrawn));
        assertEquals("page for gw1 DOWN withdrawn: acknowledged by bob", withdrawn.get(0).notice().subject());
        for (int m = 2; m <= 30; m++) {
            assertEquals(List.of(), w.cycle(at(m)), "minute " + m + ": acknowledged, nothing is paged or escalated");
        }
        List<Outgoing> again = w.cycle(at(31));
        assertEquals(List.of("sms>alice PAGE"), who(again));
        assertEquals(List.of("gw1 DOWN paged again: its acknowledgement expired",
                "gw1 DOWN: broken: DOWN; 30 checks on 10 hosts behind it suppressed"), again.get(0).notice().lines());
        assertEquals(List.of("sms>alice ESCALATION", "sms>bob ESCALATION"), who(w.cycle(at(36))));
    }

    @Test
    void anAckAfterThePageIsToldToThosePagedOnce_andStopsTheEscalation() {
        Incident w = world();
        w.cycle(at(0), routerDown(w, at(0)));
        assertEquals(List.of("sms>alice PAGE"), who(w.cycle(at(1))));
        w.acks.add(new Ack("a1", List.of("gw1", "h01"), "alice", "", at(2), at(32)));

        List<Outgoing> told = w.cycle(at(3));
        assertEquals(List.of("sms>alice ACKNOWLEDGED"), who(told));
        assertEquals("gw1 DOWN acknowledged by alice", told.get(0).notice().subject());
        assertEquals(List.of(), w.cycle(at(6)));
        assertEquals(List.of(), w.cycle(at(7)));
    }

    @Test
    void aRecoveryInTheGracePeriodWithdrawsThePage_inTheRecoveryMessage() {
        Incident w = world();
        w.cycle(at(0), routerDown(w, at(0)));

        List<Outgoing> back = w.cycle(at(1), routerBack(w, at(1)));
        assertEquals(List.of("mail>alice RECOVERY", "mail>bob RECOVERY", "mail>carol RECOVERY", "chat>room RECOVERY"),
                who(back));
        assertEquals(List.of("gw1 UP after 60s (was DOWN): fine", "page for gw1 DOWN withdrawn: recovered after 60s"),
                back.get(0).notice().lines());
        assertEquals(List.of(), w.cycle(at(2)));
    }

    @Test
    void nobodyOnDuty_thePageGoesToTheEscalationList_andSaysSo_withoutASecondEscalation() {
        Incident w = world();
        w.duty = java.util.Optional.empty();
        w.cycle(at(0), routerDown(w, at(0)));

        List<Outgoing> page = w.cycle(at(1));
        assertEquals(List.of("sms>alice PAGE", "sms>bob PAGE"), who(page));
        assertEquals(List.of("nobody is on duty: paging the escalation list (alice, bob)",
                "gw1 DOWN: broken: DOWN; 30 checks on 10 hosts behind it suppressed"), page.get(0).notice().lines());
        assertEquals(List.of("page for gw1 DOWN: nobody is on duty (udjat duty take NAME); paged the escalation list"),
                w.last.notes());
        assertEquals(List.of(), w.cycle(at(6)));
    }
}
