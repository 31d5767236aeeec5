package org.udjat.notify.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a notification program: start it, feed its stdin, drain its output, wait for it
 * until a deadline and, past the deadline, kill it together with every process it started.
 *
 * <p>stdin is written and the output (stdout and stderr together) read on two daemon threads of
 * their own, so a program that does not read its input, or that writes more than a pipe holds,
 * can never block the caller. A program that exits while something it started in the background
 * still holds the output pipe is not waited for beyond a short grace: its exit status counts.
 */
final class ProgramRun {
    /**
     * How long to wait for the rest of the output once the program exited (within what is left
     * of the timeout) or was killed: enough for a busy machine to drain the pipe, short enough
     * that a background process still holding it does not delay the result much.
     */
    private static final long OUTPUT_GRACE_MIN_MILLIS = 500;
    private static final long OUTPUT_GRACE_MAX_MILLIS = 2000;
    /** How long to wait for a killed program to be reaped. */
    private static final long REAP_MILLIS = 1000;

    /**
     * How a run ended.
     *
     * @param exitCode   the exit status, or -1 when it timed out
     * @param timedOut   whether it ran past the deadline and was killed
     * @param output     the first bytes of what it printed, at most the cap
     * @param outputCut  whether it printed more than the cap
     * @param killed     how many processes were killed at the deadline, the program included
     */
    record Ending(int exitCode, boolean timedOut, byte[] output, boolean outputCut, int killed) {
    }

    private ProgramRun() {
    }

    /**
     * Runs the program.
     *
     * @throws IOException when it cannot be started at all
     */
    static Ending run(List<String> argv, Map<String, String> env, Path dir, byte[] stdin, int outputCap,
                      Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();

        CappedOutput output = new CappedOutput(outputCap);
        Thread reader = daemon("udjat-notify-command-output", () -> output.drain(process.getInputStream()));
        Thread writer = daemon("udjat-notify-command-input", () -> feed(process.getOutputStream(), stdin));
        reader.start();
        writer.start();

        boolean exited;
        try {
            exited = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        int killed = 0;
        if (!exited) {
            killed = killTree(process);
            process.waitFor(REAP_MILLIS, TimeUnit.MILLISECONDS);
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        reader.join(exited ? Math.min(Math.max(left, OUTPUT_GRACE_MIN_MILLIS), OUTPUT_GRACE_MAX_MILLIS) : OUTPUT_GRACE_MIN_MILLIS);
        return new Ending(exited ? process.exitValue() : -1, !exited, output.bytes(), output.cut(), killed);
    }

    /**
     * Kills the program and every process it started that is still its descendant. The list is
     * taken before the program dies, since its children are handed to init once it is gone.
     * A program that detaches itself (double fork, setsid) is beyond reach, as in Nagios.
     */
    static int killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        return tree.size();
    }

    /** The notice on stdin; a program that exits or closes stdin without reading it is no error. */
    private static void feed(OutputStream stdin, byte[] input) {
        try (stdin) {
            stdin.write(input);
        } catch (IOException ignored) {
            // broken pipe: the program did not want its input, its exit status tells how it went
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /** Keeps the first {@code cap} bytes of a stream and reads the rest to its end, discarding it. */
    private static final class CappedOutput {
        private final byte[] kept;
        private int length;
        private boolean cut;

        CappedOutput(int cap) {
            kept = new byte[cap];
        }

        void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    append(buffer, n);
                }
            } catch (IOException ignored) {
                // the stream closed under us: keep what was read
            }
        }

        private synchronized void append(byte[] buffer, int n) {
            int room = Math.min(n, kept.length - length);
            System.arraycopy(buffer, 0, kept, length, room);
            length += room;
            cut |= room < n;
        }

        synchronized byte[] bytes() {
            return Arrays.copyOf(kept, length);
        }

        synchronized boolean cut() {
            return cut;
        }
    }
}
