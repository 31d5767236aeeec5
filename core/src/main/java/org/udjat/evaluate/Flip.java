package org.udjat.evaluate;

import java.time.Instant;

/**
 * One change of a raw result, kept for flap detection and shown when something becomes UNSTABLE.
 *
 * @param time  when the result changed
 * @param state the new result ({@code CRITICAL}, {@code DOWN}...)
 */
public record Flip(Instant time, String state) {
}
