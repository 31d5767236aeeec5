package org.udjat.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Settings;
import org.udjat.testkit.NotifierContract;

/**
 * TLS against real servers on 127.0.0.1: GreenMail's SMTPS, and STARTTLS through
 * {@link StartTlsFront} to GreenMail's SMTP, each with certificates made for the test.
 */
class EmailTlsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final EmailNotifier NOTIFIER = new EmailNotifier(Map.of("SMTP_PASSWORD", Mailbox.PASSWORD));
    private static final Notice PAGE = NotifierContract.samplePage(NotifierContract.alice());

    private static Settings options(int port, String tls, Object... pairs) {
        return TestSettings.of(Map.of("smtp_host", "127.0.0.1", "smtp_port", port, "tls", tls,
                "from", "udjat@example.org", "username", Mailbox.USER, "password_env", "SMTP_PASSWORD",
                "trust_file", TestCertificates.SERVER.pem.toString()), pairs);
    }

    private static void assertUntrusted(Delivery d, String server) {
        assertFalse(d.delivered());
        assertFalse(d.retry(), "an untrusted server does not become trusted by waiting: " + d);
        assertTrue(d.reason().startsWith("the TLS certificate of " + server + " is not accepted: PKIX path building failed"),
                d.reason());
        assertTrue(d.reason().endsWith("; if the server uses a private CA or a self-signed certificate, give it in trust_file"),
                d.reason());
    }

    @Test
    void starttlsWithACertificateFromTheTrustFileDelivers() throws Exception {
        try (Mailbox mailbox = Mailbox.smtp(); StartTlsFront front = new StartTlsFront(TestCertificates.SERVER, mailbox.port())) {
            assertEquals(Delivery.ok(), NOTIFIER.send(PAGE, options(front.port(), "starttls"), TIMEOUT));
            assertEquals(1, front.handshakes(), "the message went through TLS");
            assertEquals(1, mailbox.received().size());
            assertEquals("[udjat] gw1 DOWN; 37 checks on 12 hosts behind it suppressed", mailbox.received().get(0).getSubject());
        }
    }

    @Test
    void smtpsWithACertificateFromTheTrustFileDelivers() throws Exception {
        try (Mailbox mailbox = Mailbox.smtps()) {
            assertEquals(Delivery.ok(), NOTIFIER.send(PAGE, options(mailbox.port(), "smtps"), TIMEOUT));
            assertEquals(1, mailbox.received().size());
        }
    }

    @Test
    void aServerCertificateThatIsNotTrustedIsRejectedAndNothingIsSent() {
        try (Mailbox mailbox = Mailbox.smtps()) {
            String server = "127.0.0.1:" + mailbox.port();
            assertUntrusted(NOTIFIER.send(PAGE, options(mailbox.port(), "smtps", "trust_file",
                    TestCertificates.OTHER.pem.toString()), TIMEOUT), server);
            assertUntrusted(NOTIFIER.send(PAGE, options(mailbox.port(), "smtps", "trust_file", null), TIMEOUT), server);
            assertEquals(List.of(), mailbox.received());
        }
    }

    @Test
    void starttlsToAnUntrustedCertificateIsRejectedBeforeAnythingIsSaid() {
        try (Mailbox mailbox = Mailbox.smtp(); StartTlsFront front = new StartTlsFront(TestCertificates.SERVER, mailbox.port())) {
            assertUntrusted(NOTIFIER.send(PAGE, options(front.port(), "starttls", "trust_file",
                    TestCertificates.OTHER.pem.toString()), TIMEOUT), "127.0.0.1:" + front.port());
            assertEquals(0, front.handshakes());
            assertEquals(List.of(), mailbox.received());
        }
    }

    @Test
    void aCertificateForAnotherNameIsRejectedUnlessIdentityChecksAreOff() {
        try (Mailbox mailbox = Mailbox.smtp();
             StartTlsFront front = new StartTlsFront(TestCertificates.WRONG_NAME, mailbox.port())) {
            String trust = TestCertificates.WRONG_NAME.pem.toString();
            Delivery d = NOTIFIER.send(PAGE, options(front.port(), "starttls", "trust_file", trust), TIMEOUT);
            assertEquals(Delivery.rejected("the TLS certificate of 127.0.0.1:" + front.port() + " is not accepted: "
                    + "No subject alternative names matching IP address 127.0.0.1 found; connect by a name the "
                    + "certificate holds, or set check_server_identity: false"), d);
            assertEquals(List.of(), mailbox.received());

            assertEquals(Delivery.ok(), NOTIFIER.send(PAGE, options(front.port(), "starttls", "trust_file", trust,
                    "check_server_identity", false), TIMEOUT));
            assertEquals(1, mailbox.received().size());
        }
    }

    @Test
    void starttlsToAServerWithoutItNeverFallsBackToPlainText() {
        try (Mailbox plain = Mailbox.smtp()) {
            Delivery d = NOTIFIER.send(PAGE, options(plain.port(), "starttls"), TIMEOUT);
            assertEquals(Delivery.rejected("127.0.0.1:" + plain.port()
                    + " does not offer STARTTLS; refusing to send without TLS (tls: starttls)"), d);
            assertEquals(List.of(), plain.received());
        }
    }

    @Test
    void aServerThatKeepsTalkingWithoutEverAnsweringIsCutOffAtTheTimeout() {
        Duration timeout = Duration.ofSeconds(2);
        try (TricklingServer slow = new TricklingServer(Duration.ofMillis(300))) {
            Settings options = options(slow.port(), "starttls");
            long start = System.nanoTime();
            Delivery d = NOTIFIER.send(PAGE, options, timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(Delivery.retryLater("no answer from 127.0.0.1:" + slow.port() + " within 2s"), d);
            assertTrue(took.compareTo(timeout.plusMillis(900)) < 0, "took " + took);
            assertTrue(took.compareTo(timeout.minusMillis(100)) > 0, "took " + took);
        }
    }
}
