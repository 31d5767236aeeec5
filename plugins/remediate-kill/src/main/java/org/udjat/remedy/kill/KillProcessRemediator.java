package org.udjat.remedy.kill;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.pf4j.Extension;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.udjat.api.Text;

/**
 * {@code kill-process}: sends a signal ({@code signal}, TERM by default) to the process whose id
 * is in {@code pid_file}, or to every process whose full command line matches {@code match}, an
 * extended regular expression as for {@code pgrep -f}; never to the remediation's own shell, its
 * parents or its children, nor to pid 1 ({@link KillCommand}). With {@code sudo: true} the kill
 * runs through {@code sudo -n}. The target is a label for udjat's limits and messages, not used
 * in the command. Stateless.
 */
@Extension
public final class KillProcessRemediator implements Remediator {
    static final String TYPE = "kill-process";
    static final String PID_FILE = "pid_file";
    static final String MATCH = "match";
    static final String SIGNAL = "signal";
    static final String SUDO = "sudo";
    private static final int MAX_TEXT = 1000;
    private static final int SHOWN_PIDS = 10;

    @Override
    public String type() {
        return TYPE;
    }

    /** How udjat's lines say it: {@code killed orders on node3 (2nd time in 20m)}. */
    @Override
    public Verb verb() {
        return new Verb("kill", "killed", "killing");
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(PID_FILE, MATCH, SIGNAL, SUDO);
    }

    @Override
    public List<ConfigProblem> validate(String target, Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (target == null || target.isBlank() || target.length() > 200 || !Text.printable(target).equals(target)) {
            problems.add(new ConfigProblem("target", "expected a name for what is killed, one line of at most 200 characters"
                    + " like \"orders-worker\", got \"" + Text.printable(String.valueOf(target)) + "\""));
        }
        Optional<String> pidFile = options.string(PID_FILE);
        Optional<String> match = options.string(MATCH);
        if (pidFile.isPresent() == match.isPresent()) {
            problems.add(ConfigProblem.of("expected exactly one of pid_file (the file holding the process id) or match"
                    + " (a pattern of its command line), got " + (pidFile.isPresent() ? "both" : "neither")));
        }
        pidFile.filter(f -> !f.startsWith("/") || f.length() > MAX_TEXT || !Text.printable(f).equals(f))
                .ifPresent(f -> problems.add(new ConfigProblem(PID_FILE, "expected an absolute path like \"/run/orders.pid\", got \""
                        + Text.printable(f) + "\"")));
        match.ifPresent(m -> matchProblem(m).ifPresent(problems::add));
        options.string(SIGNAL).filter(s -> Signal.parse(s).isEmpty()).ifPresent(s -> problems.add(new ConfigProblem(SIGNAL,
                "expected a signal name like TERM, HUP or KILL, or a number from 1 to 31, got \"" + Text.printable(s) + "\"")));
        if (options.has(SUDO) && !(options.asMap().get(SUDO) instanceof Boolean)) {
            problems.add(new ConfigProblem(SUDO, "expected true or false, got \"" + Text.printable(options.string(SUDO, "")) + "\""));
        }
        return problems;
    }

    /** A pattern that matches the empty string matches every process on the host: refused. */
    private static Optional<ConfigProblem> matchProblem(String m) {
        if (m.isEmpty() || m.length() > MAX_TEXT || !Text.printable(m).equals(m)) {
            return Optional.of(new ConfigProblem(MATCH, "expected one line, a pattern of the command line like \"orders-worker\","
                    + " got \"" + Text.printable(m) + "\""));
        }
        boolean matchesEverything;
        try {
            matchesEverything = Pattern.compile(m).matcher("").find();
        } catch (PatternSyntaxException e) {
            matchesEverything = false; // ERE syntax Java does not read; the host's awk judges it
        }
        return matchesEverything ? Optional.of(new ConfigProblem(MATCH, "\"" + m + "\" matches every process;"
                + " expected a pattern that only the processes to kill match, like \"orders-worker\"")) : Optional.empty();
    }

    @Override
    public Optional<String> command(Platform platform, String target, Settings options) {
        if (!validate(target, options).isEmpty()) {
            return Optional.empty();
        }
        Signal signal = signal(options);
        boolean sudo = options.bool(SUDO, false);
        return Optional.of(options.string(PID_FILE)
                .map(f -> KillCommand.byPidFile(f, signal, sudo))
                .orElseGet(() -> KillCommand.byMatch(platform, options.string(MATCH).orElseThrow(), signal, sudo)));
    }

    /**
     * Done when at least one process was signalled: {@code killed 2 processes matching 'orders-worker'
     * with TERM (pids 4711 4712)}. Nothing to kill is not done, and says why.
     */
    @Override
    public Outcome judge(RawOutput output, String target, Settings options) {
        KillReport r = KillReport.read(output);
        String with = " with " + signal(options).name();
        Optional<String> pidFile = options.string(PID_FILE);
        String what = pidFile.map(f -> "from " + Text.printable(f))
                .orElseGet(() -> "matching '" + Text.printable(options.string(MATCH, "")) + "'");
        if (!r.killed().isEmpty()) {
            String done = pidFile.isPresent() ? "killed process " + r.killed().get(0) + " " + what + with
                    : "killed " + count(r.killed().size()) + " " + what + with + " (" + pids(r.killed()) + ")";
            return new Outcome(true, done + (r.failed().isEmpty() ? ""
                    : "; could not kill " + r.failed().size() + ": " + r.failed().get(0)));
        }
        if (!r.failed().isEmpty()) {
            return new Outcome(false, "could not kill " + (pidFile.isPresent() ? "process " : count(r.failed().size()) + " ")
                    + what + with + ": " + r.failed().get(0));
        }
        if (pidFile.isPresent()) {
            String f = Text.printable(pidFile.get());
            return switch (r.problem().isEmpty() ? "" : r.problem().split(" ", 2)[0]) {
                case "nopidfile" -> new Outcome(false, "no pid file " + f + "; nothing was killed");
                case "unreadable" -> new Outcome(false, "cannot read the pid file " + f + "; nothing was killed");
                case "badpid" -> new Outcome(false, "the pid file " + f + " holds \"" + r.problem().substring("badpid".length()).strip()
                        + "\", not the id of a process to kill; nothing was killed");
                default -> failed(output);
            };
        }
        if (r.listed() < 0) {
            return failed(output);
        }
        if (r.listed() == 0) {
            return new Outcome(false, "ps listed no processes; nothing was killed (exit " + output.exitCode() + ")");
        }
        return new Outcome(false, "no process " + what + " among " + r.listed() + "; nothing was killed");
    }

    private static Outcome failed(RawOutput output) {
        String first = output.lines().stream().filter(l -> !l.isBlank()).findFirst().map(KillReport::message).orElse("no output");
        return new Outcome(false, "could not kill: exit " + output.exitCode() + ": " + first);
    }

    private static Signal signal(Settings options) {
        return options.string(SIGNAL).flatMap(Signal::parse).orElse(Signal.TERM);
    }

    private static String count(int n) {
        return n + (n == 1 ? " process" : " processes");
    }

    private static String pids(List<String> pids) {
        String shown = String.join(" ", pids.subList(0, Math.min(SHOWN_PIDS, pids.size())));
        return (pids.size() == 1 ? "pid " : "pids ") + shown + (pids.size() > SHOWN_PIDS ? " +" + (pids.size() - SHOWN_PIDS) + " more" : "");
    }
}
