package org.udjat.dispatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.udjat.dispatch.notify.Incident.T0;
import static org.udjat.dispatch.notify.Incident.who;
import static org.udjat.dispatch.notify.PolicyRulesTest.at;
import static org.udjat.dispatch.notify.PolicyRulesTest.check;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.udjat.api.Notice;
import org.udjat.dispatch.Outgoing;
import org.udjat.dispatch.control.Ack;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.StateType;

/**
 * What the policy does with the remediation engine's lines: one line each on the low channels; a
 * refusal at the limit or a failed action paged at once to the person on duty (alice), even for a
 * problem that routing would not page, then escalated like any page; nothing paged when acknowledged.
 */
class RemediationNoticeTest {

    private static Change remedy(Instant t, String to, String line) {
        return new Change(t, "db1", "orders", "WARNING", to, line, ChangeKind.REMEDIATION, StateType.HARD, 0, 0, false,
                null, 0, List.of(), null, List.of());
    }

    @Test
    void anActionIsOneLineOnTheLowChannels_neverPaged() {
        Incident w = new Incident().host("db1");
        w.cycle(at(0), check(w, at(0), "db1", "orders", "OK", "WARNING"));

        List<Outgoing> sent = w.cycle(at(2), remedy(at(2), "RESTARTED", "restarted orders on db1 (2nd time in 20m)"));
        assertEquals(List.of("mail>alice NOTICE", "mail>bob NOTICE", "mail>carol NOTICE", "chat>room NOTICE"), who(sent));
        Notice notice = sent.get(3).notice();
        assertEquals("restarted orders on db1 (2nd time in 20m)", notice.subject());
        assertEquals(List.of("restarted orders on db1 (2nd time in 20m)"), notice.lines());
        assertEquals(Notice.Urgency.LOW, notice.urgency());
        assertEquals("REMEDIATION", notice.items().get(0).change());
        assertEquals("RESTARTED", notice.items().get(0).to());
    }

    @Test
    void aRefusalAtTheLimit_isPagedAtOnceToThePersonOnDuty_andEscalatesWhenNotAcknowledged() {
        Incident w = new Incident().host("db1");
        w.cycle(at(0), check(w, at(0), "db1", "orders", "OK", "WARNING"));
        String line = "limit reached: not restarting orders on db1, 5 actions in 20m \u2014 needs a human";

        List<Outgoing> sent = w.cycle(at(7), remedy(at(7), "REFUSED", line));
        assertEquals(List.of("mail>alice NOTICE", "mail>bob NOTICE", "mail>carol NOTICE", "chat>room NOTICE",
                "sms>alice PAGE"), who(sent));
        Notice page = sent.get(4).notice();
        assertEquals(Notice.Urgency.PAGE, page.urgency());
        assertEquals(line, page.subject());
        assertEquals(List.of(), w.cycle(at(8)));
    }

    @Test
    void aRefusalForACriticalProblem_countsAsItsPage_soItEscalatesWhenNotAcknowledged() {
        Incident w = new Incident().host("db1");
        w.cycle(at(0), check(w, at(0), "db1", "orders", "OK", "CRITICAL"));
        Change refusal = new Change(at(0), "db1", "orders", "CRITICAL", "REFUSED", "limit reached", ChangeKind.REMEDIATION,
                StateType.HARD, 0, 0, false, null, 0, List.of(), null, List.of());

        assertEquals(List.of("mail>alice NOTICE", "mail>bob NOTICE", "mail>carol NOTICE", "chat>room NOTICE",
                "sms>alice PAGE"), who(w.cycle(at(0), refusal)));
        assertEquals(List.of(), w.cycle(at(1)), "already paged: the grace page is not sent again");
        assertEquals(List.of("sms>alice ESCALATION", "sms>bob ESCALATION"), who(w.cycle(at(5))));
    }

    @Test
    void aFailedAction_isPagedToo_butNotWhenTheProblemIsAcknowledged() {
        Incident w = new Incident().host("db1");
        w.cycle(at(0), check(w, at(0), "db1", "orders", "OK", "WARNING"));
        assertEquals("sms>alice PAGE", who(w.cycle(at(3), remedy(at(3), "FAILED",
                "could not restart orders on db1: exit 5: Unit orders.service not found."))).get(4));

        Incident acked = new Incident().host("db1");
        acked.cycle(at(0), check(acked, at(0), "db1", "orders", "OK", "WARNING"));
        acked.acks.add(new Ack("1", List.of("db1/orders"), "bob", "on it", T0, at(30)));
        assertEquals(List.of("mail>alice NOTICE", "mail>bob NOTICE", "mail>carol NOTICE", "chat>room NOTICE"),
                who(acked.cycle(at(3), remedy(at(3), "FAILED", "could not restart orders on db1: exit 5"))));
    }
}
