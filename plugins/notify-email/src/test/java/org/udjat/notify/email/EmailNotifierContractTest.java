package org.udjat.notify.email;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.testkit.LoopbackPort;
import org.udjat.testkit.NotifierContract;
import org.udjat.testkit.SilentListener;

/**
 * The compatibility kit against GreenMail over SMTPS with authentication; a closed port fails
 * and a listener that never greets hangs.
 */
class EmailNotifierContractTest extends NotifierContract {
    private static Mailbox mailbox;
    private static SilentListener silent;
    private static final EmailNotifier NOTIFIER = new EmailNotifier(Map.of("SMTP_PASSWORD", Mailbox.PASSWORD));

    @BeforeAll
    static void start() {
        mailbox = Mailbox.smtps();
        silent = SilentListener.start();
    }

    @AfterAll
    static void stop() {
        mailbox.close();
        silent.close();
    }

    private static Settings on(int port, String tls) {
        return Settings.of(Map.of("smtp_host", "127.0.0.1", "smtp_port", port, "tls", tls,
                "username", Mailbox.USER, "password_env", "SMTP_PASSWORD",
                "trust_file", TestCertificates.SERVER.pem.toString(), "from", "udjat@example.org"));
    }

    @Override
    protected Notifier notifier() {
        return NOTIFIER;
    }

    @Override
    protected Settings workingOptions() {
        return on(mailbox.port(), "smtps");
    }

    @Override
    protected Settings failingOptions() {
        return on(LoopbackPort.closed(), "smtps");
    }

    @Override
    protected Settings hangingOptions() {
        return on(silent.port(), "starttls");
    }

    @Override
    protected List<Settings> invalidOptions() {
        return List.of(
                Settings.of(Map.of("from", "udjat@example.org")),
                Settings.of(Map.of("smtp_host", "smtp.example.org")),
                Settings.of(Map.of("smtp_host", "smtp.example.org", "from", "udjat@example.org", "tls", "ssl")),
                Settings.of(Map.of("smtp_host", "smtp example org", "from", "not an address")),
                Settings.of(Map.of("smtp_host", "smtp.example.org", "from", "udjat@example.org", "username", "udjat")),
                Settings.of(Map.of("smtp_host", "smtp.example.org", "from", "udjat@example.org", "smtp_port", 70_000)),
                Settings.of(Map.of("smtp_host", "smtp.example.org", "from", "udjat@example.org", "to", List.of())));
    }

    @Override
    protected List<String> received() {
        return mailbox.received().stream().map(Mailbox::source).toList();
    }
}
