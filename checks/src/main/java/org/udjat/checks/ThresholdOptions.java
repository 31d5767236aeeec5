package org.udjat.checks;

import java.util.List;
import java.util.Set;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;

/**
 * The options of a {@link ThresholdCheck}: their keys, every problem with them for
 * {@code validate()}, and what {@code parse()} reads from them. Immutable.
 *
 * @param <L> what the options are read into, e.g. {@link org.udjat.api.Thresholds}
 */
interface ThresholdOptions<L> {

    /** Every option key the check accepts. */
    Set<String> names();

    /** Every problem with the options, one per problem; never throws. */
    List<ConfigProblem> validate(Settings options);

    /**
     * The options as the parser uses them.
     *
     * @throws IllegalArgumentException {@code key: problem} for the first bad option
     */
    L read(Settings options);
}
