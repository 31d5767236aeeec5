package org.udjat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.NoticeJson;
import org.udjat.api.Notifier;
import org.udjat.api.Platform;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.config.HostSpec;
import org.udjat.dispatch.NotifyingDispatcher;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.plugin.Plugins;
import org.udjat.poll.LocalTransport;
import org.udjat.poll.Transport;
import org.udjat.record.HistoryLog;
import org.udjat.record.StateDir;
import org.udjat.testkit.SettableClock;

/**
 * Remediation through whole cycles on this machine: a check reads a file that is missing, the
 * remediator (a real command through /bin/sh) creates it once the failure has lasted two intervals,
 * the next cycle verifies the fix, and a chat channel served by a JDK HttpServer on 127.0.0.1 is told.
 */
class RemediationCycleTest {
    private static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(T0);
    private final List<Notice> chat = new CopyOnWriteArrayList<>();
    private final List<Notice> pager = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** POSTs the notice's JSON to its channel's {@code url}; a room, not people. */
    static final class Post implements Notifier {
        private final HttpClient client = HttpClient.newHttpClient();

        @Override
        public String type() {
            return "post";
        }

        @Override
        public Set<String> optionNames() {
            return Set.of("url");
        }

        @Override
        public boolean addressesPeople(Settings options) {
            return false;
        }

        @Override
        public Delivery send(Notice notice, Settings options, Duration timeout) {
            try {
                int status = client.send(HttpRequest.newBuilder(URI.create(options.string("url", ""))).timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofString(NoticeJson.write(notice))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                return status / 100 == 2 ? Delivery.ok() : Delivery.retryLater("HTTP " + status);
            } catch (IOException e) {
                return Delivery.retryLater(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.retryLater("interrupted");
            }
        }
    }

    /** Creates the file the check looks for: the "service" is back. */
    static final class Start implements Remediator {
        @Override
        public String type() {
            return "start";
        }

        @Override
        public Set<String> optionNames() {
            return Set.of("dir");
        }

        @Override
        public Verb verb() {
            return new Verb("restart", "restarted", "restarting");
        }

        @Override
        public Optional<String> command(Platform platform, String target, Settings options) {
            return Optional.of("touch " + Shell.quote(options.string("dir", "") + "/" + target) + " && echo "
                    + Shell.quote(target + " started"));
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Notice notice = NoticeJson.read(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            (exchange.getRequestURI().getPath().equals("/page") ? pager : chat).add(notice);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private Config config() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, """
                interval: 1m
                state_dir: state
                channels:
                  chat: {type: post, url: "%s/chat"}
                  pager: {type: post, urgency: page, url: "%s/page"}
                hosts:
                  node3:
                    transport: local
                    checks:
                      - command: 'test -e "%s" && echo "OK - orders flowing" || { echo "CRITICAL - orders stuck"; exit 2; }'
                        name: orders
                        attempts: 1
                        remediate: {with: start, target: orders, dir: "%s"}
                """.formatted(base, base, dir.resolve("orders"), dir));
        return new ConfigLoader(Map.of(), Map.of("post", new Post()), Map.of("start", new Start()), Map.of(), "tester",
                dir).load(file);
    }

    private void cycle(Config config, Plugins plugins) throws Exception {
        Map<HostSpec.Transport, Transport> transports = Map.of(HostSpec.Transport.LOCAL,
                new LocalTransport(List.of("/bin/sh", "-s"), Map.of(), clock));
        CycleOutcome outcome = new Cycle(config, plugins, transports, clock, new NotifyingDispatcher(config,
                Map.of("post", new Post()), Map.of("start", new Start()), transports, clock)).run();
        assertEquals(List.of(), outcome.warnings());
        clock.advance(Duration.ofMinutes(1));
    }

    private List<Change> remediation() throws IOException {
        return new HistoryLog(StateDir.open(dir.resolve("state"), clock)).read().changes().stream()
                .filter(c -> c.kind() == ChangeKind.REMEDIATION).toList();
    }

    private static List<String> lines(List<Notice> notices) {
        return notices.stream().flatMap(n -> n.lines().stream()).toList();
    }

    @Test
    void aFailureThatLasts_isRemedied_verified_andTold() throws Exception {
        Config config = config();
        try (Plugins plugins = Plugins.load(null)) {
            cycle(config, plugins); // 03:00 CRITICAL, HARD at once
            cycle(config, plugins); // 03:01
            assertEquals(List.of(), remediation());
            assertTrue(!Files.exists(dir.resolve("orders")));

            cycle(config, plugins); // 03:02: it lasted two intervals
            assertTrue(Files.exists(dir.resolve("orders")));
            assertEquals(List.of("RESTARTED: restarted orders on node3: orders started"),
                    remediation().stream().map(c -> c.to() + ": " + c.summary()).toList());
            assertTrue(lines(chat).contains("restarted orders on node3: orders started"), lines(chat).toString());

            cycle(config, plugins); // 03:03: OK again
            assertEquals(List.of("RESTARTED", "FIXED"), remediation().stream().map(Change::to).toList());
            assertEquals("orders on node3 fixed: orders is OK after it was restarted", remediation().get(1).summary());
            assertTrue(lines(chat).contains("orders on node3 fixed: orders is OK after it was restarted"),
                    lines(chat).toString());
            assertTrue(lines(pager).stream().noneMatch(l -> l.contains("restarted")), lines(pager).toString());
        }
    }
}
