package org.udjat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.udjat.api.Status;

/**
 * What the built-in checks look at on the test machine, started for real: a listening socket
 * and an HTTP server on 127.0.0.1, a backup file with a quote and a space in its name. Fills in
 * the check list of {@code builtin/checks.yaml}, which names every built-in check.
 */
final class BuiltinHost implements AutoCloseable {
    static final Path NAGIOS_PLUGINS = Path.of("/usr/lib/nagios/plugins");
    /**
     * What each check must give here; OK when not listed. No mail system is installed on the test
     * machine, so mailq says so (UNKNOWN); check_dummy is told to warn.
     */
    static final Map<String, Status> EXPECTED = Map.of("check_dummy", Status.WARNING, "mailq", Status.UNKNOWN);
    /** Checks that measure nothing, so have no perfdata. */
    static final Set<String> NO_PERFDATA = Set.of("check_dummy");

    private final ServerSocket listener;
    private final HttpServer http;
    private final Path backup;

    BuiltinHost(Path dir) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        listener = new ServerSocket(0, 50, loopback);
        http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        http.createContext("/health", exchange -> {
            byte[] body = "status: all good\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        Path backups = Files.createDirectories(dir.resolve("backups dir"));
        backup = Files.write(backups.resolve("db's dump.sql.gz"), new byte[4096]);
        Files.setLastModifiedTime(backup, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    }

    /** The check list, indented to sit under a host's {@code checks:} key. */
    String checks() throws IOException {
        String template;
        try (InputStream in = BuiltinHost.class.getResourceAsStream("/builtin/checks.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return template
                .replace("@LISTEN_PORT@", Integer.toString(listener.getLocalPort()))
                .replace("@HTTP_PORT@", Integer.toString(http.getAddress().getPort()))
                .replace("@BACKUP@", backup.toString())
                .replace("@BACKUPS@", backup.getParent().toString())
                .replace("@NAGIOS@", NAGIOS_PLUGINS.toString());
    }

    /** The built-in check names the config uses, read from the check list. */
    static Set<String> checkNamesIn(String yaml) {
        Set<String> used = new TreeSet<>();
        for (String line : yaml.split("\n")) {
            String l = line.strip();
            if (l.startsWith("- check: ")) {
                used.add(l.substring("- check: ".length()).split("\\s")[0]);
            }
        }
        return used;
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        listener.close();
    }
}
