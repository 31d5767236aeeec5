package org.udjat.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.pf4j.Extension;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Contact;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;

/**
 * {@code email}: sends a notice as a plain-text email over SMTP with Jakarta Mail (Angus Mail),
 * to the notice's recipient or to the channel's fixed {@code to} list. TLS is STARTTLS by default
 * and never falls back to plain text; the password comes from an environment variable or a file
 * at send time. Stateless and safe to call from several threads; each send opens its own
 * connection and is bounded by its timeout as a whole.
 */
@Extension
public final class EmailNotifier implements Notifier {
    private final Function<String, String> env;

    /** The notifier as udjat creates it: passwords from the process environment. */
    public EmailNotifier() {
        this(System::getenv);
    }

    /** For tests: the environment {@code password_env} is looked up in. */
    EmailNotifier(Map<String, String> env) {
        this(Map.copyOf(env)::get);
    }

    private EmailNotifier(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public String type() {
        return "email";
    }

    @Override
    public Set<String> optionNames() {
        return EmailOptions.NAMES;
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        try {
            return EmailOptions.validate(options);
        } catch (RuntimeException e) {
            // a bug here must still read as a problem with the channel, not stop the config check
            return List.of(ConfigProblem.of("the email notifier could not check these options: " + e));
        }
    }

    /** A channel with a fixed {@code to} list writes to that group, not to each person. */
    @Override
    public boolean addressesPeople(Settings options) {
        return options.strings(EmailOptions.TO).isEmpty();
    }

    @Override
    public Delivery send(Notice notice, Settings settings, Duration timeout) {
        try {
            List<ConfigProblem> problems = new ArrayList<>();
            Optional<EmailOptions> read = EmailOptions.read(settings, problems);
            if (read.isEmpty()) {
                return Delivery.rejected("invalid email channel options: " + problems.stream()
                        .map(p -> p.key().isEmpty() ? p.message() : p.key() + ": " + p.message()).toList());
            }
            EmailOptions options = read.get();
            List<InternetAddress> recipients;
            try {
                recipients = recipients(notice.recipient(), options);
            } catch (Unaddressable e) {
                return Delivery.rejected(e.getMessage());
            }
            Optional<String> password;
            try {
                password = Password.of(options, env);
            } catch (Password.MissingSecret e) {
                return Delivery.rejected(e.getMessage());
            }
            return withPluginClassLoader(() -> deliver(notice, options, recipients, password, timeout));
        } catch (RuntimeException | LinkageError e) {
            return Delivery.retryLater("the email notifier failed: " + SmtpFailure.clean(e.toString()));
        }
    }

    /**
     * Jakarta Mail and Activation find their providers (SMTP transport, stream provider, mailcap)
     * through the thread's context class loader; udjat calls from its own threads, whose loader
     * cannot see the copies bundled in this plugin, or sees other copies. So the send runs with
     * the plugin's loader, and the caller's is put back afterwards.
     */
    private static Delivery withPluginClassLoader(Supplier<Delivery> send) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailNotifier.class.getClassLoader());
        try {
            return send.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Delivery deliver(Notice notice, EmailOptions options, List<InternetAddress> recipients,
                                    Optional<String> password, Duration timeout) {
        try (Deadline deadline = new Deadline(timeout)) {
            Transport transport = null;
            try {
                Session session = Session.getInstance(SmtpProperties.of(options, timeout, deadline));
                MimeMessage message = NoticeMail.compose(session, notice, options, recipients);
                transport = session.getTransport(options.tls() == Tls.SMTPS ? "smtps" : "smtp");
                transport.connect(options.host(), options.port(), options.username().orElse(null), password.orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
                return Delivery.ok();
            } catch (IOException | GeneralSecurityException e) {
                return Delivery.rejected("trust_file: " + SmtpFailure.clean(e.getMessage()));
            } catch (MessagingException e) {
                int lastCode = transport instanceof SMTPTransport smtp ? smtp.getLastReturnCode() : -1;
                return SmtpFailure.of(e, options, timeout, deadline.passed(), lastCode);
            } finally {
                closeQuietly(transport);
            }
        }
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the message was handed over (or not) before; QUIT failing changes nothing
        }
    }

    /** The channel's {@code to} list, or the recipient's own address. */
    static List<InternetAddress> recipients(Contact recipient, EmailOptions options) throws Unaddressable {
        List<InternetAddress> out = new ArrayList<>();
        if (!options.to().isEmpty()) {
            for (String a : options.to()) {
                out.add(parse(a, "to: "));
            }
            return out;
        }
        if (recipient == null) {
            throw new Unaddressable("the notice has no recipient and the channel has no to: list");
        }
        String name = Addresses.shown(recipient.name());
        String email = recipient.emailAddress().orElseThrow(() -> new Unaddressable(name + " has no email address"));
        out.add(parse(email, name + "'s email address "));
        return out;
    }

    private static InternetAddress parse(String address, String whose) throws Unaddressable {
        try {
            return Addresses.parse(address);
        } catch (AddressException e) {
            throw new Unaddressable(whose + "\"" + Addresses.shown(address) + "\" is not a valid email address");
        }
    }

    /** The notice cannot be addressed on this channel. */
    static final class Unaddressable extends Exception {
        Unaddressable(String reason) {
            super(reason);
        }
    }
}
