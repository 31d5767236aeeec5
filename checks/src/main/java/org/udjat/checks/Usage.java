package org.udjat.checks;

/**
 * How much of a store (a filesystem's space or inodes, memory) is used and how much is still
 * available, in bytes or, for inodes, in a count. The used share is {@code used / (used + available)},
 * like df's Capacity column, so space reserved for root counts as neither.
 *
 * @param used      bytes (or inodes) in use
 * @param available bytes (or inodes) still available to ordinary users
 * @param size      the store's total size, for display and perfdata max
 */
record Usage(double used, double available, double size) {

    /** Used plus available: what the percentage is taken of. */
    double capacity() {
        return used + available;
    }

    /** The used share in percent, 0 for an empty store. */
    double usedPercent() {
        return capacity() <= 0 ? 0 : used * 100 / capacity();
    }
}
