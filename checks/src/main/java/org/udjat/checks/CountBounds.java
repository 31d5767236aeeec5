package org.udjat.checks;

import java.util.Optional;
import org.udjat.api.Range;
import org.udjat.api.Status;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * A count known only within bounds, because the output cap cut the listing it was taken from:
 * at least {@code low} items matched, and at most {@code high} (unbounded when the end of the
 * list is missing). A status is still certain when every count in the bounds gives the same one,
 * e.g. 3 processes found and the range {@code 1:} (at least one): more can only keep it OK.
 *
 * @param low  the items known to match
 * @param high the most that can match; {@link Long#MAX_VALUE} for no bound
 */
record CountBounds(long low, long high) {

    /** Bounds with no upper end. */
    static CountBounds atLeast(long low) {
        return new CountBounds(low, Long.MAX_VALUE);
    }

    /** True when the count is known exactly. */
    boolean exact() {
        return low == high;
    }

    /** The status every count within the bounds gives, or empty when it depends on the unknown part. */
    Optional<Status> settled(Thresholds thresholds) {
        if (!constant(thresholds.crit()) || !constant(thresholds.warn())) {
            return Optional.empty();
        }
        return Optional.of(thresholds.evaluate(low));
    }

    /** True when the threshold alerts for every count within the bounds, or for none. */
    private boolean constant(Threshold t) {
        if (t == null) {
            return true;
        }
        Range r = t.range();
        double hi = high == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : high;
        boolean allInside = low >= r.start() && hi <= r.end();
        boolean allOutside = hi < r.start() || low > r.end();
        return allInside || allOutside;
    }
}
