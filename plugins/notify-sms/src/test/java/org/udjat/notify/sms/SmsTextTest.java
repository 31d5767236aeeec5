package org.udjat.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.udjat.api.Notice;
import org.udjat.testkit.NotifierContract;

class SmsTextTest {
    private static Notice notice(String severity, String subject, String... lines) {
        return new Notice("n", Instant.EPOCH, Notice.Kind.PAGE, Notice.Urgency.PAGE, severity, subject, List.of(lines),
                List.of(), null, "https://mon.example.org/", 3);
    }

    @Test
    void aPageFitsWholeInOneMessage() {
        assertEquals("DOWN: gw1 DOWN; 37 checks on 12 hosts behind it suppressed\n"
                + "gw1 DOWN for 2m: connection refused\n"
                + "db1/disk CRITICAL: / 97% used", SmsText.of(NotifierContract.samplePage(null), 160));
    }

    @Test
    void theLineThatDoesNotFitIsCutAndTheRestLeftOut() {
        String text = SmsText.of(NotifierContract.samplePage(null), 80);
        assertEquals("DOWN: gw1 DOWN; 37 checks on 12 hosts behind it suppressed\ngw1 DOWN for 2m: con…", text);
        assertEquals(80, SmsText.length(text));
    }

    @Test
    void aLongSubjectIsCutAndNoLineFollows() {
        assertEquals("CRITICAL: " + "s".repeat(9) + "…", SmsText.of(notice("CRITICAL", "s".repeat(50), "line"), 20));
    }

    @Test
    void charactersOutsideTheGsmSetCountOnceEach() {
        String text = SmsText.of(notice("WARNING", "日本 ✓ 🚨 disk", "ünïcödé line that is long"), 30);
        assertEquals("WARNING: 日本 ✓ 🚨 disk\nünïcödé…", text);
        assertEquals(29, SmsText.length(text), "the cut drops the blank before the …");
    }

    @Test
    void controlCharactersAndLineBreaksInsideATextBecomeOneSpace() {
        assertEquals("UNKNOWN: a b c\nd e", SmsText.of(notice("UNKNOWN", "a\u001b\u0007b\r\n\tc", " d \n e "), 160));
    }

    @Test
    void noSeverityMeansTheSubjectAlone() {
        assertEquals("udjat: 3 messages undelivered", SmsText.of(notice("", "udjat: 3 messages undelivered"), 160));
    }
}
