package org.udjat.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * What the network and file checks look at, started for real on 127.0.0.1: a TCP listener that
 * accepts and closes every connection, an HTTP server answering {@code /health} with
 * {@code status: all good}, and a two-hour-old 4 KiB backup file with a quote and a space in its
 * name and its folder's. Fills in the {@code @LISTEN_PORT@}, {@code @HTTP_PORT@}, {@code @BACKUP@}
 * and {@code @BACKUPS@} placeholders of a config text, and for a device gateway with three devices online
 * ({@link DeviceGateway}) {@code @GATEWAY_PORT@}, {@code @GATEWAY_ONLINE@} (its online list as a JSON
 * file) and {@code @GATEWAY_URL@} (its HTTP endpoints).
 */
public final class CheckTargets implements AutoCloseable {
    private final ServerSocket listener;
    private final HttpServer http;
    private final Path backup;
    private final DeviceGateway gateway;

    /** Starts the servers and writes the backup file under {@code dir}. */
    public CheckTargets(Path dir) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        listener = new ServerSocket(0, 50, loopback);
        // accept and close at once, so repeated connects never fill the backlog
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    listener.accept().close();
                } catch (IOException e) {
                    // closed at the end
                }
            }
        }, "check-targets-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        http.createContext("/health", exchange -> {
            byte[] body = "status: all good\n".getBytes(StandardCharsets.UTF_8);
            // check_http speaks HTTP/1.0 and reads until the server closes
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        Path backups = Files.createDirectories(dir.resolve("backups dir"));
        backup = Files.write(backups.resolve("db's dump.sql.gz"), new byte[4096]);
        Files.setLastModifiedTime(backup, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        gateway = DeviceGateway.start(3, Files.createDirectories(dir.resolve("gateway")));
    }

    /** The text with the placeholders filled in. */
    public String fill(String text) {
        return text.replace("@LISTEN_PORT@", Integer.toString(listener.getLocalPort()))
                .replace("@HTTP_PORT@", Integer.toString(http.getAddress().getPort()))
                .replace("@BACKUP@", backup.toString())
                .replace("@BACKUPS@", backup.getParent().toString())
                .replace("@GATEWAY_PORT@", Integer.toString(gateway.port()))
                .replace("@GATEWAY_ONLINE@", gateway.onlineJson().toString())
                .replace("@GATEWAY_URL@", gateway.url());
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        listener.close();
        gateway.close();
    }
}
