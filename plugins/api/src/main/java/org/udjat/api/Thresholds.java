package org.udjat.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The {@code warn} and {@code crit} thresholds of a check, either of which may be absent,
 * and the status they give a measured value: CRITICAL when the critical range alerts,
 * else WARNING when the warning range alerts, else OK. Immutable.
 *
 * @param warn the warning threshold, or null when none was given
 * @param crit the critical threshold, or null when none was given
 */
public record Thresholds(Threshold warn, Threshold crit) {
    /** The option key of the warning threshold. */
    public static final String WARN = "warn";
    /** The option key of the critical threshold. */
    public static final String CRIT = "crit";
    /** No thresholds: every value is OK. */
    public static final Thresholds NONE = new Thresholds(null, null);

    /**
     * Reads {@code warn} and {@code crit} from a check's options.
     *
     * @throws IllegalArgumentException naming the key, e.g. {@code warn: expected a percentage like "90%", got "lots"};
     *         call {@link #validate} first to get every problem at once
     */
    public static Thresholds read(Settings options, Set<Quantity> accepted) {
        return new Thresholds(read(options, WARN, accepted), read(options, CRIT, accepted));
    }

    /** Every problem with {@code warn} and {@code crit} in a check's options; empty when both are fine. Never throws. */
    public static List<ConfigProblem> validate(Settings options, Set<Quantity> accepted) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String key : List.of(WARN, CRIT)) {
            String text = options.string(key).orElse(null);
            try {
                if (text != null) {
                    Threshold.parse(text, accepted);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key, e.getMessage()));
            }
        }
        return problems;
    }

    /**
     * The threshold under one key, or null when absent.
     *
     * @throws IllegalArgumentException {@code key: what was expected, got what}
     */
    public static Threshold read(Settings options, String key, Set<Quantity> accepted) {
        String text = options.string(key).orElse(null);
        if (text == null) {
            return null;
        }
        try {
            return Threshold.parse(text, accepted);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** The status of a value that both thresholds are written on. */
    public Status evaluate(double value) {
        return evaluate(q -> value);
    }

    /**
     * The status when each threshold applies to the value of its own quantity, e.g. a disk
     * with {@code warn: 90%} on the used percentage and {@code crit: "1GiB:"} on the free bytes.
     *
     * @param valueOf the measured value in the base unit of the given quantity
     */
    public Status evaluate(ToDoubleFunction<Quantity> valueOf) {
        if (crit != null && crit.alerts(valueOf.applyAsDouble(crit.quantity()))) {
            return Status.CRITICAL;
        }
        if (warn != null && warn.alerts(valueOf.applyAsDouble(warn.quantity()))) {
            return Status.WARNING;
        }
        return Status.OK;
    }

    /** The warning range for perfdata, or null when there is none. */
    public Range warnRange() {
        return warn == null ? null : warn.range();
    }

    /** The critical range for perfdata, or null when there is none. */
    public Range critRange() {
        return crit == null ? null : crit.range();
    }
}
