package org.udjat.watchdog;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.udjat.record.Json;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's HttpServer): serves {@code /heartbeat.json} as set by the test
 * (404 when none), and records what is POSTed to {@code /chat} and {@code /pager}.
 */
public final class Web implements AutoCloseable {
    private final HttpServer server;
    private volatile String heartbeat;
    private final List<String> posts = new CopyOnWriteArrayList<>();

    public Web() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/heartbeat.json", e -> {
            String body = heartbeat;
            if (body == null) {
                e.sendResponseHeaders(404, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                e.sendResponseHeaders(200, bytes.length);
                e.getResponseBody().write(bytes);
            }
            e.close();
        });
        for (String room : List.of("/chat", "/pager")) {
            server.createContext(room, e -> {
                posts.add(room.substring(1) + " " + new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                e.sendResponseHeaders(200, -1);
                e.close();
            });
        }
        server.start();
    }

    public void heartbeat(String json) {
        heartbeat = json;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What was posted, as {@code <room> <kind> <urgency> <subject>}, in arrival order. */
    public List<String> received() throws IOException {
        List<String> got = new ArrayList<>();
        for (String p : posts) {
            int space = p.indexOf(' ');
            JsonNode n = Json.mapper().readTree(p.substring(space + 1));
            got.add(p.substring(0, space) + " " + n.path("kind").asText() + " " + n.path("urgency").asText() + " "
                    + n.path("subject").asText());
        }
        return got;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
