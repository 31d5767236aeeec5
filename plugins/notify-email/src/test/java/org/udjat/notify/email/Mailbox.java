package org.udjat.notify.email;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.udjat.testkit.LoopbackPort;

/**
 * A real SMTP server for the tests: GreenMail on 127.0.0.1 and a free port, plain SMTP or SMTPS
 * (with {@link TestCertificates#SERVER}), with the user {@code udjat} / {@value #PASSWORD}.
 * Like a real server it refuses some recipients: {@code nobody@...} with 550 and
 * {@code later@...} with 451.
 */
final class Mailbox implements AutoCloseable {
    static final String USER = "udjat";
    static final String PASSWORD = "s3cret pass";
    private final GreenMail greenMail;
    private final int port;

    private Mailbox(String protocol) {
        if (protocol.equals(ServerSetup.PROTOCOL_SMTPS)) {
            TestCertificates.install();
        }
        port = LoopbackPort.free("127.0.0.1");
        greenMail = new RejectingGreenMail(new ServerSetup(port, "127.0.0.1", protocol));
        greenMail.start();
        greenMail.setUser("udjat@example.org", USER, PASSWORD);
    }

    static Mailbox smtp() {
        return new Mailbox(ServerSetup.PROTOCOL_SMTP);
    }

    static Mailbox smtps() {
        return new Mailbox(ServerSetup.PROTOCOL_SMTPS);
    }

    int port() {
        return port;
    }

    /** Every message delivered so far, one per recipient mailbox. */
    List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** The messages in one recipient's mailbox. */
    List<MimeMessage> inbox(String address) throws Exception {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(m -> m.getMimeMessage()).toList();
    }

    /** The whole source of a message, as a mail client would get it. */
    static String source(MimeMessage m) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** GreenMail whose SMTP side answers RCPT TO like a server with unknown and over-quota users. */
    private static final class RejectingGreenMail extends GreenMail {
        RejectingGreenMail(ServerSetup setup) {
            super(setup);
            managers = new Managers() {
                private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                    @Override
                    public String checkRecipient(SmtpState state, MailAddress rcpt) {
                        if (rcpt.getUser().equals("nobody")) {
                            return "550 5.1.1 <" + rcpt.getEmail() + ">: no such user here";
                        }
                        if (rcpt.getUser().equals("later")) {
                            return "451 4.2.2 <" + rcpt.getEmail() + ">: mailbox busy, try again later";
                        }
                        return null;
                    }
                };

                @Override
                public SmtpManager getSmtpManager() {
                    return smtp;
                }
            };
        }
    }
}
