package org.udjat.checks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Quantity;
import org.udjat.api.Range;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * The {@code warn}/{@code crit} options of checks that measure a {@link Usage}: a percentage
 * applies to the used share ({@code 90%} alerts above 90% used), a size to the available bytes
 * ({@code 2GiB:} alerts below 2 GiB available). A size threshold that would not alert when
 * nothing is available is rejected, since it can only be a mistake.
 */
record UsageThresholds(Thresholds thresholds) {
    static final Set<Quantity> ACCEPTED = EnumSet.of(Quantity.PERCENT, Quantity.SIZE);

    /**
     * Reads the options.
     *
     * @throws IllegalArgumentException {@code key: problem} for the first bad option
     */
    static UsageThresholds read(Settings options) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            ConfigProblem p = problems.get(0);
            throw new IllegalArgumentException(p.key() + ": " + p.message());
        }
        return new UsageThresholds(Thresholds.read(options, ACCEPTED));
    }

    /** Every problem with {@code warn} and {@code crit}; never throws. */
    static List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>(Thresholds.validate(options, ACCEPTED));
        for (String key : List.of(Thresholds.WARN, Thresholds.CRIT)) {
            if (problems.stream().noneMatch(p -> p.key().equals(key))) {
                Threshold t = Thresholds.read(options, key, ACCEPTED);
                if (t != null && t.quantity() == Quantity.SIZE && !t.alerts(0)) {
                    problems.add(new ConfigProblem(key, "a size applies to what is still available, and \"" + t.text()
                            + "\" would not alert when nothing is left; write \"" + hint(t) + "\" to alert below that"));
                }
            }
        }
        return problems;
    }

    private static String hint(Threshold t) {
        return t.text().contains(":") ? "2GiB:" : t.text() + ":";
    }

    /** The status of one store. */
    Status evaluate(Usage usage) {
        return thresholds.evaluate(q -> q == Quantity.PERCENT ? usage.usedPercent() : usage.available());
    }

    /** The warning range on used bytes, for perfdata; null when absent or the store is empty. */
    Range warnOnUsed(Usage usage) {
        return onUsed(thresholds.warn(), usage);
    }

    /** The critical range on used bytes, for perfdata; null when absent or the store is empty. */
    Range critOnUsed(Usage usage) {
        return onUsed(thresholds.crit(), usage);
    }

    /** The warning range on the used percentage, for perfdata; null when absent or the store is empty. */
    Range warnOnPercent(Usage usage) {
        return onPercent(thresholds.warn(), usage);
    }

    /** The critical range on the used percentage, for perfdata; null when absent or the store is empty. */
    Range critOnPercent(Usage usage) {
        return onPercent(thresholds.crit(), usage);
    }

    private static Range onUsed(Threshold t, Usage u) {
        if (t == null || u.capacity() <= 0) {
            return null;
        }
        // used = capacity * percent / 100, and used = capacity - available
        return t.quantity() == Quantity.PERCENT ? t.mapped(u.capacity() / 100, 0) : t.mapped(-1, u.capacity());
    }

    private static Range onPercent(Threshold t, Usage u) {
        if (t == null || u.capacity() <= 0) {
            return null;
        }
        return t.quantity() == Quantity.PERCENT ? t.range() : t.mapped(-100 / u.capacity(), 100);
    }
}
