package org.udjat.report.view;

import java.util.List;

/**
 * A host's page, {@code hosts/<host>.html}.
 *
 * @param page         the page frame
 * @param name         the host
 * @param state        UP, DOWN or UNREACHABLE
 * @param css          its CSS class
 * @param type         {@code HARD}, {@code SOFT 1/3}, or empty when not recorded
 * @param reason       why it was not reached, empty when it was
 * @param suppressedBy the root cause when UNREACHABLE, else empty
 * @param unstable     a note when it is UNSTABLE, else empty
 * @param platform     the platform, empty when not known
 * @param address      where udjat connects to, empty for a local host
 * @param parents      its parents, with links
 * @param since        when it entered its state
 * @param lasted       how long it has been in it
 * @param lastPoll     when it was last polled
 * @param checks       its checks, in config order
 * @param availability its own availability over 24 hours, 7 and 30 days
 * @param changes      its own latest changes, newest first
 * @param control      whether it is in downtime or acknowledged now
 */
public record HostView(PageInfo page, String name, String state, String css, String type, String reason,
                       String suppressedBy, String unstable, String platform, String address, List<Link> parents,
                       String since, String lasted, String lastPoll, List<CheckLine> checks,
                       List<AvailabilityCell> availability, List<ChangeRow> changes, ControlView.Marks control) {

    /**
     * A link to another page.
     *
     * @param text what it says
     * @param href where it goes, relative to the report's root
     */
    public record Link(String text, String href) {
    }

    /**
     * One check of the host.
     *
     * @param name         the check
     * @param href         its page
     * @param state        OK, WARNING, CRITICAL or UNKNOWN
     * @param css          its CSS class
     * @param type         {@code HARD}, {@code SOFT 2/3}, or empty when not recorded
     * @param summary      the first line of its output, cut at 300 characters
     * @param lasted       how long it has been in its state
     * @param age          how old its latest result is, empty when it never ran
     * @param unstable     a note when it is UNSTABLE, else empty
     * @param suppressedBy the root cause, else empty
     * @param note         what udjat adds (not run, output capped), else empty
     */
    public record CheckLine(String name, String href, String state, String css, String type, String summary,
                            String lasted, String age, String unstable, String suppressedBy, String note) {
    }
}
