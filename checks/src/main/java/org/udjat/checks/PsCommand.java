package org.udjat.checks;

import org.udjat.api.Platform;

/**
 * The ps commands of the {@code process} and {@code zombies} checks, read by {@link PsListing}.
 * They list every process and depend on no option: all matching happens on the poller.
 *
 * <p>Each listing has one free-text column, the last, and {@code -ww} so BSD and macOS ps do
 * not cut it to a terminal width. Linux ps runs under the C.UTF-8 locale so procps prints
 * non-ASCII names as they are instead of {@code ?} (where that locale is missing, it falls
 * back to C). BusyBox ps has no {@code -e}, {@code -ww} or uid column; it always lists every
 * process. On BSD and macOS the name column is {@code ucomm}, the short accounting name, since
 * macOS's {@code comm} is the full executable path.
 */
final class PsCommand {
    private PsCommand() {
    }

    /** The script's pid and the process table, for the zombie check. */
    static String table(Platform platform) {
        return "echo $$; " + tableListing(platform);
    }

    /** The script's pid, the process table and the full command lines, for the process check. */
    static String tableAndArgs(Platform platform) {
        return table(platform) + " && " + argsListing(platform);
    }

    private static String tableListing(Platform platform) {
        return switch (platform) {
            case LINUX -> "LC_ALL=C.UTF-8 ps -e -ww -o pid,ppid,uid,user,stat,comm";
            case BUSYBOX -> "ps -o pid,ppid,user,stat,comm";
            case FREEBSD, OPENBSD, MACOS -> "ps -ax -ww -o pid,ppid,uid,user,state,ucomm";
        };
    }

    private static String argsListing(Platform platform) {
        return switch (platform) {
            case LINUX -> "LC_ALL=C.UTF-8 ps -e -ww -o pid,args";
            case BUSYBOX -> "ps -o pid,args";
            case FREEBSD, OPENBSD, MACOS -> "ps -ax -ww -o pid,args";
        };
    }
}
