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
 * What the checks whose options are their thresholds share ({@code clock}, {@code uptime},
 * {@code fds}, {@code zombies}, {@code mailq}, {@code memory}, {@code swap}, {@code disk},
 * {@code inodes}): a name, the options one {@link ThresholdOptions} describes and validates,
 * and a parse that reads those options first and answers
 * {@code NAME UNKNOWN - bad options: key: problem} when they are bad, since parse cannot rely
 * on validate() having run. A subclass gives the command and turns the output into an outcome
 * with the options read. Stateless, as every check.
 *
 * @param <L> what the options are read into: {@link org.udjat.api.Thresholds}, or
 *            {@link UsageThresholds} for a store
 */
abstract class ThresholdCheck<L> implements Check {
    private final String name;
    private final ThresholdOptions<L> thresholdOptions;

    ThresholdCheck(String name, ThresholdOptions<L> thresholdOptions) {
        this.name = name;
        this.thresholdOptions = thresholdOptions;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> optionNames() {
        return thresholdOptions.names();
    }

    @Override
    public final List<ConfigProblem> validate(Settings options) {
        return thresholdOptions.validate(options);
    }

    @Override
    public final CheckOutcome parse(RawOutput output, Settings options) {
        L limits;
        try {
            limits = thresholdOptions.read(options);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown(name.toUpperCase(Locale.ROOT) + " UNKNOWN - bad options: " + e.getMessage(), "");
        }
        return parse(output, limits, options);
    }

    /**
     * Turns the command's output into an outcome. Never throws.
     *
     * @param limits  the options as {@link ThresholdOptions#read} gave them
     * @param options the options as written, for what the limits do not hold (the filesystem
     *                selection of disk and inodes)
     */
    abstract CheckOutcome parse(RawOutput output, L limits, Settings options);
}
