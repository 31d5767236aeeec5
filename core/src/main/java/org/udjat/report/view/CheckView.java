package org.udjat.report.view;

import java.util.List;

/**
 * A check's page, {@code checks/<host>/<check>.html}.
 *
 * @param page         the page frame
 * @param host         the host
 * @param hostHref     the host's page
 * @param hostState    the host's state
 * @param hostCss      its CSS class
 * @param name         the check
 * @param state        OK, WARNING, CRITICAL or UNKNOWN
 * @param css          its CSS class
 * @param type         {@code HARD} or {@code SOFT}, empty when not recorded
 * @param attempts     consecutive results behind the state over those needed for HARD, e.g. {@code 2/3}; empty when not recorded
 * @param since        when it entered its state
 * @param lasted       how long it has been in it
 * @param lastResult   when the latest result was produced, empty when it never ran
 * @param age          how old that result is
 * @param stale        whether that result is older than {@code stale_after} intervals
 * @param duration     how long the latest run took on the host
 * @param note         what udjat adds (not run, output capped), else empty
 * @param unstable     a note when it is UNSTABLE, else empty
 * @param suppressedBy the root cause, else empty
 * @param summary      the first line of the latest output
 * @param longOutput   the further lines of the latest output
 * @param perfData     the measured values of the latest result
 * @param graphs       a graph for each measured value
 * @param availability its availability over 24 hours, 7 and 30 days
 * @param changes      its latest changes, newest first
 * @param control      whether it is in downtime or acknowledged now
 */
public record CheckView(PageInfo page, String host, String hostHref, String hostState, String hostCss, String name,
                        String state, String css, String type, String attempts, String since, String lasted,
                        String lastResult, String age, boolean stale, String duration, String note, String unstable,
                        String suppressedBy, String summary, String longOutput, List<Perf> perfData, List<Graph> graphs,
                        List<AvailabilityCell> availability, List<ChangeRow> changes, ControlView.Marks control) {

    /**
     * One measured value, as the plugin reported it.
     *
     * @param label the label
     * @param value the value, {@code U} when the plugin did not know it
     * @param unit  its unit, empty when none
     * @param warn  the warning range, empty when none
     * @param crit  the critical range, empty when none
     * @param min   the minimum, empty when none
     * @param max   the maximum, empty when none
     */
    public record Perf(String label, String value, String unit, String warn, String crit, String min, String max) {
    }

    /**
     * The graphs of one measured value, rendered by the RRD stage under {@code graphs/}; links relative to the
     * report's root.
     *
     * @param label  the label
     * @param day    the last day's graph, shown on the page
     * @param week   the last week's
     * @param month  the last month's
     * @param year   the last year's
     * @param width  the day graph's width in pixels, so the page does not jump while it loads
     * @param height its height in pixels
     */
    public record Graph(String label, String day, String week, String month, String year, int width, int height) {
    }
}
