package org.udjat.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.udjat.dispatch.outbox.Outbox;
import org.udjat.dispatch.outbox.OutboxMessage;
import org.udjat.report.PlainText;

/**
 * What {@code udjat status} shows of the outbox: messages that failed at least once or wait for a
 * channel or notifier, and those given up (in {@code outbox/undeliverable/}). Messages never tried yet
 * are not shown: they are simply on their way.
 */
final class UndeliveredView {
    private UndeliveredView() {
    }

    /**
     * One undelivered message.
     *
     * @param channel    the channel it is for
     * @param recipient  the contact's name, or null for a room
     * @param kind       PAGE, PROBLEM...
     * @param ageSeconds seconds since it was stored
     * @param attempts   failed deliveries
     * @param lastError  why the last attempt failed or why it waits
     * @param gaveUp     whether it was given up (in {@code outbox/undeliverable/})
     */
    record Row(String channel, String recipient, String kind, long ageSeconds, int attempts, String lastError,
               boolean gaveUp) {
        static Row of(OutboxMessage m, Instant now, boolean gaveUp) {
            return new Row(m.channel(), m.recipient(), m.notice().kind().name(), m.age(now).toSeconds(), m.attempts(),
                    m.lastError() == null ? "" : m.lastError(), gaveUp);
        }
    }

    /** The rows of {@code outbox}: pending ones that failed or wait first, then those given up; oldest first each. */
    static List<Row> of(Outbox outbox, Instant now) {
        return outbox.undelivered().stream().map(m -> Row.of(m, now, m.gaveUp() != null)).toList();
    }

    /** Prints a table of the rows under a heading; nothing when there are none. */
    static void print(List<Row> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        out.printf("%nundelivered messages (%d):%n", rows.size());
        int channelWidth = width(rows.stream().map(Row::channel).toList(), "CHANNEL");
        int recipientWidth = width(rows.stream().map(r -> recipient(r)).toList(), "RECIPIENT");
        String format = "%-" + channelWidth + "s  %-" + recipientWidth + "s  %-12s  %6s  %8s  %-8s  %s%n";
        out.printf(format, "CHANNEL", "RECIPIENT", "KIND", "AGE", "ATTEMPTS", "STATE", "LAST ERROR");
        for (Row r : rows) {
            out.printf(format, PlainText.oneLine(r.channel()), recipient(r), r.kind(), StatusView.human(r.ageSeconds()),
                    r.attempts(), r.gaveUp() ? "gave up" : r.attempts() > 0 ? "retrying" : "waiting",
                    PlainText.oneLine(r.lastError()));
        }
    }

    private static String recipient(Row r) {
        return r.recipient() == null ? "-" : PlainText.oneLine(r.recipient());
    }

    private static int width(List<String> values, String header) {
        return Math.min(30, Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0)));
    }
}
