package org.udjat.report.view;

/**
 * How many hosts or checks are in one state.
 *
 * @param state the state, e.g. {@code CRITICAL}
 * @param css   its CSS class, e.g. {@code critical}
 * @param n     how many
 */
public record Count(String state, String css, int n) {
}
