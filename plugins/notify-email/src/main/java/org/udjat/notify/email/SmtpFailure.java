package org.udjat.notify.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.udjat.api.Delivery;

/**
 * Says what a failed send means for the outbox: a server that is down, slow or answers 4xx is
 * worth trying again later; a 5xx, a failed login or a TLS connection that cannot be trusted
 * will not get better by waiting and is rejected, so the message moves on to the channel's
 * fallback. Reasons name the server and quote what it said, never a password.
 */
final class SmtpFailure {
    private static final int MAX_REASON = 400;

    private SmtpFailure() {
    }

    /**
     * @param lastCode the SMTP reply code the transport saw last, or -1
     */
    static Delivery of(Exception e, EmailOptions options, Duration timeout, boolean deadlinePassed, int lastCode) {
        String server = options.server();
        List<Throwable> chain = chain(e);
        if (deadlinePassed || find(chain, SocketTimeoutException.class).isPresent()) {
            return Delivery.retryLater("no answer from " + server + " within " + timeout.toSeconds() + "s");
        }
        Optional<Throwable> certificate = chain.stream().filter(t -> t instanceof CertificateException
                || t instanceof CertPathBuilderException || t instanceof CertPathValidatorException).findFirst();
        if (certificate.isPresent()) {
            String why = clean(certificate.get().getMessage());
            boolean wrongName = why.startsWith("No subject alternative") || why.startsWith("No name matching");
            return Delivery.rejected("the TLS certificate of " + server + " is not accepted: " + why + (wrongName
                    ? "; connect by a name the certificate holds, or set check_server_identity: false"
                    : "; if the server uses a private CA or a self-signed certificate, give it in trust_file"));
        }
        if (String.valueOf(e.getMessage()).contains("STARTTLS is required")) {
            return Delivery.rejected(server + " does not offer STARTTLS; refusing to send without TLS (tls: starttls)");
        }
        Optional<AuthenticationFailedException> auth = find(chain, AuthenticationFailedException.class);
        if (auth.isPresent()) {
            return Delivery.rejected("SMTP authentication failed for user " + options.username().map(Addresses::shown)
                    .orElse("(none)") + " at " + server + ": " + clean(auth.get().getMessage()));
        }
        int code = replyCode(chain).orElse(e instanceof MessagingException && lastCode >= 400 ? lastCode : -1);
        if (code >= 500) {
            return Delivery.rejected(server + " refused the message: " + clean(smtpMessage(chain, e)));
        }
        if (code >= 400) {
            return Delivery.retryLater(server + " deferred the message: " + clean(smtpMessage(chain, e)));
        }
        Optional<Throwable> ssl = chain.stream().filter(t -> t instanceof SSLException
                || t instanceof GeneralSecurityException).findFirst();
        if (ssl.isPresent()) {
            return Delivery.retryLater("TLS with " + server + " failed: " + clean(ssl.get().toString()));
        }
        if (find(chain, UnknownHostException.class).isPresent()) {
            return Delivery.retryLater("unknown host " + Addresses.shown(options.host()) + " (smtp_host)");
        }
        if (find(chain, ConnectException.class).isPresent()) {
            return Delivery.retryLater("cannot connect to " + server + ": "
                    + clean(find(chain, ConnectException.class).get().getMessage()));
        }
        return Delivery.retryLater("sending through " + server + " failed: " + clean(describe(chain)));
    }

    private static Optional<Integer> replyCode(List<Throwable> chain) {
        int worst = -1;
        for (Throwable t : chain) {
            int code = t instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : t instanceof SMTPSenderFailedException s ? s.getReturnCode()
                    : t instanceof SMTPSendFailedException f ? f.getReturnCode() : -1;
            worst = Math.max(worst, code);
        }
        return worst < 0 ? Optional.empty() : Optional.of(worst);
    }

    /** What the server said: the message of the innermost SMTP failure that carries a reply. */
    private static String smtpMessage(List<Throwable> chain, Exception e) {
        String said = null;
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException || t instanceof SMTPSenderFailedException
                    || t instanceof SMTPSendFailedException) {
                said = t.getMessage();
            }
        }
        return said != null ? said : String.valueOf(e.getMessage());
    }

    /** The exception, its causes and the exceptions Jakarta Mail chains with {@code getNextException}. */
    static List<Throwable> chain(Throwable top) {
        Set<Throwable> seen = new LinkedHashSet<>();
        List<Throwable> todo = new ArrayList<>(List.of(top));
        while (!todo.isEmpty() && seen.size() < 20) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            todo.add(t.getCause());
            if (t instanceof MessagingException m) {
                todo.add(m.getNextException());
            }
        }
        return List.copyOf(seen);
    }

    private static <T> Optional<T> find(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static String describe(List<Throwable> chain) {
        Throwable root = chain.get(chain.size() - 1);
        String top = String.valueOf(chain.get(0).getMessage());
        return root == chain.get(0) ? top : top + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /** A server's or library's words, made one printable line of sane length. */
    static String clean(String text) {
        StringBuilder b = new StringBuilder();
        String.valueOf(text).codePoints().map(c -> Character.isISOControl(c) ? ' ' : c).forEach(b::appendCodePoint);
        String one = b.toString().replaceAll(" {2,}", " ").strip();
        return one.length() > MAX_REASON ? one.substring(0, MAX_REASON) + "…" : one;
    }
}
