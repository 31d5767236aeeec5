package org.udjat.checks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;
import org.udjat.api.Text;

/**
 * Which processes the {@code process} check counts: by exact command name, by a regular
 * expression found in the command line, and by user; every criterion given must match. With
 * none, every process counts. Zombies never count: they are no longer running.
 *
 * @param name the exact command name, like {@code pgrep -x}; null for any
 * @param args a regular expression searched in the full command line; null for any
 * @param user a user name or numeric uid; null for any
 */
record ProcessFilter(String name, Pattern args, String user) {
    static final String NAME = "process";
    static final String ARGS = "args";
    static final String USER = "user";
    /**
     * The longest command name Linux keeps (TASK_COMM_LEN - 1 bytes); BSD and macOS keep longer
     * ones (16 to 23). A name of at least this many bytes that starts a longer configured name
     * is taken as that name cut by the kernel.
     */
    static final int COMM_BYTES = 15;
    /** The width BusyBox and OpenBSD cut user names to, without a mark. */
    static final int USER_WIDTH = 8;

    /** Every problem with {@code name}, {@code args} and {@code user}; never throws. */
    static List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        options.string(NAME).filter(String::isBlank)
                .ifPresent(n -> problems.add(new ConfigProblem(NAME, "expected a command name like \"sshd\", got nothing")));
        options.string(ARGS).ifPresent(a -> {
            try {
                Pattern.compile(a);
            } catch (PatternSyntaxException e) {
                problems.add(new ConfigProblem(ARGS, "expected a regular expression like \"-D( |$)\", got \"" + a
                        + "\": " + e.getDescription()));
            }
        });
        options.string(USER).filter(u -> u.isBlank() || u.chars().anyMatch(Character::isWhitespace))
                .ifPresent(u -> problems.add(new ConfigProblem(USER, "expected a user name or uid like \"www-data\" or \"33\", got \""
                        + u + "\"")));
        return problems;
    }

    /**
     * Reads the options.
     *
     * @throws IllegalArgumentException {@code key: problem} for the first bad option
     */
    static ProcessFilter read(Settings options) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).key() + ": " + problems.get(0).message());
        }
        return new ProcessFilter(options.string(NAME).orElse(null), options.string(ARGS).map(Pattern::compile).orElse(null),
                options.string(USER).orElse(null));
    }

    /**
     * Whether the process matches: true or false, or null when only its unknown command line
     * could tell.
     */
    Boolean matches(PsProcess p) {
        if (p.isZombie() || name != null && !nameMatches(name, p.comm()) || user != null && !userMatches(user, p)) {
            return false;
        }
        if (args == null) {
            return true;
        }
        return p.args() == null ? null : args.matcher(p.args()).find();
    }

    /** {@code named "sshd", of user "root", with args matching "-D"}; empty when nothing is filtered. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (name != null) {
            parts.add("named \"" + Text.printable(name) + "\"");
        }
        if (user != null) {
            parts.add("of user \"" + Text.printable(user) + "\"");
        }
        if (args != null) {
            parts.add("with args matching \"" + Text.printable(args.pattern()) + "\"");
        }
        return String.join(", ", parts);
    }

    /**
     * True when ps's command name is the configured name, or the configured name cut by the
     * kernel: a name of 15 bytes or more that the configured one starts with. A multi-byte
     * character cut in half at the end shows as {@code ?} (procps) or U+FFFD (BusyBox's raw byte).
     */
    static boolean nameMatches(String name, String comm) {
        if (comm.equals(name)) {
            return true;
        }
        String whole = comm;
        while (whole.endsWith("\uFFFD") || whole.endsWith("?")) {
            whole = whole.substring(0, whole.length() - 1);
        }
        boolean cut = whole.length() < comm.length() || bytes(whole) >= COMM_BYTES;
        return cut && !whole.isEmpty() && bytes(whole) > COMM_BYTES - 4 && bytes(name) > bytes(whole)
                && name.startsWith(whole);
    }

    /**
     * True when ps's user column is the configured user: the same name, the same uid, or the
     * name as ps cut it (procps 4 marks the cut with {@code +}; BusyBox and OpenBSD cut to 8
     * characters without a mark).
     */
    static boolean userMatches(String user, PsProcess p) {
        String shown = p.user();
        if (shown.equals(user) || p.uid() >= 0 && String.valueOf(p.uid()).equals(user)) {
            return true;
        }
        if (shown.length() > 1 && shown.endsWith("+")) {
            String kept = shown.substring(0, shown.length() - 1);
            return user.length() >= shown.length() && user.startsWith(kept);
        }
        return shown.length() == USER_WIDTH && user.length() > USER_WIDTH && user.startsWith(shown);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
