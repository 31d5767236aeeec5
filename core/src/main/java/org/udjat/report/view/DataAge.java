package org.udjat.report.view;

/**
 * How old the data of the report is.
 *
 * @param present   whether a cycle has completed at all
 * @param lastCycle when the last cycle finished
 * @param age       how long ago that was
 * @param stale     whether that is longer ago than {@code stale_after} intervals: udjat has stopped running
 * @param expected  how often cycles should finish, e.g. {@code 1m}
 * @param staleAt   the age at which the data counts as stale, e.g. {@code 3m}
 */
public record DataAge(boolean present, String lastCycle, String age, boolean stale, String expected, String staleAt) {
}
