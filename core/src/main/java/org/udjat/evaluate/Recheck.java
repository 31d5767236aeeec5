package org.udjat.evaluate;

/**
 * A parent or dependency polled a second time in the same cycle, because something depending
 * on it failed while it looked fine: recorded on the dependent's change.
 *
 * @param target the re-checked host ({@code gw1}) or check ({@code db1/postgres})
 * @param before its state from earlier in the cycle
 * @param after  its state when re-checked, which is the one the cycle used
 */
public record Recheck(String target, String before, String after) {
}
