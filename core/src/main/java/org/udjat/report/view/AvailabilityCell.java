package org.udjat.report.view;

/**
 * Availability of one host or check over one window.
 *
 * @param window     the window, e.g. {@code 24h}
 * @param percent    OK time over known time, e.g. {@code 99.93%}, or {@code —} when nothing is known
 * @param css        {@code good} (at least 99.9%), {@code fair} (at least 99%), {@code poor}, or {@code nodata}
 * @param ok         time OK
 * @param problem    time in a problem state (WARNING, CRITICAL, DOWN, UNREACHABLE, UNSTABLE)
 * @param unknown    time UNKNOWN
 * @param suppressed part of the problem and UNKNOWN time blamed on a root cause elsewhere
 * @param noData     time with no data (before the first record, after the last cycle)
 */
public record AvailabilityCell(String window, String percent, String css, String ok, String problem, String unknown,
                               String suppressed, String noData) {
}
