package org.udjat.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * A known fix that a machine can apply at any hour: restart a service, kill a stuck process, run
 * a command. Like a {@link Check}, a remediator is a POSIX sh command run on the monitored host
 * over its SSH session, and a judgement of the command's output made on the poller.
 *
 * <p>udjat decides when to act (the failure has lasted {@code after} in HARD state, at most
 * {@code max} actions per {@code per} and target, the mode allows it) and verifies the fix by
 * the check's next result; the remediator only says how to act on one target. The command runs
 * with stdin from /dev/null, {@code LC_ALL=C}, stdout and stderr together, its own timeout and an
 * output cap. Implementations are stateless and never throw from {@link #validate},
 * {@link #command} or {@link #judge}; a throw is reported as the plugin's fault.
 */
public interface Remediator extends ExtensionPoint {

    /** The name used after {@code with:} in a check's {@code remediate:} block, e.g. {@code restart-service}. */
    String type();

    /** The option keys this remediator accepts besides udjat's own ({@code with}, {@code target}, {@code after}, {@code max}, {@code per}, {@code mode}, {@code timeout}). */
    default Set<String> optionNames() {
        return Set.of();
    }

    /** Checks the target and options a user wrote; reports every problem and never throws. */
    default List<ConfigProblem> validate(String target, Settings options) {
        return List.of();
    }

    /**
     * The POSIX sh command that acts on {@code target} on the given platform, or empty when the
     * remediator cannot act there (udjat then records a refusal naming the remediator and platform).
     * Any value that reaches the shell goes through {@link Shell#quote}.
     */
    Optional<String> command(Platform platform, String target, Settings options);

    /** Whether the command did what it should, from its output and exit code. Never throws. */
    default Outcome judge(RawOutput output, String target, Settings options) {
        String first = output.lines().stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return output.exitCode() == 0
                ? new Outcome(true, first.isEmpty() ? "done" : first)
                : new Outcome(false, "exit " + output.exitCode() + (first.isEmpty() ? "" : ": " + first));
    }

    /**
     * How messages name the action: {@code restart}, {@code restarted}, {@code restarting}, as in
     * "restarted orders on node3" and "limit reached: not restarting orders on node3".
     */
    default Verb verb() {
        return new Verb("remediate", "remediated", "remediating");
    }

    /**
     * The words for an action in messages.
     *
     * @param base       {@code restart}
     * @param past       {@code restarted}
     * @param continuous {@code restarting}
     */
    record Verb(String base, String past, String continuous) {
        public Verb {
            java.util.Objects.requireNonNull(base, "base");
            java.util.Objects.requireNonNull(past, "past");
            java.util.Objects.requireNonNull(continuous, "continuous");
        }
    }

    /**
     * What an action did.
     *
     * @param done    whether the action was carried out (the fix itself is verified by the check's next result)
     * @param summary one line for humans, e.g. {@code orders restarted} or {@code exit 5: Unit orders.service not found}
     */
    record Outcome(boolean done, String summary) {
        public Outcome {
            summary = summary == null ? "" : summary;
        }
    }
}
