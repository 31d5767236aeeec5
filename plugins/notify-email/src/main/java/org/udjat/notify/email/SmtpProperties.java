package org.udjat.notify.email;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Properties;

/**
 * The Jakarta Mail session properties for one send: TLS as the options say (STARTTLS required,
 * never optional), the trust of {@link TrustedCertificates}, each step's timeout from the send's
 * timeout, and sockets from the send's {@link Deadline}.
 */
final class SmtpProperties {
    private SmtpProperties() {
    }

    static Properties of(EmailOptions options, Duration timeout, Deadline deadline)
            throws IOException, GeneralSecurityException, MessagingException {
        boolean smtps = options.tls() == Tls.SMTPS;
        String p = smtps ? "mail.smtps." : "mail.smtp.";
        String millis = Long.toString(Math.max(1, timeout.toMillis()));
        Properties props = new Properties();
        props.setProperty(p + "host", options.host());
        props.setProperty(p + "port", Integer.toString(options.port()));
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        props.setProperty(p + "writetimeout", millis);
        props.put(p + "executor.writetimeout", Deadline.writeTimer());
        props.setProperty(p + "auth", Boolean.toString(options.username().isPresent()));
        props.setProperty(p + "from", Addresses.parse(options.from()).getAddress());
        // the server's word on a rejected recipient is what the operator needs, so no partial sends
        props.setProperty(p + "sendpartial", "false");
        if (options.tls() != Tls.SMTPS) {
            props.put(p + "socketFactory", deadline.plainSockets());
        }
        if (options.tls() == Tls.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (options.tls() != Tls.NONE) {
            props.put(p + "ssl.socketFactory", deadline.tlsSockets(TrustedCertificates.socketFactory(options.trustFile())));
            props.setProperty(p + "ssl.checkserveridentity", Boolean.toString(options.checkServerIdentity()));
        }
        if (smtps) {
            props.setProperty(p + "ssl.enable", "true");
        }
        return props;
    }
}
