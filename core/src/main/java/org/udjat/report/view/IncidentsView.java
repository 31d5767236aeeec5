package org.udjat.report.view;

import java.util.List;

/**
 * The incidents, {@code incidents.html}: every HARD problem that is going on, and those that ended
 * within the last 30 days.
 *
 * @param page        the page frame
 * @param ongoing     problems going on, the most recent first
 * @param ended       problems that ended, the most recently ended first, at most {@code limit}
 * @param endedTotal  how many ended within the period
 * @param limit       the most ended incidents listed
 * @param period      the period, e.g. {@code 30d}
 * @param meanDetect  mean time to detect of the listed incidents, empty when there are none
 * @param meanRecover mean time to recover of the ended ones listed, empty when there are none
 */
public record IncidentsView(PageInfo page, List<Row> ongoing, List<Row> ended, int endedTotal, int limit, String period,
                            String meanDetect, String meanRecover) {

    /**
     * One incident.
     *
     * @param subject      {@code web1} or {@code web1/disk}
     * @param href         its page, empty when no longer in the config
     * @param worst        the worst state it reached
     * @param css          its CSS class
     * @param started      the first result that was not OK
     * @param notified     when people were first told, "—" when nobody was
     * @param ended        when it was over, {@code ongoing} while it is not
     * @param lasted       from start to end, or to now
     * @param detect       time to detect: from the first failed result to HARD
     * @param recover      time to recover: from the first OK result to the recovery, "—" while ongoing
     * @param suppressedBy the root cause it was blamed on, else empty
     * @param unstable     whether it was UNSTABLE at some point
     */
    public record Row(String subject, String href, String worst, String css, String started, String notified,
                      String ended, String lasted, String detect, String recover, String suppressedBy,
                      boolean unstable) {
    }
}
