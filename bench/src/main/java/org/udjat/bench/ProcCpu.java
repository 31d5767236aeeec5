package org.udjat.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of processes as Linux accounts it in {@code /proc/PID/stat}, in seconds.
 * Children count once they have been reaped, which is how an sshd listener's per-connection
 * processes and the remote shells under them show up.
 */
final class ProcCpu {
    private final double ticksPerSecond;

    ProcCpu(double ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
    }

    /** utime + stime + cutime + cstime of every process, summed. */
    double withChildren(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            String[] f = fields(pid);
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks / ticksPerSecond;
    }

    /** cutime + cstime of this JVM: the CPU time of the child processes it has waited for, and theirs. */
    double reapedChildren() {
        String[] f = fields(ProcessHandle.current().pid());
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / ticksPerSecond;
    }

    /** utime + stime of this JVM (all its threads) plus children it has reaped. */
    double self() {
        return withChildren(List.of(ProcessHandle.current().pid()));
    }

    /** The fields after the command name, so a name with blanks cannot shift them: index 0 is the state. */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
    }
}
