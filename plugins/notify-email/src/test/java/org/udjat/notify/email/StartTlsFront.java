package org.udjat.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * STARTTLS in front of GreenMail, whose SMTP server does not offer it: greets, answers EHLO with
 * {@code STARTTLS} as its only extension, refuses everything else until STARTTLS, then does a
 * real TLS handshake with its certificate and from there relays the decrypted conversation to the
 * GreenMail SMTP server behind it (whose own greeting it swallows, as the client already had one).
 * What reaches GreenMail therefore came through TLS. On 127.0.0.1 and a free port.
 */
final class StartTlsFront implements AutoCloseable {
    private final ServerSocket server;
    private final SSLContext tls;
    private final int backendPort;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    StartTlsFront(TestCertificates certificate, int backendPort) {
        this.tls = certificate.serverContext();
        this.backendPort = backendPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptForever, "starttls-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many TLS handshakes completed. */
    int handshakes() {
        return handshakes.get();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "starttls-front-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            OutputStream out = client.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            say(out, "220 front ESMTP ready");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                if (verb.equals("EHLO")) {
                    say(out, "250-front greets you");
                    say(out, "250 STARTTLS");
                } else if (verb.equals("HELO")) {
                    say(out, "250 front");
                } else if (line.equalsIgnoreCase("STARTTLS")) {
                    say(out, "220 2.0.0 ready to start TLS");
                    relayOverTls(client);
                    return;
                } else if (verb.equals("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "530 5.7.0 must issue a STARTTLS command first");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void relayOverTls(Socket client) throws IOException {
        SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(client, null, client.getPort(), true);
        secured.setUseClientMode(false);
        secured.startHandshake();
        handshakes.incrementAndGet();
        open.add(secured);
        try (Socket backend = new Socket(InetAddress.getByName("127.0.0.1"), backendPort)) {
            open.add(backend);
            InputStream fromBackend = backend.getInputStream();
            // swallow GreenMail's "220 ..." greeting: the client was greeted by the front
            int c;
            while ((c = fromBackend.read()) != -1 && c != '\n') {
                // skip
            }
            Thread up = new Thread(() -> pump(safeStream(secured), backend), "starttls-front-up");
            up.setDaemon(true);
            up.start();
            pump(fromBackend, secured);
        }
    }

    private static InputStream safeStream(Socket s) {
        try {
            return s.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pump(InputStream from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = from.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            // one side closed; the other follows
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
