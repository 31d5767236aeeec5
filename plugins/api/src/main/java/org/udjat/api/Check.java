package org.udjat.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * A check that gathers raw values on a monitored host with a small POSIX sh command and
 * turns them into a result centrally, on the poller.
 *
 * <p>The command runs inside the host's one batched script, with stdin from /dev/null, its
 * own timeout and an output cap; it must need nothing installed beyond the platform's
 * standard tools. {@link #parse} runs on the poller and must never throw on bad output:
 * return {@link CheckOutcome#unknown} with the raw text instead. Implementations are
 * stateless and may be called from several threads at once; a check that must remember
 * something between cycles (how long a condition has lasted) keeps it in the small memory the
 * engine hands back to {@link #parse(RawOutput, Settings, Map)}.
 */
public interface Check extends ExtensionPoint {

    /** The name used after {@code check:} in the YAML config, e.g. {@code load}. */
    String name();

    /** The option keys this check accepts besides the common ones; used for did-you-mean. */
    default Set<String> optionNames() {
        return Set.of();
    }

    /** Checks the options a user wrote; reports every problem and never throws. */
    default List<ConfigProblem> validate(Settings options) {
        return List.of();
    }

    /**
     * The POSIX sh command that gathers this check's raw values on the given platform, or
     * empty when the check has no variant for it (the engine then reports UNKNOWN naming
     * the check and platform).
     */
    Optional<String> command(Platform platform, Settings options);

    /** Turns the raw output of {@link #command} into an outcome. Never throws. */
    CheckOutcome parse(RawOutput output, Settings options);

    /**
     * Turns the raw output into an outcome, given the memory this check returned in its last
     * outcome for the same host ({@link CheckOutcome#memory}); empty on the first cycle, after a
     * restart with an old status file, or when the last outcome had none. The engine keeps the
     * memory in the state directory's status.json between cycles, and keeps it unchanged when
     * the check did not run or timed out. Whatever this returns replaces it, so a check that
     * cannot read its output and wants to keep its memory returns
     * {@code CheckOutcome.unknown(...).withMemory(memory)}. The default ignores the memory and
     * calls {@link #parse(RawOutput, Settings)}. Never throws.
     */
    default CheckOutcome parse(RawOutput output, Settings options, Map<String, String> memory) {
        return parse(output, options);
    }
}
