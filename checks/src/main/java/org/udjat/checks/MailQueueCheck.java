package org.udjat.checks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.Range;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * {@code mailq}: the number of messages waiting in the local MTA's queue. The command finds the
 * MTA itself (Postfix, Exim, OpenSMTPD, else a Sendmail-compatible {@code mailq} such as
 * Sendmail, dma or nullmailer), names it on a tag line and prints its report, which is parsed
 * here per MTA ({@link MtaOutput}). {@code warn}/{@code crit} are number ranges on the queue
 * length; there is no default. A listing cut at the output cap gives a lower bound, which decides
 * the status only when every larger count would give the same one. Stateless.
 */
@Extension
public final class MailQueueCheck extends ThresholdCheck<Thresholds> {
    /**
     * Postfix first, then Exim, then OpenSMTPD, since each of them also installs a mailq. The
     * sbin directories are added because FreeBSD ports put Postfix and Exim in /usr/local/sbin.
     * postqueue lists three or more lines per message, so only its summary line is kept: a queue
     * of 100,000 messages is megabytes of listing, far past the output cap.
     */
    static final String COMMAND = "PATH=\"$PATH:/usr/local/sbin:/usr/sbin:/sbin\";"
            + " if command -v postqueue >/dev/null 2>&1; then echo '" + MtaOutput.TAG + "postfix'; postqueue -p | tail -n 1;"
            + " elif command -v exim >/dev/null 2>&1; then echo '" + MtaOutput.TAG + "exim'; exim -bpc;"
            + " elif command -v exim4 >/dev/null 2>&1; then echo '" + MtaOutput.TAG + "exim'; exim4 -bpc;"
            + " elif command -v smtpctl >/dev/null 2>&1; then echo '" + MtaOutput.TAG + "opensmtpd'; smtpctl show queue;"
            + " elif command -v mailq >/dev/null 2>&1; then echo '" + MtaOutput.TAG + "mailq'; mailq;"
            + " else echo '" + MtaOutput.TAG + "none'; fi";
    static final String NO_MTA = "no mail transfer agent found: looked for postqueue (Postfix), exim and exim4 (Exim),"
            + " smtpctl (OpenSMTPD) and mailq (Sendmail, dma, nullmailer) in PATH, /usr/local/sbin, /usr/sbin and /sbin";

    public MailQueueCheck() {
        super("mailq", WarnCrit.of(EnumSet.of(Quantity.NUMBER)));
    }

    /**
     * One command for every platform: the MTAs are the same programs everywhere. On BusyBox it
     * needs only {@code tail} (for Postfix) besides the shell; BusyBox's own sendmail applet
     * only relays and has no queue, so a host with nothing else reports that no MTA was found.
     */
    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(COMMAND);
    }

    @Override
    CheckOutcome parse(RawOutput output, Thresholds limits, Settings options) {
        MtaOutput.Reading reading = MtaOutput.read(output);
        if (reading instanceof MtaOutput.NoMta) {
            return CheckOutcome.unknown("MAILQ UNKNOWN - " + NO_MTA, output.text());
        }
        if (reading instanceof MtaOutput.Unreadable u) {
            return CheckOutcome.unknown("MAILQ UNKNOWN - " + (u.mta().isEmpty() ? "" : u.mta() + ": ") + u.why(), output.text());
        }
        MailQueue queue = ((MtaOutput.Found) reading).queue();
        return queue.lowerBound() ? atLeast(queue, limits, output) : exact(queue, limits);
    }

    private static CheckOutcome exact(MailQueue queue, Thresholds limits) {
        Status status = limits.evaluate((double) queue.messages());
        // Postfix counts whole KiB, so a queue of small messages says 0 bytes: no size is better than that
        String size = queue.bytes().orElse(0) > 0 ? " (" + Quantity.SIZE.format(queue.bytes().getAsLong()) + ")" : "";
        String what = queue.messages() == 0 ? queueName(queue) + " is empty"
                : messages(queue.messages()) + size + " in " + queueName(queue);
        List<PerfDatum> perf = new ArrayList<>();
        perf.add(new PerfDatum("queue", queue.messages(), "", limits.warnRange(), limits.critRange(), 0.0, null));
        queue.bytes().ifPresent(b -> perf.add(new PerfDatum("size", b, Quantity.SIZE.unit(), null, null, 0.0, null)));
        return new CheckOutcome(status, "MAILQ " + status + " - " + what + Trigger.suffix("queue", status, limits), queue.detail(), perf);
    }

    /** A cut listing: only a status every count from the lower bound up would share is given. */
    private static CheckOutcome atLeast(MailQueue queue, Thresholds limits, RawOutput output) {
        Status status = statusFrom(limits, queue.messages());
        String note = "the listing was cut at the output cap after " + messages(queue.messages());
        if (status == Status.UNKNOWN) {
            return CheckOutcome.unknown("MAILQ UNKNOWN - " + queue.mta() + ": " + note + "; the total is not known",
                    output.text());
        }
        String summary = "MAILQ " + status + " - at least " + messages(queue.messages()) + " in " + queueName(queue)
                + Trigger.suffix("queue", status, limits);
        String detail = queue.detail().isEmpty() ? note : note + "\n" + queue.detail();
        // a lower bound would draw a false line in the graph, so no perfdata
        return new CheckOutcome(status, summary, detail, List.of());
    }

    /** The status every count of at least {@code least} gets, or UNKNOWN when they differ. */
    static Status statusFrom(Thresholds limits, long least) {
        Optional<Boolean> crit = alertsFrom(limits.crit(), least);
        if (crit.isEmpty()) {
            return Status.UNKNOWN;
        }
        if (crit.get()) {
            return Status.CRITICAL;
        }
        Optional<Boolean> warn = alertsFrom(limits.warn(), least);
        return warn.isEmpty() ? Status.UNKNOWN : warn.get() ? Status.WARNING : Status.OK;
    }

    /** Whether the threshold alerts for every value from {@code least} up (true), for none (false), or it depends (empty). */
    private static Optional<Boolean> alertsFrom(Threshold t, long least) {
        if (t == null) {
            return Optional.of(false);
        }
        Range r = t.range();
        boolean openEnded = Double.isInfinite(r.end());
        boolean allInside = least >= r.start() && openEnded;
        boolean allAbove = least > r.end();
        if (allInside || allAbove) {
            // all values are inside the range, or all above it: an @ range alerts inside, a plain one outside
            return Optional.of(allInside == r.inside());
        }
        return Optional.empty();
    }

    /** {@code the Postfix queue}; {@code the mail queue (mailq)} when only "Mail queue is empty" was said. */
    private static String queueName(MailQueue queue) {
        return queue.mta().equals("mailq") ? "the mail queue (mailq)" : "the " + queue.mta() + " queue";
    }

    private static String messages(long n) {
        return n + (n == 1 ? " message" : " messages");
    }
}
