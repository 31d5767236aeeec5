package org.udjat.report.view;

import java.util.List;

/**
 * The overview, {@code index.html}: what is wrong first, then counts and every host.
 *
 * @param page        the page frame
 * @param problems    hosts down and checks not OK or UNSTABLE, worst first: HARD before SOFT, CRITICAL (and DOWN)
 *                    before WARNING before UNKNOWN, then not suppressed before suppressed, then the newest first
 * @param hostCounts  hosts per state (UP, DOWN, UNREACHABLE)
 * @param checkCounts checks per state (OK, WARNING, CRITICAL, UNKNOWN)
 * @param soft        problems not yet confirmed (SOFT)
 * @param unstable    hosts and checks that are UNSTABLE
 * @param suppressed  problems blamed on a root cause elsewhere
 * @param hosts       every host, in config order
 * @param undelivered messages the outbox could not deliver yet or gave up, oldest first; usually none
 * @param control     who is on duty, the acks in force, the downtimes in force and scheduled
 * @param poller      the poller's own health, from its heartbeat and {@code crashes/}
 */
public record OverviewView(PageInfo page, List<Problem> problems, List<Count> hostCounts, List<Count> checkCounts,
                           int soft, int unstable, int suppressed, List<HostLine> hosts, List<Undelivered> undelivered,
                           ControlView control, Poller poller) {

    /**
     * The poller's own health.
     *
     * @param lastCycle     when the last cycle finished (before this rendering), empty when none has
     * @param took          how long it took, e.g. {@code 2.1s}
     * @param overran       whether it overran
     * @param overrunReason why, else empty
     * @param overruns      overrun cycles in the last 24 hours
     * @param crashes24h    crashes in the last 24 hours
     * @param crashes       the latest crashes, newest first
     * @param css           {@code ok}, {@code warning} (it overran) or {@code critical} (a crash in 24h)
     */
    public record Poller(String lastCycle, String took, boolean overran, String overrunReason, int overruns,
                         int crashes24h, List<CrashLine> crashes, String css) {
    }

    /**
     * A crash of {@code udjat run}.
     *
     * @param time      when
     * @param exception the exception, on one line
     * @param file      its file under {@code crashes/} in the state directory
     */
    public record CrashLine(String time, String exception, String file) {
    }

    /**
     * A message not delivered (yet).
     *
     * @param channel   the channel it is for
     * @param recipient the contact, or empty for a room
     * @param kind      {@code PAGE}, {@code PROBLEM}...
     * @param age       how long it has waited, e.g. {@code 12m}
     * @param attempts  failed deliveries
     * @param lastError why the last attempt failed or why it waits, on one line
     * @param gaveUp    whether it was given up (kept in {@code outbox/undeliverable/})
     * @param css       the CSS class of its badge: {@code critical} when given up, else {@code warning}
     */
    public record Undelivered(String channel, String recipient, String kind, String age, int attempts,
                              String lastError, boolean gaveUp, String css) {
    }

    /**
     * One thing that is wrong.
     *
     * @param state        {@code CRITICAL}, {@code DOWN}, {@code OK} (when only UNSTABLE)...
     * @param css          its CSS class
     * @param type         {@code HARD}, {@code SOFT 2/3}, or empty when not recorded
     * @param host         the host
     * @param check        the check, empty for the host itself
     * @param href         its page
     * @param summary      the output or the reason, on one line, cut at 300 characters
     * @param since        when it entered the state
     * @param lasted       how long it has been in it
     * @param unstable     a note when it is UNSTABLE ({@code UNSTABLE: 6 changes in 30m}), else empty
     * @param suppressedBy the root cause, e.g. {@code gw1 DOWN}, else empty
     * @param note         what udjat adds (not run, output capped), else empty
     */
    public record Problem(String state, String css, String type, String host, String check, String href, String summary,
                          String since, String lasted, String unstable, String suppressedBy, String note) {
    }

    /**
     * One host in the list of all hosts.
     *
     * @param name         the host
     * @param href         its page
     * @param state        UP, DOWN or UNREACHABLE
     * @param css          its CSS class
     * @param reason       why it was not reached, empty when it was
     * @param suppressedBy the root cause when UNREACHABLE
     * @param worst        the CSS class of its worst check, or of the host itself when it is down
     * @param checks       its checks per state, only states with at least one check
     */
    public record HostLine(String name, String href, String state, String css, String reason, String suppressedBy,
                           String worst, List<Count> checks) {
    }
}
