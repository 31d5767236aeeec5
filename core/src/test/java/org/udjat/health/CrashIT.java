package org.udjat.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.cli.Context;
import org.udjat.cli.Main;
import org.udjat.record.Json;
import org.udjat.testkit.PluginJar;
import org.udjat.testkit.SettableClock;
import org.udjat.watchdog.Web;

/**
 * A crash of {@code udjat run} through the real command: a check plugin (a PF4J jar built by the test) whose
 * parse throws an {@link AssertionError}, which no stage catches; the next run tells the low-urgency channel
 * through a notifier plugin POSTing to a real HTTP server on 127.0.0.1, once.
 */
class CrashIT {
    private static final String FRAGILE = """
            package org.example.fragile;

            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;
            import java.util.Optional;
            import java.util.Set;
            import org.pf4j.Extension;
            import org.udjat.api.*;

            @Extension
            public class FragileCheck implements Check {
                public String name() { return "fragile"; }
                public Set<String> optionNames() { return Set.of("trigger"); }
                public Optional<String> command(Platform platform, Settings options) { return Optional.of("echo fine"); }
                public CheckOutcome parse(RawOutput raw, Settings options) {
                    if (Files.exists(Path.of(options.string("trigger", "")))) {
                        throw new AssertionError("fragile check bug");
                    }
                    return new CheckOutcome(Status.OK, "OK " + raw.text().trim(), "", List.of());
                }
            }
            """;

    private static final String POST = """
            package org.example.fragile;

            import java.net.URI;
            import java.net.http.*;
            import java.time.Duration;
            import java.util.Set;
            import org.pf4j.Extension;
            import org.udjat.api.*;

            @Extension
            public class PostNotifier implements Notifier {
                public String type() { return "post"; }
                public Set<String> optionNames() { return Set.of("url"); }
                public boolean addressesPeople(Settings options) { return false; }
                public Delivery send(Notice notice, Settings options, Duration timeout) {
                    try {
                        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(options.string("url", "")))
                                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(NoticeJson.write(notice))).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        return status == 200 ? Delivery.ok() : Delivery.retryLater("HTTP " + status);
                    } catch (Exception e) {
                        return Delivery.retryLater(e.toString());
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private Web web;
    private Path trigger;
    private Path configFile;
    // ahead of real time, because the poller's own deadline runs on real time
    private final Instant t0 = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES);
    private final SettableClock clock = new SettableClock(t0);

    @BeforeEach
    void start() throws Exception {
        web = new Web();
        PluginJar.plugin("fragile", "1.0.0").source("org.example.fragile.FragileCheck", FRAGILE)
                .source("org.example.fragile.PostNotifier", POST).writeTo(dir.resolve("plugins").resolve("fragile.jar"));
        trigger = dir.resolve("crash-now");
        configFile = dir.resolve("udjat.yaml");
        Files.writeString(configFile, """
                interval: 1m
                state_dir: state
                plugins_dir: plugins
                rrd: {enabled: false}
                channels:
                  chat: {type: post, url: "%s"}
                  pager: {type: post, urgency: page, url: "%s"}
                notify: {send_timeout: 5s}
                hosts:
                  here:
                    transport: local
                    checks:
                      - {check: fragile, trigger: "%s", attempts: 1}
                """.formatted(web.url("/chat"), web.url("/pager"), trigger));
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private int run(StringWriter err) {
        return Main.execute(new Context(Map.of(), clock, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)),
                "run", "-c", configFile.toString());
    }

    @Test
    void aCrashIsRecordedWithItsStackTraceAndNotifiedOnceByTheNextCycle() throws Exception {
        Files.writeString(trigger, "");
        StringWriter err = new StringWriter();
        assertEquals(1, run(err), err.toString());
        assertTrue(err.toString().contains("udjat: the cycle crashed: java.lang.AssertionError: fragile check bug"),
                err.toString());
        Path crashes = dir.resolve("state").resolve("crashes");
        String name = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(t0) + ".txt";
        Path record = crashes.resolve(name);
        assertTrue(err.toString().contains("the stack trace is recorded in " + record), err.toString());
        String text = Files.readString(record);
        assertTrue(text.startsWith("time: " + t0 + "\nexception: java.lang.AssertionError: fragile check bug\n"), text);
        assertTrue(text.contains("at org.example.fragile.FragileCheck.parse("), text);
        assertEquals(List.of(), web.received(), "nothing is sent by the run that crashed");

        Files.delete(trigger);
        clock.advance(Duration.ofMinutes(1));
        StringWriter err2 = new StringWriter();
        assertEquals(0, run(err2), err2.toString());
        assertEquals(List.of("chat NOTICE LOW udjat crashed at " + t0 + ": java.lang.AssertionError: fragile check bug; "
                + "see crashes/" + name), web.received(), "the low-urgency channel only");
        assertTrue(Files.exists(crashes.resolve(name + ".notified")));

        Path heartbeat = dir.resolve("state").resolve("heartbeat.json");
        JsonNode beat = Json.mapper().readTree(heartbeat.toFile());
        assertEquals(t0.plus(Duration.ofMinutes(1)).toString(), beat.path("started").asText());
        assertEquals(1, beat.path("hostsPolled").asInt());
        assertEquals(1, beat.path("hostsReached").asInt());
        assertEquals(false, beat.path("overran").asBoolean());
        assertEquals(name, beat.path("crashes").path(0).path("file").asText());
        assertEquals(1, beat.path("crashes24h").asInt());
        assertArrayEquals(Files.readAllBytes(heartbeat), Files.readAllBytes(dir.resolve("state/www/heartbeat.json")),
                "the report publishes the heartbeat");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, run(new StringWriter()));
        assertEquals(1, web.received().size(), "told once: " + web.received());
    }
}
