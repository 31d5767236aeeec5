package org.udjat.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSSH {@code /usr/sbin/sshd} on a loopback address and a free port, with its own
 * configuration, host key and authorized_keys in a temporary directory; never the system sshd.
 *
 * <p>Use it with try-with-resources ({@code try (var sshd = new OpenSshServer().start())}) or as a
 * JUnit 5 extension ({@code @RegisterExtension static OpenSshServer sshd = new OpenSshServer();}):
 * a static field starts it before all tests of the class, an instance field before each test.
 * Only the current user may log in, by public key only ({@link #authorize(Path)}); no forwarding.
 * The sshd and every session it forked are killed on {@link #close()}, and by a shutdown hook
 * if a test run dies before that. Works as root and as an ordinary user. Not thread-safe.
 */
public final class OpenSshServer implements AutoCloseable,
        BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final long START_TIMEOUT_MS = 15_000;

    private String address = "127.0.0.1";
    private KeyType hostKeyType = KeyType.ED25519;
    private Path dir;
    private int port;
    private Process process;
    private Thread killer;
    private boolean startedPerTest;

    /** Chooses the listen address, a 127.x.y.z address; call before {@link #start()}. */
    public OpenSshServer listenAddress(String loopbackAddress) {
        if (!loopbackAddress.startsWith("127.")) {
            throw new IllegalArgumentException("tests only listen on 127.0.0.0/8, not " + loopbackAddress);
        }
        this.address = loopbackAddress;
        return this;
    }

    /** Chooses the host key algorithm (ed25519 by default); call before {@link #start()}. */
    public OpenSshServer hostKeyType(KeyType type) {
        this.hostKeyType = type;
        return this;
    }

    /**
     * Generates the host key, writes the configuration and starts sshd, returning once it answers
     * with an {@code SSH-2.0} banner.
     *
     * @throws IllegalStateException if it is already running or does not answer within 15s (the
     *                               message then holds the sshd log)
     */
    public OpenSshServer start() {
        if (process != null) {
            throw new IllegalStateException("sshd is already running on port " + port);
        }
        try {
            dir = Files.createTempDirectory("udjat-sshd-");
            Files.createFile(authorizedKeys(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            SshKeygen.generate(hostKeyFile(), hostKeyType, "", false);
            port = LoopbackPort.free(address);
            Files.writeString(config(), SshdConfig.render(address, port, hostKeyFile(), authorizedKeys(),
                    dir.resolve("sshd.pid"), System.getProperty("user.name")));
            ensurePrivilegeSeparationDir();
            launch();
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start sshd", e);
        }
    }

    public String host() {
        return address;
    }

    public int port() {
        return port;
    }

    /** The user allowed to log in: the one running the tests. */
    public String user() {
        return System.getProperty("user.name");
    }

    /** The private host key file; its public half is next to it with {@code .pub}. */
    public Path hostKeyFile() {
        return dir.resolve("ssh_host_key");
    }

    /** The host's public key as {@code type base64}. */
    public String hostPublicKey() {
        return new SshKey(hostKeyFile(), dir.resolve("ssh_host_key.pub")).typeAndKey();
    }

    /** A known_hosts line for this server: {@code [127.0.0.1]:port ssh-ed25519 AAAA...}. */
    public String knownHostsLine() {
        return "[" + address + "]:" + port + " " + hostPublicKey();
    }

    /** Lets the holder of this public key (a {@code .pub} file) log in as {@link #user()}. */
    public OpenSshServer authorize(Path publicKey) {
        try {
            String line = Files.readString(publicKey, StandardCharsets.US_ASCII).strip() + "\n";
            Files.writeString(authorizedKeys(), line, StandardOpenOption.APPEND);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot authorize " + publicKey, e);
        }
    }

    /**
     * Stops sshd, replaces its host key with a new one of the same type and starts it again on
     * the same address and port; authorized keys are kept. For testing changed host keys.
     */
    public OpenSshServer restartWithNewHostKey() {
        stopProcess();
        SshKeygen.generate(hostKeyFile(), hostKeyType, "", false);
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart sshd", e);
        }
        return this;
    }

    /** What sshd logged so far (LogLevel VERBOSE), for assertions and failure messages. */
    public String log() {
        try {
            Path log = dir.resolve("sshd.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read the sshd log: " + e.getMessage() + ")";
        }
    }

    /** The sshd listener's process id, while it runs. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("sshd is not running");
        }
        return process.pid();
    }

    /** Kills sshd and its sessions and deletes the temporary directory. Safe to call twice. */
    @Override
    public void close() {
        stopProcess();
        if (dir != null) {
            deleteTree(dir);
            dir = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (process == null) {
            startedPerTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedPerTest) {
            startedPerTest = false;
            close();
        }
    }

    private Path config() {
        return dir.resolve("sshd_config");
    }

    private Path authorizedKeys() {
        return dir.resolve("authorized_keys");
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(SSHD.toString(), "-D", "-f", config().toString(),
                "-E", dir.resolve("sshd.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.out").toFile())
                .start();
        Process started = process;
        killer = new Thread(() -> kill(started), "udjat-sshd-killer-" + port);
        Runtime.getRuntime().addShutdownHook(killer);
        awaitBanner();
    }

    private void awaitBanner() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        String lastProblem = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                lastProblem = "sshd exited with status " + process.exitValue();
                break;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 1000);
                socket.setSoTimeout(2000);
                if (readLine(socket.getInputStream()).startsWith("SSH-2.0")) {
                    return;
                }
                lastProblem = "no SSH-2.0 banner";
            } catch (IOException e) {
                lastProblem = e.toString();
            }
            sleep(50);
        }
        String log = log() + readQuietly(dir.resolve("sshd.out"));
        stopProcess();
        throw new IllegalStateException("sshd did not answer on " + address + ":" + port
                + " within " + START_TIMEOUT_MS + "ms (" + lastProblem + "); its log:\n" + log);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && line.length() < 255; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private void stopProcess() {
        if (process == null) {
            return;
        }
        kill(process);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; it kills the same processes
        }
        process = null;
        killer = null;
    }

    /** Kills the listener and every session process it forked, which outlive it otherwise. */
    private static void kill(Process listener) {
        List<ProcessHandle> sessions = listener.descendants().toList();
        listener.destroy();
        sessions.forEach(ProcessHandle::destroy);
        try {
            if (!listener.waitFor(5, TimeUnit.SECONDS)) {
                listener.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            listener.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle session : sessions) {
            try {
                session.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception notGone) {
                session.destroyForcibly();
            }
        }
    }

    private void ensurePrivilegeSeparationDir() throws IOException {
        // sshd started by root insists on its chroot directory; a normal user's sshd does not need it
        Path privsep = Path.of("/run/sshd");
        if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(privsep)) {
            Files.createDirectories(privsep, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for sshd", e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
