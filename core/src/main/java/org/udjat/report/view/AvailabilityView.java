package org.udjat.report.view;

import java.util.List;

/**
 * Availability, {@code availability.html}: per host and per check over the last 24 hours, 7 and 30 days.
 *
 * @param page       the page frame
 * @param windows    the windows, e.g. {@code 24h}, {@code 7d}, {@code 30d}
 * @param hosts      every host
 * @param checks     the checks that were not OK for some of the known time in some window, worst first
 * @param allOk      how many further checks were OK for all their known time in every window
 */
public record AvailabilityView(PageInfo page, List<String> windows, List<Row> hosts, List<Row> checks, int allOk) {

    /**
     * One host or check.
     *
     * @param subject {@code web1} or {@code web1/disk}
     * @param href    its page
     * @param cells   one per window
     */
    public record Row(String subject, String href, List<AvailabilityCell> cells) {
    }
}
