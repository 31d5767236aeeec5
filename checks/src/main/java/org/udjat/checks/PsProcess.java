package org.udjat.checks;

/**
 * One process as ps listed it.
 *
 * @param pid   the process id
 * @param ppid  the parent's process id
 * @param uid   the effective user id, or -1 where ps has no uid column (BusyBox)
 * @param user  the user name as ps printed it: possibly cut to 8 characters (BusyBox, OpenBSD),
 *              cut with a trailing {@code +} (procps 4), or a number (no name known, or procps 3
 *              when the name is wider than its column)
 * @param state the state column, e.g. {@code Ss}; a zombie's starts with {@code Z}
 * @param comm  the command name the kernel keeps (15 bytes on Linux), possibly with spaces
 * @param args  the full command line, or null when it is not known (the args listing was cut off
 *              by the output cap, or the process started between the two listings)
 */
record PsProcess(long pid, long ppid, long uid, String user, String state, String comm, String args) {

    /** True for a process that has exited but was not yet reaped by its parent. */
    boolean isZombie() {
        return state.startsWith("Z");
    }

    /** This process with its command line. */
    PsProcess withArgs(String commandLine) {
        return new PsProcess(pid, ppid, uid, user, state, comm, commandLine);
    }
}
