package org.udjat.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.udjat.Cycle;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.config.HostSpec;
import org.udjat.dispatch.NotifyingDispatcher;
import org.udjat.plugin.Plugins;
import org.udjat.poll.LocalTransport;
import org.udjat.record.Json;
import org.udjat.record.StateDir;
import org.udjat.testkit.SettableClock;
import org.udjat.watchdog.PostNotifier;
import org.udjat.watchdog.Web;

/**
 * Whole cycles on this machine (real /bin/sh) write the heartbeat; cycles made to overrun (the test's clock
 * moves two minutes while they dispatch, with a one-minute interval) make one message after three in a row,
 * through a real notifier to a real HTTP server on 127.0.0.1; the report and the status show it.
 */
class HeartbeatCycleTest {
    @TempDir
    Path dir;

    private Web web;
    // ahead of real time, because the poller's own deadline runs on real time
    private final Instant t0 = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES);
    private final SettableClock clock = new SettableClock(t0);

    @BeforeEach
    void start() throws Exception {
        web = new Web();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private Config config(Plugins plugins) throws Exception {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, """
                interval: 1m
                rrd: {enabled: false}
                channels:
                  chat: {type: post, url: "%s"}
                notify: {send_timeout: 5s}
                hosts:
                  here:
                    transport: local
                    checks:
                      - {name: fine, command: 'echo "OK - fine"'}
                  there:
                    transport: local
                    checks:
                      - {name: fine, command: 'echo "OK - fine"'}
                """.formatted(web.url("/chat")));
        return new ConfigLoader(plugins.checks(), Map.of("post", new PostNotifier()), Map.of(), "tester", dir).load(file);
    }

    private JsonNode heartbeat(String where) throws Exception {
        return Json.mapper().readTree(dir.resolve("state").resolve(where).toFile());
    }

    @Test
    void everyCycleWritesTheHeartbeatAndThreeOverrunsInARowAreToldOnce() throws Exception {
        try (Plugins plugins = Plugins.load(null)) {
            Config config = config(plugins);
            NotifyingDispatcher notifying = new NotifyingDispatcher(config, Map.of("post", new PostNotifier()), clock);
            Cycle quick = new Cycle(config, plugins, Map.of(HostSpec.Transport.LOCAL, new LocalTransport()), clock, notifying);
            Cycle slow = new Cycle(config, plugins, Map.of(HostSpec.Transport.LOCAL, new LocalTransport()), clock, r -> {
                List<String> warnings = notifying.dispatch(r);
                clock.advance(Duration.ofMinutes(2));
                return warnings;
            });

            quick.run();
            JsonNode first = heartbeat("heartbeat.json");
            assertEquals(t0.toString(), first.path("started").asText());
            assertEquals(t0.toString(), first.path("finished").asText());
            assertEquals("PT0S", first.path("took").asText());
            assertEquals("PT1M", first.path("interval").asText());
            assertEquals(2, first.path("hostsPolled").asInt());
            assertEquals(2, first.path("hostsReached").asInt());
            assertEquals(false, first.path("overran").asBoolean());
            assertEquals(0, first.path("warningCount").asInt());
            assertEquals(first, heartbeat("www/heartbeat.json"), "published with the report");

            clock.advance(Duration.ofMinutes(1));
            Instant streakStart = clock.instant();
            for (int i = 0; i < 3; i++) {
                slow.run();
                clock.advance(Duration.ofSeconds(10));
            }
            JsonNode third = heartbeat("heartbeat.json");
            assertEquals(true, third.path("overran").asBoolean());
            assertEquals("took 2m, longer than the interval (1m)", third.path("overrunReason").asText());
            assertEquals(3, third.path("overrunStreak").asInt());
            assertEquals(streakStart.toString(), third.path("overrunSince").asText());
            assertEquals(3, third.path("overruns").size());
            assertEquals(List.of(), web.received(), "told by the cycle after the third");

            slow.run();
            assertEquals(List.of("chat NOTICE LOW udjat: 3 cycles in a row overran, since " + streakStart), web.received());

            clock.advance(Duration.ofSeconds(10));
            quick.run();
            assertEquals(1, web.received().size(), "once per streak: " + web.received());
            assertEquals(0, heartbeat("heartbeat.json").path("overrunStreak").asInt(), "the streak ended");
            String index = Files.readString(dir.resolve("state/www/index.html"));
            assertTrue(index.contains("overran: took 2m, longer than the interval (1m)"), index);
            assertTrue(index.contains("4 overruns and 0 crashes in the last 24 hours"), index);

            PollerHealth health = PollerHealth.of(StateDir.open(dir.resolve("state")), clock.instant());
            assertEquals("poller: last cycle " + clock.instant().truncatedTo(ChronoUnit.SECONDS)
                    + " took 0s; 4 overruns and 0 crashes in 24h", health.line());
        }
    }
}
