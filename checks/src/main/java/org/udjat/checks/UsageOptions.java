package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Quantity;
import org.udjat.api.Settings;
import org.udjat.api.Thresholds;

/**
 * The options of a check that measures a {@link Usage}: {@code warn} and {@code crit} as
 * {@link UsageThresholds}, and for the checks over filesystems the {@link FilesystemSelection}
 * keys too. Immutable.
 *
 * @param amount             what the available amount is counted in: {@link Quantity#SIZE} or
 *                           {@link Quantity#NUMBER}
 * @param selectsFilesystems true when the check also takes {@code mounts}, {@code exclude_mounts}
 *                           and {@code exclude_types}
 */
record UsageOptions(Quantity amount, boolean selectsFilesystems) implements ThresholdOptions<UsageThresholds> {
    /** {@code memory} and {@code swap}. */
    static final UsageOptions MEMORY = new UsageOptions(Quantity.SIZE, false);
    /** {@code disk}: space in bytes on the selected filesystems. */
    static final UsageOptions DISK = new UsageOptions(Quantity.SIZE, true);
    /** {@code inodes}: counted inodes on the selected filesystems. */
    static final UsageOptions INODES = new UsageOptions(Quantity.NUMBER, true);

    @Override
    public Set<String> names() {
        return selectsFilesystems ? Set.of(Thresholds.WARN, Thresholds.CRIT, FilesystemSelection.MOUNTS,
                FilesystemSelection.EXCLUDE_MOUNTS, FilesystemSelection.EXCLUDE_TYPES)
                : Set.of(Thresholds.WARN, Thresholds.CRIT);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>(UsageThresholds.validate(options, amount));
        if (selectsFilesystems) {
            problems.addAll(FilesystemSelection.validate(options));
        }
        return problems;
    }

    @Override
    public UsageThresholds read(Settings options) {
        return UsageThresholds.read(options, amount);
    }
}
