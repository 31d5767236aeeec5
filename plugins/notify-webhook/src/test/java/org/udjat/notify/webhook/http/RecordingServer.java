package org.udjat.notify.webhook.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.udjat.testkit.LoopbackPort;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's) that records every request. It answers 200 "ok"
 * unless told otherwise for a path prefix: another status and body, or no answer at all
 * until it is closed.
 */
public final class RecordingServer implements AutoCloseable {
    /** One request as it arrived; header names in lower case. */
    public record Request(String method, String path, String rawPath, String rawQuery,
                          Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(",", values);
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private RecordingServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static RecordingServer start() throws IOException {
        return new RecordingServer(HttpServer.create(new InetSocketAddress("127.0.0.1", LoopbackPort.free("127.0.0.1")), 0));
    }

    /** {@code http://127.0.0.1:PORT} + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Requests whose path starts with {@code prefix} are answered with this status and body. */
    public RecordingServer answer(String prefix, int status, String body, Map<String, String> headers) {
        answers.put(prefix, new Answer(status, body, headers));
        return this;
    }

    public RecordingServer answer(String prefix, int status, String body) {
        return answer(prefix, status, body, Map.of());
    }

    /** Requests whose path starts with {@code prefix} are read and never answered. */
    public RecordingServer hang(String prefix) {
        return answer(prefix, -1, "");
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to paths starting with {@code prefix}. */
    public List<Request> requests(String prefix) {
        return requests.stream().filter(r -> r.path().startsWith(prefix)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body));
        Answer answer = answers.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(new Answer(200, "ok", Map.of()));
        if (answer.status() < 0) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
