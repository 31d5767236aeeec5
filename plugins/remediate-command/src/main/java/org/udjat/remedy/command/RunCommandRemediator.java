package org.udjat.remedy.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.api.Text;

/**
 * {@code run-command}: runs the user's {@code command} with {@code /bin/sh -c} on the host (through
 * {@code sudo -n} with {@code sudo: true}), in a shell of its own so that its {@code exit} or
 * variables never touch the script around it. The target is substituted nowhere: the command
 * gets it in the exported variable {@code UDJAT_TARGET}, set through {@link Shell#quote}, and
 * uses it as {@code "$UDJAT_TARGET"} if it wants. Judged by the exit status. Stateless.
 */
@Extension
public final class RunCommandRemediator implements Remediator {
    static final String TYPE = "run-command";
    static final String COMMAND = "command";
    static final String SUDO = "sudo";
    private static final int MAX_COMMAND = 10_000;
    private static final int MAX_TARGET = 200;

    @Override
    public String type() {
        return TYPE;
    }

    /** How udjat's lines say it: {@code ran the command for orders on node3 (2nd time in 20m)}. */
    @Override
    public Verb verb() {
        return new Verb("run the command for", "ran the command for", "running the command for");
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(COMMAND, SUDO);
    }

    @Override
    public List<ConfigProblem> validate(String target, Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (target == null || target.isBlank() || target.length() > MAX_TARGET || !Text.printable(target).equals(target)) {
            problems.add(new ConfigProblem("target", "expected a name for what the command fixes, one line of at most "
                    + MAX_TARGET + " characters like \"orders\", got \"" + Text.printable(String.valueOf(target)) + "\""));
        }
        Object command = options.asMap().get(COMMAND);
        if (command == null) {
            problems.add(new ConfigProblem(COMMAND, "the command to run is required, e.g. command: /usr/local/bin/fix-orders"
                    + " \"$UDJAT_TARGET\""));
        } else if (!(command instanceof String s) || s.isBlank() || s.length() > MAX_COMMAND || s.indexOf('\0') >= 0) {
            problems.add(new ConfigProblem(COMMAND, "expected one string, a command for /bin/sh like"
                    + " \"/usr/local/bin/fix-orders --now\", got " + (command instanceof String s
                            ? "\"" + Text.printable(s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\""
                            : "a " + (command instanceof List ? "list" : command instanceof java.util.Map ? "map" : "number or boolean"))));
        }
        if (options.has(SUDO) && !(options.asMap().get(SUDO) instanceof Boolean)) {
            problems.add(new ConfigProblem(SUDO, "expected true or false, got \"" + Text.printable(options.string(SUDO, "")) + "\""));
        }
        return problems;
    }

    /**
     * {@code [sudo -n] /bin/sh -c 'UDJAT_TARGET='TARGET'; export UDJAT_TARGET; COMMAND'}: the same
     * on every platform. Empty for what {@link #validate} rejects.
     */
    @Override
    public Optional<String> command(Platform platform, String target, Settings options) {
        if (!validate(target, options).isEmpty()) {
            return Optional.empty();
        }
        String inner = "UDJAT_TARGET=" + Shell.quote(target) + "; export UDJAT_TARGET; " + options.string(COMMAND).orElseThrow();
        return Optional.of((options.bool(SUDO, false) ? "sudo -n " : "") + "/bin/sh -c " + Shell.quote(inner));
    }

    /** Exit 0 is done, with the first line the command printed; anything else quotes its first lines. */
    @Override
    public Outcome judge(RawOutput output, String target, Settings options) {
        if (output.exitCode() == 0) {
            Optional<String> first = output.lines().stream().filter(l -> !l.isBlank()).findFirst();
            return new Outcome(true, first.map(l -> Text.cut(Text.printable(l.strip()))).orElse("the command exited 0"));
        }
        return new Outcome(false, "the command failed: exit " + output.exitCode() + ": " + Text.excerpt(output.lines()));
    }
}
