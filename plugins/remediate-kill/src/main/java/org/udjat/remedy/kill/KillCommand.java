package org.udjat.remedy.kill;

import org.udjat.api.Platform;
import org.udjat.api.Shell;

/**
 * The shell text of {@code kill-process}. It prints one line per event, read back by
 * {@link KillReport}: {@code listed N} (processes ps showed), {@code killed PID},
 * {@code failed PID MESSAGE}, and for a pid file {@code nopidfile}, {@code unreadable} or
 * {@code badpid TEXT}.
 *
 * <p>By pattern, the processes are listed with ps and matched with awk, not with
 * {@code pgrep -f}: the pattern is written in this very script, so the shell running it (and
 * its subshells, and the login shell or {@code sh -c} above it) would match it too and be
 * killed. awk leaves out the script's shell ({@code $$}), every process above it and every
 * process below it, and pid 1. The pattern reaches awk through its environment, never its
 * arguments. BusyBox has no pgrep in many builds anyway.
 */
final class KillCommand {
    private KillCommand() {
    }

    /**
     * The awk program: reads {@code PID PPID ARGS} lines after ps's header, prints {@code listed N}
     * and {@code match PID} for each process whose command line matches the extended regular
     * expression in {@code UDJAT_MATCH}, apart from the script's own family.
     */
    static final String AWK = "NR == 1 { next }"
            + " { n++; parent[$1] = $2; a = $0; sub(/^[ \\t]*[0-9]+[ \\t]+[0-9]+[ \\t]?/, \"\", a); args[$1] = a }"
            + " END { print \"listed \" (n + 0); skip[self] = 1; mine[self] = 1;"
            + " for (p = self; (p in parent) && parent[p] > 0 && !(parent[p] in skip); p = parent[p]) skip[parent[p]] = 1;"
            + " do { more = 0; for (p in parent) if (!(p in mine) && (parent[p] in mine)) { mine[p] = 1; skip[p] = 1; more = 1 } } while (more);"
            + " for (p in args) if (!(p in skip) && p != 1 && args[p] ~ ENVIRON[\"UDJAT_MATCH\"]) print \"match \" p }";

    /** Signals every process that matches {@code pattern}, as listed by the platform's ps. */
    static String byMatch(Platform platform, String pattern, Signal signal, boolean sudo) {
        return "UDJAT_MATCH=" + Shell.quote(pattern) + "; export UDJAT_MATCH; " + sudo(sudo) + " " + ps(platform)
                + " | awk -v self=$$ " + Shell.quote(AWK) + " | while read -r what p; do case $what in"
                + " match) " + kill(signal, "$p") + ";;"
                + " *) echo \"$what $p\";; esac; done";
    }

    /** Signals the process whose id is the first line of {@code pidFile}. */
    static String byPidFile(String pidFile, Signal signal, boolean sudo) {
        return "f=" + Shell.quote(pidFile) + "; " + sudo(sudo)
                + " if [ ! -e \"$f\" ]; then echo nopidfile; elif [ ! -r \"$f\" ]; then echo unreadable; else p=;"
                + " read -r p < \"$f\"; case $p in ''|0*|*[!0-9]*) echo \"badpid $p\";;"
                + " *) if [ ${#p} -gt 10 ] || [ \"$p\" = 1 ] || [ \"$p\" = $$ ]; then echo \"badpid $p\"; else "
                + kill(signal, "$p") + "; fi;; esac; fi";
    }

    private static String sudo(boolean sudo) {
        return "sudo=" + (sudo ? "'sudo -n';" : "'';");
    }

    private static String kill(Signal signal, String pid) {
        return "if err=$($sudo kill " + signal.killArg() + " \"" + pid + "\" 2>&1); then echo \"killed " + pid
                + "\"; else echo \"failed " + pid + " $err\"; fi";
    }

    /** Every process with its parent and full command line, one header line first. */
    static String ps(Platform platform) {
        return switch (platform) {
            case LINUX -> "LC_ALL=C.UTF-8 ps -e -ww -o pid,ppid,args";
            case BUSYBOX -> "ps -o pid,ppid,args";
            case FREEBSD, OPENBSD, MACOS -> "ps -ax -ww -o pid,ppid,args";
        };
    }
}
