package org.udjat.report.view;

import java.util.List;

/**
 * What the operators have said, on the overview: who is on duty, the acks in force and the downtimes in force
 * or scheduled.
 *
 * @param duty       who is on duty, empty for nobody
 * @param dutySince  since when, empty for nobody
 * @param escalation who is paged when nobody is on duty; empty when no contacts are configured
 * @param acks       the acks in force, oldest first
 * @param downtimes  the downtimes in force, then those scheduled, each by start
 */
public record ControlView(String duty, String dutySince, List<String> escalation, List<AckLine> acks,
                          List<DowntimeLine> downtimes) {

    /**
     * A host or a check named by an ack, with its page.
     *
     * @param text {@code web1} or {@code web1/disk}
     * @param href its page, empty when it is not shown
     */
    public record Subject(String text, String href) {
    }

    /**
     * One ack in force.
     *
     * @param id       its id
     * @param subjects what it acknowledges
     * @param by       who gave it
     * @param at       when
     * @param until    when ack mode ends
     * @param left     how long until then
     * @param comment  why, or empty
     */
    public record AckLine(String id, List<Subject> subjects, String by, String at, String until, String left,
                          String comment) {
    }

    /**
     * One downtime in force or scheduled.
     *
     * @param id      its id, for {@code udjat downtime remove}
     * @param what    {@code web1 and its checks} or {@code web1/disk}
     * @param href    the page of the host or check, empty when it is not shown
     * @param active  whether it is in force now (else scheduled)
     * @param from    when it starts
     * @param until   when it ends
     * @param by      who scheduled it, or empty
     * @param comment why
     */
    public record DowntimeLine(String id, String what, String href, boolean active, String from, String until, String by,
                               String comment) {
    }

    /**
     * What a host or check page says about the one subject it shows.
     *
     * @param downtimeUntil   the end of the downtime it is in now, else empty
     * @param downtimeComment that downtime's comment, else empty
     * @param ackedBy         who acknowledged it, while the ack is in force; else empty
     * @param ackedUntil      until when, else empty
     * @param ackComment      that ack's comment, else empty
     */
    public record Marks(String downtimeUntil, String downtimeComment, String ackedBy, String ackedUntil,
                        String ackComment) {
        /** Nothing to say. */
        public static final Marks NONE = new Marks("", "", "", "", "");
    }
}
