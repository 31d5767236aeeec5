package org.udjat.notify.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The end of one send: when it passes, every socket the send opened is closed, so a server that
 * answers each command just inside the read timeout cannot stretch a send past its timeout. Jakarta
 * Mail's own timeouts bound each step; this bounds them all together. The sockets are handed to
 * Jakarta Mail through the socket factories below.
 */
final class Deadline implements AutoCloseable {
    /**
     * One timer thread for every send of the plugin, also used for Jakarta Mail's write timeouts; it
     * ends itself when idle, so an unloaded plugin leaves no thread behind.
     */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean passed = new AtomicBoolean();
    private final ScheduledFuture<?> alarm;

    Deadline(Duration timeout) {
        alarm = TIMER.schedule(this::expire, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The timer Jakarta Mail uses for {@code writetimeout}, instead of a thread per socket. */
    static ScheduledExecutorService writeTimer() {
        return TIMER;
    }

    /** Whether the deadline passed and the send's sockets were closed. */
    boolean passed() {
        return passed.get();
    }

    /** Plain sockets closed at the deadline (for {@code tls: none} and before STARTTLS). */
    SocketFactory plainSockets() {
        return new WatchedPlain();
    }

    /** TLS sockets from {@code delegate}, closed at the deadline (SMTPS, and the STARTTLS upgrade). */
    SSLSocketFactory tlsSockets(SSLSocketFactory delegate) {
        return new WatchedTls(delegate);
    }

    private void expire() {
        passed.set(true);
        sockets.forEach(Deadline::closeQuietly);
    }

    private <S extends Socket> S watch(S socket) {
        sockets.add(socket);
        if (passed.get()) {
            closeQuietly(socket);
        }
        return socket;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    /** Stops the alarm; the send is over. */
    @Override
    public void close() {
        alarm.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "udjat-email-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setKeepAliveTime(5, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private final class WatchedPlain extends SocketFactory {
        @Override
        public Socket createSocket() {
            return watch(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return watch(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return watch(new Socket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return watch(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return watch(new Socket(host, port, local, localPort));
        }
    }

    private final class WatchedTls extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        WatchedTls(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
            watch(plain);
            return watch(delegate.createSocket(plain, host, port, autoClose));
        }

        @Override
        public Socket createSocket() throws IOException {
            return watch(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return watch(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return watch(delegate.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return watch(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return watch(delegate.createSocket(host, port, local, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }
}
