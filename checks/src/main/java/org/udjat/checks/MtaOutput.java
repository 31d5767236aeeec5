package org.udjat.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;
import org.udjat.api.Text;

/**
 * Reads the output of the mailq check's command: a tag line {@code udjat-mta: <name>} saying
 * which MTA the command found ({@code postfix}, {@code exim}, {@code opensmtpd}, {@code mailq}
 * or {@code none}), then that MTA's own output, parsed in its own format. Never throws.
 */
final class MtaOutput {
    static final String TAG = "udjat-mta: ";
    /** Postfix's last line; postqueue writes "Request" for one. */
    private static final Pattern POSTFIX = Pattern.compile("-- (\\d{1,15}) Kbytes in (\\d{1,12}) Requests?\\.");
    private static final Pattern EMPTY = Pattern.compile("Mail queue is empty");
    private static final Pattern COUNT = Pattern.compile("\\d{1,12}");
    /** One envelope of {@code smtpctl show queue}: 16 hex digits, of which the first 8 are the message id. */
    private static final Pattern ENVELOPE = Pattern.compile("([0-9a-f]{8})[0-9a-f]{8}\\|.*");
    private static final Pattern SENDMAIL_TOTAL = Pattern.compile("\\s*Total requests: (\\d{1,12})", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENDMAIL_QUEUE = Pattern.compile(
            "\\s*(\\S.*?) \\((\\d{1,12}) requests?(?:, only \\d{1,12} printed)?\\)");
    private static final Pattern SENDMAIL_EMPTY = Pattern.compile("\\s*(/\\S*) is empty");
    private static final Pattern DMA = Pattern.compile("ID\\s*:\\s*\\S+.*");
    private static final Pattern NULLMAILER = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+(\\d{1,15}) bytes");

    private MtaOutput() {
    }

    /** What the output says. */
    sealed interface Reading permits Found, NoMta, Unreadable {
    }

    /** The MTA reported its queue. */
    record Found(MailQueue queue) implements Reading {
    }

    /** The command found none of the MTAs it looks for. */
    record NoMta() implements Reading {
    }

    /**
     * The MTA's output could not be read, e.g. a permission error.
     *
     * @param mta what was found, {@code ""} when not even the tag line was there
     * @param why the MTA's complaint or what was wrong with the output
     */
    record Unreadable(String mta, String why) implements Reading {
    }

    static Reading read(RawOutput output) {
        List<String> lines = output.lines().stream()
                .filter(l -> !l.isBlank() && l.length() <= RawOutput.MAX_LINE).toList();
        int tag = -1;
        for (int i = 0; i < lines.size() && tag < 0; i++) {
            tag = lines.get(i).startsWith(TAG) ? i : -1;
        }
        if (tag < 0) {
            return new Unreadable("", "could not read the output: no line says which MTA was found");
        }
        String mta = lines.get(tag).substring(TAG.length()).strip();
        List<String> body = lines.subList(tag + 1, lines.size());
        return switch (mta) {
            case "none" -> new NoMta();
            case "postfix" -> postfix(body);
            case "exim" -> exim(body);
            case "opensmtpd" -> openSmtpd(body, output);
            case "mailq" -> mailq(body, output.truncated());
            default -> new Unreadable("", "unknown MTA tag \"" + Text.printable(mta) + "\"");
        };
    }

    /**
     * {@code postqueue -p | tail -n 1}: the summary line, after what postqueue wrote to stderr,
     * such as {@code postqueue: warning: Mail system is down -- accessing queue directly}, which
     * goes to the long output.
     */
    private static Reading postfix(List<String> body) {
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i).strip();
            Matcher m = POSTFIX.matcher(line);
            boolean empty = EMPTY.matcher(line).matches();
            if (m.matches() || empty) {
                String said = Text.printable(String.join("\n", body.subList(0, i)));
                return new Found(empty ? new MailQueue("Postfix", 0, OptionalLong.of(0), false, said)
                        : new MailQueue("Postfix", Long.parseLong(m.group(2)), OptionalLong.of(Long.parseLong(m.group(1)) * 1024),
                                false, said));
            }
        }
        return new Unreadable("Postfix", complaint(body, "postqueue -p"));
    }

    /** {@code exim -bpc}: the count alone, possibly after warnings on stderr. */
    private static Reading exim(List<String> body) {
        for (String line : body) {
            if (COUNT.matcher(line.strip()).matches()) {
                return new Found(new MailQueue("Exim", Long.parseLong(line.strip()), OptionalLong.empty(), false, ""));
            }
        }
        return new Unreadable("Exim", complaint(body, "exim -bpc"));
    }

    /**
     * {@code smtpctl show queue}: one line per envelope (a message has one per recipient), nothing
     * at all for an empty queue, so its exit code tells an empty queue from a failure.
     */
    private static Reading openSmtpd(List<String> body, RawOutput output) {
        Set<String> messages = new HashSet<>();
        int envelopes = 0;
        List<String> other = new ArrayList<>();
        for (String line : body) {
            Matcher m = ENVELOPE.matcher(line);
            if (m.matches()) {
                messages.add(m.group(1));
                envelopes++;
            } else {
                other.add(line);
            }
        }
        // a listing cut at the cap kills smtpctl, so its exit code says nothing then
        if (!output.truncated() && (output.exitCode() != 0 || !other.isEmpty())) {
            return new Unreadable("OpenSMTPD", other.isEmpty()
                    ? "smtpctl show queue failed with exit code " + output.exitCode() : Text.printable(other.get(0)));
        }
        return new Found(new MailQueue("OpenSMTPD", messages.size(), OptionalLong.empty(), output.truncated(),
                envelopes == 0 ? "" : envelopes + (envelopes == 1 ? " envelope" : " envelopes") + " (one per recipient)"));
    }

    /** {@code mailq} of Sendmail, dma or nullmailer, told apart by their formats. */
    private static Reading mailq(List<String> body, boolean truncated) {
        long total = -1;
        long sendmail = 0;
        long dma = 0;
        long nullmailer = 0;
        long nullBytes = 0;
        boolean sendmailSeen = false;
        boolean emptySeen = false;
        List<String> queues = new ArrayList<>();
        for (String line : body) {
            Matcher m;
            if ((m = SENDMAIL_TOTAL.matcher(line)).matches()) {
                total = Long.parseLong(m.group(1));
            } else if ((m = SENDMAIL_QUEUE.matcher(line)).matches()) {
                sendmail += Long.parseLong(m.group(2));
                sendmailSeen = true;
                queues.add(line.strip());
            } else if (EMPTY.matcher(line.strip()).matches()) {
                emptySeen = true;
            } else if ((m = SENDMAIL_EMPTY.matcher(line)).matches()) {
                sendmailSeen = true;
                queues.add(line.strip());
            } else if (DMA.matcher(line).matches()) {
                dma++;
            } else if ((m = NULLMAILER.matcher(line.strip())).matches()) {
                nullmailer++;
                nullBytes += Long.parseLong(m.group(1));
            }
        }
        if (total >= 0 || sendmailSeen) {
            boolean exact = total >= 0 || !truncated;
            return new Found(new MailQueue("Sendmail", total >= 0 ? total : sendmail, OptionalLong.empty(), !exact,
                    String.join("\n", queues)));
        }
        if (dma > 0) {
            return new Found(new MailQueue("dma", dma, OptionalLong.empty(), truncated, ""));
        }
        if (nullmailer > 0) {
            return new Found(new MailQueue("nullmailer", nullmailer, OptionalLong.of(nullBytes), truncated, ""));
        }
        if (emptySeen) {
            return new Found(new MailQueue("mailq", 0, OptionalLong.empty(), false, ""));
        }
        return new Unreadable("mailq", complaint(body, "mailq"));
    }

    /** The first line the MTA printed, which is its complaint when the format was not recognised. */
    private static String complaint(List<String> body, String command) {
        return body.isEmpty() ? command + " printed nothing" : Text.printable(body.get(0).strip());
    }
}
