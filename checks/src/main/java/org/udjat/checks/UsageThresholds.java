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
 * applies to the used share ({@code 90%} alerts above 90% used), an amount to what is still
 * available ({@code 2GiB:} alerts below 2 GiB available for disk and memory, {@code 10000:} below
 * 10000 free inodes). The amount is a size for stores of bytes and a plain number for counted
 * things such as inodes. An amount threshold that would not alert when nothing is available is
 * rejected, since it can only be a mistake.
 *
 * @param thresholds the parsed {@code warn} and {@code crit}
 */
record UsageThresholds(Thresholds thresholds) {
    /** What disk and memory accept: a percentage or a size. */
    static final Set<Quantity> ACCEPTED = accepted(Quantity.SIZE);

    /**
     * Reads the options of a store whose available amount is of the given quantity
     * ({@link Quantity#SIZE} or {@link Quantity#NUMBER}).
     *
     * @throws IllegalArgumentException {@code key: problem} for the first bad option
     */
    static UsageThresholds read(Settings options, Quantity amount) {
        List<ConfigProblem> problems = validate(options, amount);
        if (!problems.isEmpty()) {
            ConfigProblem p = problems.get(0);
            throw new IllegalArgumentException(p.key() + ": " + p.message());
        }
        return new UsageThresholds(Thresholds.read(options, accepted(amount)));
    }

    /** Every problem with {@code warn} and {@code crit} when the available amount is of the given quantity; never throws. */
    static List<ConfigProblem> validate(Settings options, Quantity amount) {
        Set<Quantity> accepted = accepted(amount);
        List<ConfigProblem> problems = new ArrayList<>(Thresholds.validate(options, accepted));
        for (String key : List.of(Thresholds.WARN, Thresholds.CRIT)) {
            if (problems.stream().noneMatch(p -> p.key().equals(key))) {
                Threshold t = Thresholds.read(options, key, accepted);
                if (t != null && t.quantity() == amount && !t.alerts(0)) {
                    problems.add(new ConfigProblem(key, neverAlerts(t)));
                }
            }
        }
        return problems;
    }

    private static Set<Quantity> accepted(Quantity amount) {
        if (amount != Quantity.SIZE && amount != Quantity.NUMBER) {
            throw new IllegalArgumentException("an available amount is a size or a number, not " + amount);
        }
        return EnumSet.of(Quantity.PERCENT, amount);
    }

    /** Why a threshold on the available amount that stays quiet at zero is refused, and what to write instead. */
    private static String neverAlerts(Threshold t) {
        boolean size = t.quantity() == Quantity.SIZE;
        String example = size ? "2GiB:" : "10000:";
        String hint = t.text().contains(":") ? example : t.text() + ":";
        String message = (size ? "a size" : "a number") + " applies to what is still available, and \"" + t.text()
                + "\" would not alert when nothing is left; write \"" + hint + "\" to alert below that";
        // a bare "90" on a count is most likely a percentage written without its sign
        return size || t.text().contains(":") ? message : message + ", or \"" + t.text() + "%\" for a used percentage";
    }

    /** The status of one store. */
    Status evaluate(Usage usage) {
        return thresholds.evaluate(q -> q == Quantity.PERCENT ? usage.usedPercent() : usage.available());
    }

    /** The warning range on the used amount, for perfdata; null when absent or the store is empty. */
    Range warnOnUsed(Usage usage) {
        return onUsed(thresholds.warn(), usage);
    }

    /** The critical range on the used amount, for perfdata; null when absent or the store is empty. */
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
