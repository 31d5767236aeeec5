package org.udjat.remedy.kill;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A signal as the {@code signal} option names it: a name such as {@code TERM} or {@code SIGHUP}
 * (any case), or a number from 1 to 31. Names are passed as {@code kill -s NAME}, numbers as
 * {@code kill -N}; both forms are POSIX.
 *
 * @param name   the name to show, e.g. {@code TERM}, or {@code signal 12} for a number POSIX does not fix
 * @param killArg the argument of {@code kill} before the pids, e.g. {@code -s TERM} or {@code -12}
 */
record Signal(String name, String killArg) {
    /** The names every platform knows (POSIX). */
    static final Set<String> NAMES = Set.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
            "USR2", "PIPE", "ALRM", "TERM", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM",
            "PROF", "SYS");
    /** The numbers POSIX fixes, with their names. */
    private static final Map<Integer, String> FIXED = Map.of(1, "HUP", 2, "INT", 3, "QUIT", 6, "ABRT", 9, "KILL", 14, "ALRM", 15, "TERM");
    static final Signal TERM = new Signal("TERM", "-s TERM");

    /** The signal for an option value; empty for anything that is neither a known name nor 1 to 31. */
    static Optional<Signal> parse(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 31) {
                return Optional.empty();
            }
            return Optional.of(new Signal(FIXED.getOrDefault(n, "signal " + n), "-" + n));
        }
        String name = v.startsWith("SIG") ? v.substring(3) : v;
        return NAMES.contains(name) ? Optional.of(new Signal(name, "-s " + name)) : Optional.empty();
    }
}
