package org.udjat.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A web server on 127.0.0.1 that serves folders as they are, the way a plain web server serves
 * {@code www/}, and remembers every request with its status.
 */
final class StaticServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "png", "image/png");

    private final HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    /** @param roots each folder served under its prefix, e.g. {@code /fixture/} */
    StaticServer(Map<String, Path> roots) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        roots.forEach((prefix, root) -> server.createContext(prefix, exchange -> serve(exchange, prefix, root)));
        server.createContext("/", exchange -> answer(exchange, 404, "text/plain", new byte[0]));
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Every request as {@code status path}, in order. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void serve(HttpExchange exchange, String prefix, Path root) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(prefix.length());
        Path file = root.resolve(path.isEmpty() ? "index.html" : path).normalize();
        String name = file.getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (!file.startsWith(root) || type == null || !Files.isRegularFile(file)) {
            answer(exchange, 404, "text/plain", new byte[0]);
            return;
        }
        answer(exchange, 200, type, Files.readAllBytes(file));
    }

    private void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        requests.add(status + " " + exchange.getRequestURI().getPath());
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
