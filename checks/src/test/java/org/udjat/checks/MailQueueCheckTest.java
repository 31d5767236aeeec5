package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;
import static org.udjat.testkit.Fixtures.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

class MailQueueCheckTest {
    private final MailQueueCheck check = new MailQueueCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "mailq/postfix-three.txt              | 3      | 12288 | MAILQ OK - 3 messages (12 KiB) in the Postfix queue",
        "mailq/postfix-one.txt                | 1      | 0     | MAILQ OK - 1 message in the Postfix queue",
        "mailq/postfix-empty.txt              | 0      | 0     | MAILQ OK - the Postfix queue is empty",
        "mailq/exim-seventeen.txt             | 17     | -     | MAILQ OK - 17 messages in the Exim queue",
        // three envelopes of two messages: 1a2b3c4d has two recipients
        "mailq/opensmtpd-three-envelopes.txt  | 2      | -     | MAILQ OK - 2 messages in the OpenSMTPD queue",
        "mailq/opensmtpd-empty.txt            | 0      | -     | MAILQ OK - the OpenSMTPD queue is empty",
        "mailq/sendmail-three.txt             | 3      | -     | MAILQ OK - 3 messages in the Sendmail queue",
        "mailq/sendmail-empty.txt             | 0      | -     | MAILQ OK - the Sendmail queue is empty",
        "mailq/sendmail-multi-queue.txt       | 1      | -     | MAILQ OK - 1 message in the Sendmail queue",
        "mailq/dma-two.txt                    | 2      | -     | MAILQ OK - 2 messages in the dma queue",
        "mailq/dma-empty.txt                  | 0      | -     | MAILQ OK - the mail queue (mailq) is empty",
        // 282 + 1418 bytes
        "mailq/nullmailer.txt                 | 2      | 1700  | MAILQ OK - 2 messages (1.7 KiB) in the nullmailer queue",
    })
    void readsEachMtasReport(String fixture, long messages, Long bytes, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(Status.OK, o.status());
        assertEquals(summary, o.summary());
        assertEquals(new PerfDatum("queue", messages, "", null, null, 0.0, null), o.perfData().get(0));
        if (bytes == null) {
            assertEquals(1, o.perfData().size());
        } else {
            assertEquals(new PerfDatum("size", bytes, "B", null, null, 0.0, null), o.perfData().get(1));
        }
    }

    @Test
    void largeQueuesAndWhatTheMtaSaidBesides() {
        CheckOutcome o = check.parse(raw("mailq/postfix-100k-system-down.txt"), options("warn", 1000, "crit", 10000));
        assertEquals(Status.CRITICAL, o.status());
        // 1234567 KiB = 1264196608 B
        assertEquals("MAILQ CRITICAL - 100000 messages (1.2 GiB) in the Postfix queue - queue triggers crit \"10000\"",
                o.summary());
        assertEquals("postqueue: warning: Mail system is down -- accessing queue directly", o.longOutput());
        assertEquals(1264196608.0, o.perfData().get(1).value());
        assertEquals("1000", o.perfData().get(0).warn().text());
        o = check.parse(raw("mailq/exim-100k.txt"), options("warn", 1000));
        assertEquals("MAILQ WARNING - 100000 messages in the Exim queue - queue triggers warn \"1000\"", o.summary());
        o = check.parse(raw("mailq/opensmtpd-three-envelopes.txt"), Settings.empty());
        assertEquals("3 envelopes (one per recipient)", o.longOutput());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mailq/postfix-fatal.txt            | MAILQ UNKNOWN - Postfix: postqueue: fatal: Queue report unavailable"
                + " - mail system is down",
        "mailq/exim-permission-denied.txt   | MAILQ UNKNOWN - Exim: exim: permission denied",
        "mailq/exim-4.97-not-admin.txt      | MAILQ UNKNOWN - Exim: exim: permission denied; not admin",
        "mailq/opensmtpd-not-root.txt       | MAILQ UNKNOWN - OpenSMTPD: smtpctl: need root privileges",
        "mailq/sendmail-restricted.txt      | MAILQ UNKNOWN - mailq: You are not permitted to see the queue",
        "mailq/garbage.txt                  | MAILQ UNKNOWN - could not read the output: no line says which MTA was found",
        "mailq/empty.txt                    | MAILQ UNKNOWN - could not read the output: no line says which MTA was found",
    })
    void complaintsAndUnreadableOutputAreUnknownWithTheRawText(String fixture, String summary) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, options("warn", 10));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals(summary, o.summary());
        assertEquals(raw.text(), o.longOutput());
        assertEquals(List.of(), o.perfData());
    }

    @Test
    void noMtaNamesWhatWasLookedFor() {
        CheckOutcome o = check.parse(raw("mailq/debian12-no-mta.txt"), Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("MAILQ UNKNOWN - no mail transfer agent found: looked for postqueue (Postfix), exim and exim4 (Exim),"
                + " smtpctl (OpenSMTPD) and mailq (Sendmail, dma, nullmailer) in PATH, /usr/local/sbin, /usr/sbin and /sbin",
                o.summary());
    }

    @Test
    void anEmptyOpenSmtpdListingCountsOnlyWhenSmtpctlSucceeded() {
        CheckOutcome o = check.parse(new RawOutput("udjat-mta: opensmtpd\n", 1, false), Settings.empty());
        assertEquals("MAILQ UNKNOWN - OpenSMTPD: smtpctl show queue failed with exit code 1", o.summary());
    }

    /** An OpenSMTPD listing of {@code n} one-recipient messages, cut in the middle of the next line. */
    private static RawOutput cutListing(int n) {
        StringBuilder b = new StringBuilder("udjat-mta: opensmtpd\n");
        for (int i = 0; i < n; i++) {
            b.append(String.format("%08x00000001|local|mta||root@a.example|u@b.example|u@b.example|1700000000|1700864000|0|0"
                    + "|pending|60|\n", i));
        }
        b.append("000f4240000000");
        // the cap kills smtpctl, so its exit code is not 0
        return new RawOutput(b.toString(), 153, true);
    }

    @ParameterizedTest(name = "warn {0} crit {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-      | ~:1000  | CRITICAL | MAILQ CRITICAL - at least 1500 messages in the OpenSMTPD queue"
                + " - queue triggers crit \"~:1000\"",
        "100    | -       | WARNING  | MAILQ WARNING - at least 1500 messages in the OpenSMTPD queue"
                + " - queue triggers warn \"100\"",
        "-      | -       | OK       | MAILQ OK - at least 1500 messages in the OpenSMTPD queue",
        "10:    | @0:5    | OK       | MAILQ OK - at least 1500 messages in the OpenSMTPD queue",
        "1000   | 5000    | UNKNOWN  | MAILQ UNKNOWN - OpenSMTPD: the listing was cut at the output cap after 1500 messages;"
                + " the total is not known",
    })
    void aCutListingIsALowerBoundThatDecidesOnlyWhenEveryLargerCountAgrees(String warn, String crit, Status status,
            String summary) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (warn != null) {
            map.put("warn", warn);
        }
        if (crit != null) {
            map.put("crit", crit);
        }
        CheckOutcome o = check.parse(cutListing(1500), Settings.of(map));
        assertEquals(status, o.status());
        assertEquals(summary, o.summary());
        assertEquals(List.of(), o.perfData());
        if (status != Status.UNKNOWN) {
            assertEquals("the listing was cut at the output cap after 1500 messages\n1500 envelopes (one per recipient)",
                    o.longOutput());
        }
    }

    @Test
    void aCutSendmailListingStillHasItsHeaderCount() {
        RawOutput cut = new RawOutput("udjat-mta: mailq\n\t\t/var/spool/mqueue (100000 requests)\n"
                + "-----Q-ID----- --Size-- -----Q-Time----- ------------Sender/Recipient-----------\n"
                + "xAE3Lq0E000931     1043 Thu Nov 14 03:21 MAILER-DAEMON\n   (Deferred: Conn", 0, true);
        CheckOutcome o = check.parse(cut, options("crit", 1000));
        assertEquals("MAILQ CRITICAL - at least 100000 messages in the Sendmail queue - queue triggers crit \"1000\"",
                o.summary());
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // every count from the lower bound up alerts, none does, or it depends
        "~:10    | 11   | CRITICAL",
        "~:10    | 10   | UNKNOWN",
        "10      | 3    | UNKNOWN",
        "10:     | 3    | UNKNOWN",
        "10:     | 10   | OK",
        "@10:    | 10   | CRITICAL",
        "@10:    | 9    | UNKNOWN",
        "@0:10   | 11   | OK",
        "@0:10   | 10   | UNKNOWN",
    })
    void statusOfALowerBound(String crit, long least, Status expected) {
        Thresholds t = new Thresholds(null, Threshold.parse(crit, Set.of(Quantity.NUMBER)));
        assertEquals(expected, MailQueueCheck.statusFrom(t, least));
    }

    @Test
    void oneCommandForEveryPlatformThatFindsTheMtaItself() {
        for (Platform p : Platform.values()) {
            assertEquals(Optional.of(MailQueueCheck.COMMAND), check.command(p, Settings.empty()), p.key());
        }
        String c = MailQueueCheck.COMMAND;
        assertTrue(c.startsWith("PATH=\"$PATH:/usr/local/sbin:/usr/sbin:/sbin\"; if command -v postqueue"), c);
        assertTrue(c.indexOf("postqueue") < c.indexOf("exim") && c.indexOf("exim") < c.indexOf("smtpctl")
                && c.indexOf("smtpctl") < c.indexOf("mailq;"), c);
        assertTrue(c.contains("postqueue -p | tail -n 1;"), c);
    }

    @Test
    void validateAndOptions() {
        assertEquals(List.of(new ConfigProblem("warn", "expected a range like \"4\", \"10:20\", got \"5min\"")),
                check.validate(options("warn", "5min")));
        CheckOutcome o = check.parse(raw("mailq/exim-seventeen.txt"), options("crit", "lots"));
        assertEquals("MAILQ UNKNOWN - bad options: crit: expected a range like \"4\", \"10:20\", got \"lots\"", o.summary());
        assertEquals("mailq", check.name());
        assertEquals(Set.of("warn", "crit"), check.optionNames());
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("udjat-mta: ", "udjat-mta: postfix\n-- 999999999999999999999 Kbytes in 1 Requests.",
                "udjat-mta: exim\n99999999999999999", "udjat-mta: mailq\n\t\tTotal requests: 99999999999999999999",
                "udjat-mta: opensmtpd\nzzzzzzzzzzzzzzzz|", "udjat-mta: \0", "udjat-mta: mailq\nID :\n",
                "udjat-mta: mailq\n" + "x".repeat(10_000))) {
            CheckOutcome o = check.parse(text(s), options("warn", 10));
            assertTrue(o.summary().startsWith("MAILQ "), s);
        }
    }
}
