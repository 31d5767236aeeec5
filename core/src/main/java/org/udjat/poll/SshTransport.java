package org.udjat.poll;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.config.HostSpec;
import org.udjat.config.SshSettings;
import org.udjat.poll.ssh.CappedBuffer;
import org.udjat.poll.ssh.ConnectFailure;
import org.udjat.poll.ssh.HostKeyChecker;
import org.udjat.poll.ssh.HostLabel;
import org.udjat.poll.ssh.IdentityLoader;
import org.udjat.poll.ssh.KnownHostsRecorder;
import org.udjat.poll.ssh.SshFailure;

/**
 * Runs the script over SSH (JSch): one session per call, public-key authentication only, strict
 * host key checking against known_hosts (or trust on first use when configured), ONE exec of
 * {@code /bin/sh -s} fed the script on stdin.
 *
 * <p>Connect, key exchange and authentication are bounded by the smaller of the connect timeout
 * and the time left to the deadline; the exec by the deadline and the exec timeout. A watchdog
 * disconnects the session when a bound passes, so no blocking read or write in JSch outlives it.
 * stdout is capped at {@value #STDOUT_CAP} bytes. Never throws for a host; thread-safe.
 * {@link #close()} stops the watchdog thread.
 */
public final class SshTransport implements Transport, AutoCloseable {

