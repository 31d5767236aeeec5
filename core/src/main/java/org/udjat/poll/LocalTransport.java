package org.udjat.poll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.udjat.config.HostSpec;

/**
 * Runs the script with a shell on this machine ({@code /bin/sh -s} unless told otherwise),
 * for hosts with {@code transport: local}.
 *
 * <p>Stdout is kept up to {@value #MAX_STDOUT_MIB} MiB and stderr up to a few KiB (for the
 * reason). At the deadline the shell and all its descendants are killed and what arrived so
 * far is returned with {@code completed=false}. Never throws; safe to call from several
 * threads at once.
 */
public final class LocalTransport implements Transport {

    static final int MAX_STDOUT_MIB = 64;
    private static final int MAX_STDOUT = MAX_STDOUT_MIB << 20;
    private static final int MAX_STDERR = 4 << 10;
    /** Time kept before the deadline to kill the shell and collect its last output. */
    private static final Duration KILL_MARGIN = Duration.ofMillis(200);

    private final List<String> shell;
    private final Map<String, String> environment;
    private final Clock clock;

    /** A transport running {@code /bin/sh -s} in the poller's own environment. */
    public LocalTransport() {
        this(List.of("/bin/sh", "-s"), Map.of(), Clock.systemUTC());
    }

    /**
     * A transport running the given shell command line, which must read the script from stdin
     * (e.g. {@code busybox sh -s}), with the given variables added to the environment.
     */
    public LocalTransport(List<String> shell, Map<String, String> environment, Clock clock) {
        this.shell = List.copyOf(shell);
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    @Override
    public Execution execute(HostSpec host, byte[] script, Instant deadline) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(shell);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            return Execution.unreachable("cannot start " + String.join(" ", shell) + ": " + e.getMessage());
        }
        Sink out = new Sink(MAX_STDOUT);
        Sink err = new Sink(MAX_STDERR);
        daemon("udjat-local-stdin", () -> feed(process.getOutputStream(), script));
        Thread outReader = daemon("udjat-local-stdout", () -> out.drain(process.getInputStream()));
        Thread errReader = daemon("udjat-local-stderr", () -> err.drain(process.getErrorStream()));
        boolean exited = waitFor(process, Duration.between(clock.instant(), deadline).minus(KILL_MARGIN));
        if (!exited) {
            killAll(process);
        }
        join(outReader, KILL_MARGIN);
        join(errReader, Duration.ofMillis(50));
        boolean completed = exited && !outReader.isAlive() && !out.overflowed();
        int status = exited ? process.exitValue() : -1;
        return new Execution(true, reason(exited, status, out, err), out.bytes(), completed, status);
    }

    private String reason(boolean exited, int status, Sink out, Sink err) {
        List<String> parts = new ArrayList<>();
        if (!exited) {
            parts.add("killed at the deadline");
        } else if (status != 0) {
            parts.add(shell.get(0) + " exited with status " + status);
        }
        if (out.overflowed()) {
            parts.add("the script printed more than " + MAX_STDOUT_MIB + " MiB; the rest was discarded");
        }
        String stderr = new String(err.bytes(), StandardCharsets.UTF_8).strip();
        if (!parts.isEmpty() && !stderr.isEmpty()) {
            parts.add("stderr: " + stderr.replaceAll("\\s+", " "));
        }
        return String.join("; ", parts);
    }

    private static void feed(OutputStream stdin, byte[] script) {
        try (stdin) {
            stdin.write(script);
        } catch (IOException e) {
            // the shell stopped reading (it died or was killed); its output says the rest
        }
    }

    private static boolean waitFor(Process process, Duration limit) {
        try {
            return process.waitFor(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the shell and every process below it; a few rounds, since children may fork meanwhile. */
    private static void killAll(Process process) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        for (int round = 0; round < 3 && !family.isEmpty(); round++) {
            List<ProcessHandle> more = new ArrayList<>();
            for (ProcessHandle h : family) {
                more.addAll(h.descendants().toList());
                h.destroyForcibly();
            }
            family = more;
        }
        waitFor(process, Duration.ofMillis(100));
    }

    private static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t, Duration limit) {
        try {
            t.join(Math.max(1, limit.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A byte buffer that keeps the first {@code cap} bytes and counts the rest as overflow. */
    private static final class Sink {
        private final int cap;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean overflowed;

        Sink(int cap) {
            this.cap = cap;
        }

        void drain(InputStream in) {
            byte[] buf = new byte[64 * 1024];
            try (in) {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    append(buf, n);
                }
            } catch (IOException e) {
                // the pipe closed under us; what arrived is kept
            }
        }

        private synchronized void append(byte[] buf, int n) {
            int room = cap - kept.size();
            kept.write(buf, 0, Math.min(room, n));
            overflowed |= n > room;
        }

        synchronized byte[] bytes() {
            return kept.toByteArray();
        }

        synchronized boolean overflowed() {
            return overflowed;
        }
    }
}
