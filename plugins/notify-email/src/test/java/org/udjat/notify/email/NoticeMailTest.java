package org.udjat.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

class NoticeMailTest {

    @Test
    void theSubjectIsOneLineWithoutControlCharacters() {
        String s = NoticeMail.subject("[udjat] ", "web1 CRITICAL\r\nBcc: all@example.org\u001b[31m\u0007 red");
        assertEquals("[udjat] web1 CRITICAL Bcc: all@example.org[31m red", s);
    }

    @Test
    void aLongSubjectIsCutAt200Characters() {
        String s = NoticeMail.subject("[udjat] ", "x".repeat(500));
        assertEquals(200, s.codePointCount(0, s.length()));
        assertTrue(s.endsWith("x…"), s);
    }

    @Test
    void bodyLinesAreCappedAndKeepOnlyTabsAndLineEnds() {
        String body = NoticeMail.body("a\u001b[2Jb\tc\n" + "y".repeat(5000) + "\nlast\n");
        String[] lines = body.split("\n");
        assertEquals("a[2Jb\tc", lines[0]);
        assertEquals(NoticeMail.MAX_LINE, lines[1].length());
        assertEquals("last", lines[2]);
    }

    @Test
    void aBodyOfManyLinesSaysHowManyAreNotShown() {
        String body = NoticeMail.body("line\n".repeat(NoticeMail.MAX_LINES + 7));
        assertTrue(body.endsWith("line\n(7 more lines not shown)\n"), body.substring(body.length() - 60));
    }

    @Test
    void theMessageIdComesFromTheNoticeIdAndTheSendersDomain() throws Exception {
        InternetAddress from = new InternetAddress("Udjat <udjat@mon.example.org>");
        assertEquals("<udjat.contract-page-1@mon.example.org>", NoticeMail.messageId("contract-page-1", from));
        String hashed = NoticeMail.messageId("id with <angle> and\r\nline", from);
        assertTrue(hashed.matches("<udjat\\.[0-9a-f]{32}@mon\\.example\\.org>"), hashed);
        assertEquals(hashed, NoticeMail.messageId("id with <angle> and\r\nline", from));
        assertFalse(hashed.equals(NoticeMail.messageId("id with <angle> and line", from)));
    }
}
