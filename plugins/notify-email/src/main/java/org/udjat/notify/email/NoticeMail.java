package org.udjat.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.udjat.api.Notice;

/**
 * Turns a {@link Notice} into a plain-text email. Every string of a notice may come from a
 * monitored host: the subject loses its line ends and control characters (so it cannot add a
 * header), the body keeps only line ends, and both are capped. No HTML part: plain text cannot
 * carry markup into anyone's mail client.
 */
final class NoticeMail {
    static final int MAX_SUBJECT = 200;
    static final int MAX_LINE = 998;
    static final int MAX_LINES = 500;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._+-]{1,100}");
    private static final Pattern SEVERITY = Pattern.compile("[A-Za-z_]{1,20}");

    private NoticeMail() {
    }

    /** The message for {@code recipients}, ready for {@code Transport.sendMessage}. */
    static MimeMessage compose(Session session, Notice notice, EmailOptions options, List<InternetAddress> recipients)
            throws MessagingException {
        InternetAddress from = Addresses.parse(options.from());
        MimeMessage message = new FixedIdMessage(session, messageId(notice.id(), from));
        message.setFrom(from);
        message.setRecipients(MimeMessage.RecipientType.TO, recipients.toArray(InternetAddress[]::new));
        message.setSubject(subject(options.subjectPrefix(), notice.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(notice.time()));
        message.setText(body(notice.text()), StandardCharsets.UTF_8.name());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Udjat-Kind", notice.kind().name());
        if (SEVERITY.matcher(notice.severity()).matches()) {
            message.setHeader("X-Udjat-Severity", notice.severity().toUpperCase(Locale.ROOT));
        }
        message.setHeader("X-Udjat-Id", oneLine(notice.id(), MAX_SUBJECT));
        if (notice.urgency() == Notice.Urgency.PAGE) {
            message.setHeader("X-Priority", "1");
            message.setHeader("Importance", "high");
        }
        message.saveChanges();
        return message;
    }

    /** The prefix and the notice's subject on one line: line ends become spaces, other controls go. */
    static String subject(String prefix, String subject) {
        return oneLine(prefix + subject, MAX_SUBJECT);
    }

    /** The text with each line cut at {@link #MAX_LINE} characters and control characters other than tabs removed. */
    static String body(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_LINES * 100));
        List<String> lines = text.lines().toList();
        int shown = Math.min(lines.size(), MAX_LINES);
        for (int i = 0; i < shown; i++) {
            b.append(capped(withoutControls(lines.get(i), true), MAX_LINE)).append('\n');
        }
        if (lines.size() > shown) {
            b.append("(").append(lines.size() - shown).append(" more lines not shown)\n");
        }
        return b.toString();
    }

    /**
     * {@code <id@domain>}: the same notice id gives the same Message-ID, so a receiver (or a mail
     * client) sees a retried message as the one it already has. An id with characters a Message-ID
     * cannot hold is replaced by its hash.
     */
    static String messageId(String id, InternetAddress from) {
        String local = SAFE_ID.matcher(id).matches() ? id : sha256(id);
        String address = from.getAddress();
        String domain = address.substring(address.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.\\-]", "");
        return "<udjat." + local + "@" + (domain.isEmpty() ? "udjat.invalid" : domain) + ">";
    }

    private static String oneLine(String text, int max) {
        String flat = withoutControls(text.replaceAll("[\\r\\n\\t\\u2028\\u2029\\u0085]+", " "), false);
        return capped(flat.strip(), max);
    }

    private static String withoutControls(String text, boolean keepTabs) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().filter(c -> !Character.isISOControl(c) || keepTabs && c == '\t').forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String capped(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A message whose Message-ID is ours, not a fresh random one from {@code saveChanges}. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
