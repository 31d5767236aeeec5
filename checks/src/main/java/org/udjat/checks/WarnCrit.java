package org.udjat.checks;

import java.util.List;
import java.util.Set;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Quantity;
import org.udjat.api.Settings;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * The options of a check that takes only {@code warn} and {@code crit}: Nagios ranges of the
 * accepted quantities, each with an optional default. Immutable.
 *
 * @param accepted    the quantities the ranges may be written in
 * @param defaultWarn the warn range when none is given, or null for none
 * @param defaultCrit the crit range when none is given, or null for none
 * @param emptyIsNone true when an option written without a value ({@code warn:}) counts as
 *                    given, so that its default gives way to no range; false when it counts as
 *                    absent and gets its default. clock and uptime have always read it the
 *                    first way, fds and zombies the second; both are kept so neither changes.
 */
record WarnCrit(Set<Quantity> accepted, String defaultWarn, String defaultCrit, boolean emptyIsNone)
        implements ThresholdOptions<Thresholds> {

    WarnCrit {
        accepted = Set.copyOf(accepted);
    }

    /** {@code warn} and {@code crit} without defaults. */
    static WarnCrit of(Set<Quantity> accepted) {
        return new WarnCrit(accepted, null, null, false);
    }

    /** {@code warn} and {@code crit} with defaults that apply unless the option has a value (fds, zombies). */
    static WarnCrit withDefaults(Set<Quantity> accepted, String defaultWarn, String defaultCrit) {
        return new WarnCrit(accepted, defaultWarn, defaultCrit, false);
    }

    /**
     * {@code warn} and {@code crit} with defaults that apply only while the option is not
     * written at all: {@code warn:} without a value means no warn range (clock, uptime).
     */
    static WarnCrit withDefaultsUnlessWritten(Set<Quantity> accepted, String defaultWarn, String defaultCrit) {
        return new WarnCrit(accepted, defaultWarn, defaultCrit, true);
    }

    @Override
    public Set<String> names() {
        return Set.of(Thresholds.WARN, Thresholds.CRIT);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        return Thresholds.validate(options, accepted);
    }

    @Override
    public Thresholds read(Settings options) {
        return new Thresholds(read(options, Thresholds.WARN, defaultWarn), read(options, Thresholds.CRIT, defaultCrit));
    }

    private Threshold read(Settings options, String key, String fallback) {
        boolean given = emptyIsNone ? options.has(key) : options.string(key).isPresent();
        return fallback == null || given ? Thresholds.read(options, key, accepted) : Threshold.parse(fallback, accepted);
    }
}
