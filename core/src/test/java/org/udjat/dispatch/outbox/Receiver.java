package org.udjat.dispatch.outbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A real webhook receiver on 127.0.0.1 (the JDK's HttpServer). Each path answers as its mode says:
 * {@code /ok} 200, {@code /fail} 500, {@code /reject} 400, {@code /silent} never (until closed),
 * {@code /switch} whatever {@link #answer} was last set to. Every request body is recorded per path,
 * and also put on {@link #arrivals} as it arrives.
 */
final class Receiver implements AutoCloseable {
    private final HttpServer server;
    private final List<String> okBodies = new CopyOnWriteArrayList<>();
    private final List<String> allBodies = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    final BlockingQueue<String> arrivals = new LinkedBlockingQueue<>();
    private volatile int answer = 200;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/ok", e -> handle(e, 200));
        server.createContext("/fail", e -> handle(e, 500));
        server.createContext("/reject", e -> handle(e, 400));
        server.createContext("/switch", e -> handle(e, answer));
        server.createContext("/silent", e -> {
            record(e);
            try {
                closing.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            e.close();
        });
        server.start();
    }

    private String record(HttpExchange e) throws IOException {
        String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        allBodies.add(e.getRequestURI().getPath() + " " + body);
        arrivals.add(body);
        return body;
    }

    private void handle(HttpExchange e, int status) throws IOException {
        String body = record(e);
        if (status == 200) {
            okBodies.add(body);
        }
        e.sendResponseHeaders(status, -1);
        e.close();
    }

    /** What {@code /switch} answers from now on. */
    void answer(int status) {
        this.answer = status;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Bodies answered with 200, in arrival order. */
    List<String> accepted() {
        return List.copyOf(okBodies);
    }

    /** Every request, as {@code <path> <body>}. */
    List<String> requests() {
        return List.copyOf(allBodies);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
