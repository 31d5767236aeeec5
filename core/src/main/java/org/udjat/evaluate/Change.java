package org.udjat.evaluate;

import java.time.Instant;

/**
 * One change of a host's or check's state: a line of {@code history.jsonl}.
 *
 * @param time    when the change was observed
 * @param host    the host's name
 * @param check   the check's name, or null for a change of the host itself
 * @param from    the previous state ({@code OK}, {@code CRITICAL}, {@code UP}, {@code DOWN}...), or null when first seen
 * @param to      the new state
 * @param summary the output or reason that goes with the new state
 */
public record Change(Instant time, String host, String check, String from, String to, String summary) {
}
