package org.udjat.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Contact;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Settings;
import org.udjat.testkit.NotifierContract;

/** Sends to a real SMTP server (GreenMail, plain SMTP on 127.0.0.1) and reads what arrived. */
class EmailDeliveryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final EmailNotifier NOTIFIER = new EmailNotifier(Map.of("SMTP_PASSWORD", Mailbox.PASSWORD,
            "WRONG_PASSWORD", "not it"));
    private Mailbox mailbox;

    @BeforeEach
    void start() {
        mailbox = Mailbox.smtp();
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    private Settings options(Object... pairs) {
        return TestSettings.of(Map.of("smtp_host", "127.0.0.1", "smtp_port", mailbox.port(),
                "tls", "none", "from", "Udjat <udjat@mon.example.org>", "username", Mailbox.USER,
                "password_env", "SMTP_PASSWORD"), pairs);
    }

    private static Notice lowNotice(Contact to, String subject) {
        return new Notice("low-1", Instant.parse("2026-12-01T03:04:05Z"), Notice.Kind.PROBLEM, Notice.Urgency.LOW,
                "WARNING", subject, List.of("db1/disk WARNING: / 91% used"), List.of(), to, null, 0);
    }

    private MimeMessage only() {
        List<MimeMessage> got = mailbox.received();
        assertEquals(1, got.size(), "messages received");
        return got.get(0);
    }

    @Test
    void thePasswordFromAnEnvironmentVariableLogsIn() throws Exception {
        Delivery d = NOTIFIER.send(NotifierContract.samplePage(NotifierContract.alice()), options(), TIMEOUT);
        assertEquals(Delivery.ok(), d);
        MimeMessage m = only();
        assertEquals("[udjat] gw1 DOWN; 37 checks on 12 hosts behind it suppressed", m.getSubject());
        assertEquals(List.of(new InternetAddress("alice@example.org")), List.of(m.getRecipients(MimeMessage.RecipientType.TO)));
        assertEquals(new InternetAddress("Udjat <udjat@mon.example.org>"), m.getFrom()[0]);
    }

    @Test
    void thePasswordFromAFileLogsInWithoutItsTrailingNewline(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("smtp.pw"), Mailbox.PASSWORD + "\n");
        Delivery d = NOTIFIER.send(lowNotice(NotifierContract.alice(), "db1 WARNING"),
                options("password_env", null, "password_file", file.toString()), TIMEOUT);
        assertEquals(Delivery.ok(), d);
        assertEquals("[udjat] db1 WARNING", only().getSubject());
    }

    @Test
    void aWrongPasswordIsRejectedNamingTheUser() {
        Delivery d = NOTIFIER.send(lowNotice(NotifierContract.alice(), "x"), options("password_env", "WRONG_PASSWORD"), TIMEOUT);
        assertFalse(d.delivered());
        assertFalse(d.retry(), "a wrong password does not get right by waiting: " + d);
        assertTrue(d.reason().startsWith("SMTP authentication failed for user udjat at 127.0.0.1:" + mailbox.port() + ": 535"),
                d.reason());
        assertFalse(d.reason().contains("not it"), "the password is never in a reason");
        assertEquals(List.of(), mailbox.received());
    }

    @Test
    void aMissingPasswordVariableIsRejectedNamingIt() {
        Delivery d = NOTIFIER.send(lowNotice(NotifierContract.alice(), "x"), options("password_env", "UNSET_VARIABLE"), TIMEOUT);
        assertEquals(Delivery.rejected("password_env: the environment variable UNSET_VARIABLE is not set or empty"), d);
    }

    @Test
    void aMissingPasswordFileIsRejectedNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.pw");
        Delivery d = NOTIFIER.send(lowNotice(NotifierContract.alice(), "x"),
                options("password_env", null, "password_file", missing.toString()), TIMEOUT);
        assertEquals(Delivery.rejected("password_file: cannot read " + missing + " (NoSuchFileException)"), d);
    }

    @Test
    void hostileTextGivesAOneLineSubjectAndNoExtraHeaders() throws Exception {
        Notice hostile = lowNotice(NotifierContract.alice(), "web1 CRITICAL\r\nBcc: everyone@example.org\r\n\r\nforged body\u001b[31m");
        assertEquals(Delivery.ok(), NOTIFIER.send(hostile, options(), TIMEOUT));
        MimeMessage m = only();
        assertEquals("[udjat] web1 CRITICAL Bcc: everyone@example.org forged body[31m", m.getSubject());
        assertNull(m.getHeader("Bcc"));
        assertEquals(1, m.getAllRecipients().length);
        assertEquals(List.of(), mailbox.inbox("everyone@example.org"));
        String source = Mailbox.source(m).replace("\r\n", "\n");
        String headers = source.substring(0, source.indexOf("\n\n"));
        assertEquals(1, headers.lines().filter(l -> l.startsWith("Subject:")).count(), headers);
        assertFalse(headers.contains("\nBcc:"), headers);
        assertFalse(headers.contains("forged body\n"), headers);
    }

    @Test
    void theHeadersSayWhatTheMessageIsAndAPageIsUrgent() throws Exception {
        assertEquals(Delivery.ok(), NOTIFIER.send(NotifierContract.samplePage(NotifierContract.alice()), options(), TIMEOUT));
        MimeMessage page = only();
        assertEquals("auto-generated", page.getHeader("Auto-Submitted", null));
        assertEquals("PAGE", page.getHeader("X-Udjat-Kind", null));
        assertEquals("DOWN", page.getHeader("X-Udjat-Severity", null));
        assertEquals("contract-page-1", page.getHeader("X-Udjat-Id", null));
        assertEquals("1", page.getHeader("X-Priority", null));
        assertEquals("high", page.getHeader("Importance", null));
        assertEquals("<udjat.contract-page-1@mon.example.org>", page.getMessageID());
        assertEquals(Instant.parse("2026-12-01T03:04:05Z"), page.getSentDate().toInstant());
        assertTrue(page.getContentType().startsWith("text/plain; charset=UTF-8"), page.getContentType());
        String body = (String) page.getContent();
        assertTrue(body.contains("db1/disk CRITICAL: / 97% used"), body);
        assertTrue(body.contains("https://mon.example.org/"), body);
    }

    @Test
    void aLowUrgencyMessageHasNoPriorityHeaders() throws Exception {
        assertEquals(Delivery.ok(), NOTIFIER.send(lowNotice(NotifierContract.alice(), "db1 WARNING"), options(), TIMEOUT));
        MimeMessage m = only();
        assertNull(m.getHeader("X-Priority"));
        assertNull(m.getHeader("Importance"));
        assertEquals("PROBLEM", m.getHeader("X-Udjat-Kind", null));
    }

    @Test
    void aRetryOfTheSameNoticeIsTheSameMessage() throws Exception {
        Notice n = NotifierContract.samplePage(NotifierContract.alice());
        assertEquals(Delivery.ok(), NOTIFIER.send(n, options(), TIMEOUT));
        assertEquals(Delivery.ok(), NOTIFIER.send(n, options(), TIMEOUT));
        assertEquals(Delivery.ok(), NOTIFIER.send(n.to(NotifierContract.alice(), "another-id"), options(), TIMEOUT));
        List<MimeMessage> got = mailbox.received();
        assertEquals(3, got.size());
        assertEquals(got.get(0).getMessageID(), got.get(1).getMessageID());
        assertEquals("<udjat.another-id@mon.example.org>", got.get(2).getMessageID());
    }

    @Test
    void aRecipientWithoutAnEmailAddressIsRejected() {
        Contact bob = new Contact("bob", null, "+15550101", Map.of());
        assertEquals(Delivery.rejected("bob has no email address"), NOTIFIER.send(lowNotice(bob, "x"), options(), TIMEOUT));
        assertEquals(Delivery.rejected("the notice has no recipient and the channel has no to: list"),
                NOTIFIER.send(lowNotice(null, "x"), options(), TIMEOUT));
        Contact carol = new Contact("carol", "carol@example.org\r\nBcc: x@example.org", null, Map.of());
        assertEquals(Delivery.rejected("carol's email address \"carol@example.org??Bcc: x@example.org\" is not a valid email address"),
                NOTIFIER.send(lowNotice(carol, "x"), options(), TIMEOUT));
        assertEquals(List.of(), mailbox.received());
    }

    @Test
    void aToListSendsToEveryAddressAndIgnoresTheRecipient() throws Exception {
        Settings group = options("to", List.of("ops@example.org", "Oncall <oncall@example.org>"));
        assertFalse(NOTIFIER.addressesPeople(group));
        assertTrue(NOTIFIER.addressesPeople(options()));
        Contact bob = new Contact("bob", null, null, Map.of());
        assertEquals(Delivery.ok(), NOTIFIER.send(lowNotice(bob, "db1 WARNING"), group, TIMEOUT));
        assertEquals(Delivery.ok(), NOTIFIER.send(lowNotice(null, "db2 WARNING"), group, TIMEOUT));
        for (String address : List.of("ops@example.org", "oncall@example.org")) {
            List<MimeMessage> inbox = mailbox.inbox(address);
            assertEquals(List.of("[udjat] db1 WARNING", "[udjat] db2 WARNING"),
                    inbox.stream().map(EmailDeliveryTest::subject).toList(), address);
        }
        assertEquals(4, mailbox.received().size());
    }

    @Test
    void aRecipientTheServerRefusesWith550IsRejected() {
        Contact nobody = new Contact("nobody", "nobody@example.org", null, Map.of());
        Delivery d = NOTIFIER.send(lowNotice(nobody, "x"), options(), TIMEOUT);
        assertFalse(d.delivered());
        assertFalse(d.retry(), d.toString());
        assertTrue(d.reason().startsWith("127.0.0.1:" + mailbox.port() + " refused the message: "), d.reason());
        assertTrue(d.reason().contains("550 5.1.1 <nobody@example.org>: no such user here"), d.reason());
    }

    @Test
    void aRecipientTheServerDefersWith451IsRetriedLater() {
        Contact later = new Contact("later", "later@example.org", null, Map.of());
        Delivery d = NOTIFIER.send(lowNotice(later, "x"), options(), TIMEOUT);
        assertFalse(d.delivered());
        assertTrue(d.retry(), d.toString());
        assertTrue(d.reason().contains("451 4.2.2 <later@example.org>: mailbox busy, try again later"), d.reason());
    }

    @Test
    void subjectPrefixIsConfigurable() throws Exception {
        assertEquals(Delivery.ok(), NOTIFIER.send(lowNotice(NotifierContract.alice(), "db1 WARNING"),
                options("subject_prefix", "MON: "), TIMEOUT));
        assertEquals("MON: db1 WARNING", only().getSubject());
    }

    @Test
    void theCallersContextClassLoaderIsPutBack() {
        ClassLoader mine = new java.net.URLClassLoader(new java.net.URL[0], null);
        Thread.currentThread().setContextClassLoader(mine);
        try {
            assertEquals(Delivery.ok(), NOTIFIER.send(lowNotice(NotifierContract.alice(), "x"), options(), TIMEOUT));
            assertEquals(mine, Thread.currentThread().getContextClassLoader());
        } finally {
            Thread.currentThread().setContextClassLoader(EmailDeliveryTest.class.getClassLoader());
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
