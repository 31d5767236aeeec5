package org.udjat.checks;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;

/**
 * What the checks whose options are their thresholds share: a name, the options one
 * {@link ThresholdOptions} describes, validated by it, and a parse that reads those options
 * first and answers {@code NAME UNKNOWN - bad options: key: problem} when they are bad, since
 * parse cannot rely on validate() having run. A subclass gives the command and turns the
 * output into an outcome with the options read. Stateless, as every check.
 *
 * @param <L> what the options are read into: {@link org.udjat.api.Thresholds}, or
 *            {@link UsageThresholds} for a store
 */
abstract class ThresholdCheck<L> implements Check {
    private final String name;
    private final ThresholdOptions<L> options;

    ThresholdCheck(String name, ThresholdOptions<L> options) {
        this.name = name;
        this.options = options;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> optionNames() {
        return options.names();
    }

    @Override
    public final List<ConfigProblem> validate(Settings settings) {
        return options.validate(settings);
    }

    @Override
    public final CheckOutcome parse(RawOutput output, Settings settings) {
        L limits;
        try {
            limits = options.read(settings);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown(name.toUpperCase(Locale.ROOT) + " UNKNOWN - bad options: " + e.getMessage(), "");
        }
        return parse(output, limits, settings);
    }

    /**
     * Turns the command's output into an outcome. Never throws.
     *
     * @param limits   the options as {@link ThresholdOptions#read} gave them
     * @param settings the options as written, for what the limits do not hold
     */
    abstract CheckOutcome parse(RawOutput output, L limits, Settings settings);
}
