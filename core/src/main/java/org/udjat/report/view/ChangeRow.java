package org.udjat.report.view;

/**
 * One change from the history.
 *
 * @param time         when it was observed
 * @param subject      {@code web1} or {@code web1/disk}
 * @param href         the page of the host or check, empty when it is no longer in the config
 * @param from         the previous state, empty when first seen
 * @param fromCss      its CSS class
 * @param to           the new state
 * @param toCss        its CSS classes: the state's, and {@code soft} when the new state is SOFT
 * @param kind         what it meant: {@code PROBLEM}, {@code RECOVERY}, {@code UNSTABLE}...; empty for a SOFT move
 *                     (the type says it) and for old lines
 * @param type         {@code HARD}, {@code SOFT 1/3}, or empty when not recorded
 * @param summary      the output or reason with the new state, on one line
 * @param suppressedBy the root cause it was blamed on, empty when none
 * @param lasted       how long the previous state had lasted, empty when unknown
 */
public record ChangeRow(String time, String subject, String href, String from, String fromCss, String to, String toCss,
                        String kind, String type, String summary, String suppressedBy, String lasted) {
}