    /** The most stdout kept from one host: 64 MiB. */
    public static final int STDOUT_CAP = 64 * 1024 * 1024;
    private static final int STDERR_CAP = 4 * 1024;
    private static final int REASON_STDERR_CHARS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SshTransport.class);

    private final Clock clock;
    private final IdentityLoader identities = new IdentityLoader();
    private final KnownHostsRecorder recorder = new KnownHostsRecorder();
    private final ScheduledExecutorService watchdog;

    /** A transport timing with the system clock. */
    public SshTransport() {
        this(Clock.systemUTC());
    }

    /** A transport measuring deadlines with {@code clock}. */
    public SshTransport(Clock clock) {
        this.clock = clock;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "udjat-ssh-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Execution execute(HostSpec host, byte[] script, Instant deadline) {
        HostLabel label = new HostLabel(host.name(), host.address(), host.port());
        try {
            JSch jsch = identities.load(host.ssh().identityFile(), host.ssh().passphrase(), label.prefix());
            Session session = connect(jsch, label, host.ssh(), deadline);
            try {
                return exec(session, label, host.ssh(), script, deadline);
            } finally {
                session.disconnect();
            }
        } catch (SshFailure failure) {
            LOG.debug("{}", failure.getMessage());
            return Execution.unreachable(failure.getMessage());
        } catch (RuntimeException bug) {
            LOG.warn("{}unexpected SSH client error", label.prefix(), bug);
            return Execution.unreachable(label.prefix() + "unexpected SSH client error: " + bug);
        }
    }

    private Session connect(JSch jsch, HostLabel label, SshSettings ssh, Instant deadline) throws SshFailure {
        Duration budget = min(ssh.connectTimeout(), Duration.between(clock.instant(), deadline));
        if (budget.toMillis() < 1) {
            throw new SshFailure(label.prefix() + "no time left before the deadline to connect");
        }
        HostKeyChecker checker = new HostKeyChecker(label, ssh.knownHosts(), ssh.trustOnFirstUse(), recorder);
        Session session;
        try {
            session = jsch.getSession(ssh.user(), label.address(), label.port());
        } catch (JSchException e) {
            throw new SshFailure(label.prefix() + "invalid SSH target: " + e.getMessage());
        }
        session.setHostKeyRepository(checker);
        // "yes" and no UserInfo: JSch itself never adds or accepts a key; only the checker decides
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("HashKnownHosts", "no");
        session.setConfig("PreferredAuthentications", "publickey");
        session.setDaemonThread(true);
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> guard = disconnectAfter(session, budget, fired);
        try {
            session.connect((int) Math.min(Integer.MAX_VALUE, budget.toMillis()));
            return session;
        } catch (JSchException e) {
            session.disconnect();
            String refusal = checker.refusal();
            throw new SshFailure(refusal != null ? refusal : label.prefix() + ConnectFailure.describe(e,
                    gotBanner(session), fired.get(), budget, ssh.user(), ssh.identityFile().toString()));
        } finally {
            guard.cancel(false);
        }
    }

    private Execution exec(Session session, HostLabel label, SshSettings ssh, byte[] script, Instant deadline) throws SshFailure {
        Instant start = clock.instant();
        boolean deadlineFirst = !deadline.isAfter(start.plus(ssh.execTimeout()));
        Instant limit = deadlineFirst ? deadline : start.plus(ssh.execTimeout());
        CappedBuffer stdout = new CappedBuffer(STDOUT_CAP);
        CappedBuffer stderr = new CappedBuffer(STDERR_CAP);
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> guard = disconnectAfter(session, Duration.between(start, limit), fired);
        try {
            ChannelExec channel = openShell(session, stdout, stderr, Duration.between(clock.instant(), limit));
            feed(channel, script);
            awaitClose(channel, stdout, limit);
            Duration took = Duration.between(start, clock.instant());
            if (stdout.overflowed()) {
                return new Execution(true, "stdout cut off at 64 MiB: the script printed more",
                        stdout.toByteArray(), false, -1);
            }
            if (fired.get() || !channel.isClosed()) {
                String bound = deadlineFirst ? "at the deadline" : "by exec_timeout (" + ConnectFailure.seconds(ssh.execTimeout()) + ")";
                return cutShort("exec cut off " + bound + " after " + ConnectFailure.seconds(took), stdout, stderr);
            }
            return finished(channel.getExitStatus(), stdout, stderr);
        } catch (JSchException e) {
            if (fired.get()) {
                return cutShort("exec cut off before the shell started, after "
                        + ConnectFailure.seconds(Duration.between(start, clock.instant())), stdout, stderr);
            }
            throw new SshFailure(label.prefix() + "could not start /bin/sh -s: " + e.getMessage());
        } finally {
            guard.cancel(false);
        }
    }

    private static ChannelExec openShell(Session session, CappedBuffer stdout, CappedBuffer stderr, Duration left)
            throws JSchException {
        ChannelExec channel = (ChannelExec) session.openChannel("exec");
        channel.setCommand("/bin/sh -s");
        channel.setOutputStream(stdout, true);
        channel.setErrStream(stderr, true);
        channel.connect((int) Math.max(1, Math.min(Integer.MAX_VALUE, left.toMillis())));
        return channel;
    }

    /** Writes the script and EOF; blocks while sh is slow to read, until the watchdog disconnects. */
    private static void feed(ChannelExec channel, byte[] script) {
        try (OutputStream stdin = channel.getOutputStream()) {
            stdin.write(script);
        } catch (IOException e) {
            // sh stopped reading (it exited, or the watchdog cut the session): the wait below tells which
            LOG.debug("stdin of /bin/sh -s closed early: {}", e.toString());
        }
    }

    private void awaitClose(ChannelExec channel, CappedBuffer stdout, Instant limit) {
        // JSch offers no close notification; a short poll costs little next to a network round trip
        while (!channel.isClosed() && !stdout.overflowed()) {
            long left = Duration.between(clock.instant(), limit).toMillis();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(left, 10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Execution finished(int status, CappedBuffer stdout, CappedBuffer stderr) {
        if (status < 0) {
            return cutShort("connection lost before the script finished (no exit status)", stdout, stderr);
        }
        String reason = status == 0 ? "" : withStderr("script exited with status " + status, stderr);
        return new Execution(true, reason, stdout.toByteArray(), true, status);
    }

    private static Execution cutShort(String reason, CappedBuffer stdout, CappedBuffer stderr) {
        return new Execution(true, withStderr(reason, stderr), stdout.toByteArray(), false, -1);
    }

    private static String withStderr(String reason, CappedBuffer stderr) {
        String text = stderr.text();
        if (text.isEmpty()) {
            return reason;
        }
        return reason + "; stderr: " + (text.length() > REASON_STDERR_CHARS ? text.substring(0, REASON_STDERR_CHARS) + "..." : text);
    }

    private ScheduledFuture<?> disconnectAfter(Session session, Duration delay, AtomicBoolean fired) {
        return watchdog.schedule(() -> {
            fired.set(true);
            session.disconnect();
        }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private static boolean gotBanner(Session session) {
        try {
            return session.getServerVersion() != null;
        } catch (RuntimeException noVersionYet) {
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops the watchdog thread; calls to {@link #execute} afterwards are not allowed. */
    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
