package org.udjat.notify.email;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server that never finishes its greeting: it sends a {@code 220-} continuation line at a
 * steady pace, always inside any read timeout, so only a deadline on the whole send ends the wait.
 */
final class TricklingServer implements AutoCloseable {
    private final ServerSocket server;
    private final Duration pace;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    TricklingServer(Duration pace) {
        this.pace = pace;
        try {
            server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptForever, "trickling-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> trickle(client), "trickling-smtp-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void trickle(Socket client) {
        try (client) {
            OutputStream out = client.getOutputStream();
            while (!client.isClosed()) {
                out.write("220-still getting ready\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(pace.toMillis());
            }
        } catch (IOException e) {
            // the client gave up, as it should
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        });
    }
}
