package org.udjat.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.testkit.ClientKeys;
import org.udjat.testkit.OpenSshServer;
import org.udjat.testkit.SettableClock;
import org.udjat.testkit.SshKey;

/**
 * {@code udjat watchdog} against a real heartbeat: served over HTTP by the JDK's HttpServer on 127.0.0.1, or
 * read with {@code cat} over SSH from a real OpenSSH sshd on 127.0.0.1; messages through a real notifier to
 * rooms of the same HTTP server; the clock moved by the test.
 */
class WatchdogIT {
    private static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");

    @TempDir
    Path dir;

    private Web web;
    private final SettableClock clock = new SettableClock(T0);

    @BeforeEach
    void start() throws Exception {
        web = new Web();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    /** A heartbeat as the poller writes it: a cycle every minute, finished at {@code finished}. */
    static String heartbeat(Instant finished, String crashes, int streak, Instant since) {
        return """
                {"version": "1.0.0", "started": "%s", "finished": "%s", "took": "PT2S", "interval": "PT1M",
                 "cycleDeadline": "PT50S", "hostsPolled": 3, "hostsReached": 3, "overran": %s,
                 "overrunReason": %s, "overrunStreak": %d, "overrunSince": %s, "overruns": [],
                 "warningCount": 0, "warnings": [], "crashes": [%s], "crashes24h": 0}
                """.formatted(finished.minusSeconds(2), finished, streak > 0,
                streak > 0 ? "\"took 1m10s, longer than the interval (1m)\"" : "null", streak,
                since == null ? "null" : "\"" + since + "\"", crashes);
    }

    static String fresh(Instant finished) {
        return heartbeat(finished, "", 0, null);
    }

    private Config config(String watchdog) throws Exception {
        Path file = dir.resolve("watchdog.yaml");
        Files.writeString(file, """
                state_dir: wstate
                channels:
                  chat: {type: post, url: "%s"}
                  pager: {type: post, urgency: page, url: "%s"}
                notify: {send_timeout: 5s}
                watchdog:
                %s
                """.formatted(web.url("/chat"), web.url("/pager"), watchdog.indent(2)));
        return new ConfigLoader(Map.of(), Map.of("post", new PostNotifier()), Map.of(), "tester", dir).load(file);
    }

    private Watchdog.Result run(Config config) throws Exception {
        Watchdog.Result result = new Watchdog(config, Map.of("post", new PostNotifier()), clock).run();
        assertEquals(List.of(), result.warnings());
        return result;
    }

    private List<String> received(String word) throws Exception {
        return web.received().stream().filter(m -> m.contains(word)).sorted().toList();
    }

    /** Fresh, stale (one alert on each channel, the pager paged), still stale (nothing), fresh (one recovery each). */
    private void staleThenFresh(Config config, java.util.function.Consumer<String> write) throws Exception {
        write.accept(fresh(T0.minusSeconds(20)));
        assertTrue(run(config).healthy());
        assertEquals(List.of(), web.received());

        clock.set(T0.plus(Duration.ofMinutes(5)));
        Watchdog.Result stale = run(config);
        assertFalse(stale.healthy());
        assertTrue(stale.line().contains("has not finished a cycle for 5m"), stale.line());
        assertEquals(List.of("chat NOTICE LOW udjat poller down: the poller has not finished a cycle for 5m (last at "
                        + "2026-03-02T02:59:40Z; it runs every 60s, max_age 3m)",
                "pager NOTICE PAGE udjat poller down: the poller has not finished a cycle for 5m (last at "
                        + "2026-03-02T02:59:40Z; it runs every 60s, max_age 3m)"), received("down"));

        clock.set(T0.plus(Duration.ofMinutes(6)));
        assertEquals(List.of(), run(config).sent(), "said once");

        write.accept(fresh(T0.plus(Duration.ofMinutes(6)).minusSeconds(10)));
        Watchdog.Result back = run(config);
        assertTrue(back.healthy());
        List<String> recovered = received("back");
        assertEquals(2, recovered.size(), recovered.toString());
        assertTrue(recovered.get(0).startsWith("chat NOTICE LOW udjat poller back: last cycle finished "
                + "2026-03-02T03:05:50Z (10s ago)"), recovered.toString());
        assertTrue(recovered.get(1).startsWith("pager NOTICE PAGE udjat poller back: "), recovered.toString());
        assertEquals(4, web.received().size(), web.received().toString());

        clock.set(T0.plus(Duration.ofMinutes(7)));
        write.accept(fresh(T0.plus(Duration.ofMinutes(7)).minusSeconds(10)));
        assertEquals(List.of(), run(config).sent());
        assertEquals(4, web.received().size());
    }

    @Test
    void overHttpAStaleHeartbeatAlertsOnceAndAFreshOneRecoversOnce() throws Exception {
        Config config = config("heartbeat_url: " + web.url("/heartbeat.json") + "\ntimeout: 5s\n");
        staleThenFresh(config, web::heartbeat);
    }

    @Test
    void overHttpAMissingHeartbeatIsUnreadableAndAlertsOnce() throws Exception {
        Config config = config("heartbeat_url: " + web.url("/heartbeat.json") + "\n");
        Watchdog.Result missing = run(config);
        assertFalse(missing.healthy());
        assertEquals(List.of("chat NOTICE LOW udjat poller down: the poller's heartbeat cannot be read: "
                + web.url("/heartbeat.json") + " answered HTTP 404", "pager NOTICE PAGE udjat poller down: the poller's "
                + "heartbeat cannot be read: " + web.url("/heartbeat.json") + " answered HTTP 404"), received("down"));

        web.heartbeat("{\"not\": \"a heartbeat\"");
        assertEquals(List.of(), run(config).sent(), "still down: said once");

        web.heartbeat(fresh(T0.minusSeconds(30)));
        assertTrue(run(config).healthy());
        assertEquals(2, received("back").size());
    }

    @Test
    void overHttpNewCrashesAndAnOverrunStreakAreReportedOnceOnTheLowChannels() throws Exception {
        Config config = config("heartbeat_url: " + web.url("/heartbeat.json") + "\n");
        String crash = "{\"time\": \"2026-03-02T02:58:00Z\", \"file\": \"20260302T025800.000Z.txt\", "
                + "\"exception\": \"java.lang.AssertionError: plugin bug\", \"notified\": false}";
        Instant since = T0.minus(Duration.ofMinutes(3));
        web.heartbeat(heartbeat(T0.minusSeconds(20), crash, 3, since));
        assertTrue(run(config).healthy());
        assertEquals(List.of("chat NOTICE LOW udjat crashed at 2026-03-02T02:58:00Z: java.lang.AssertionError: plugin "
                + "bug; see crashes/20260302T025800.000Z.txt"), received("crashed"));
        assertEquals(List.of("chat NOTICE LOW udjat: 3 cycles in a row overran, since 2026-03-02T02:57:00Z"),
                received("overran"));

        clock.advance(Duration.ofMinutes(1));
        web.heartbeat(heartbeat(T0.plusSeconds(40), crash, 4, since));
        assertEquals(List.of(), run(config).sent());
        assertEquals(2, web.received().size());
    }

    @Test
    void overSshTheHeartbeatFileIsReadWithCatAndAStaleOneAlertsOnceAndAFreshOneRecoversOnce() throws Exception {
        try (OpenSshServer sshd = new OpenSshServer().start()) {
            SshKey key = ClientKeys.ed25519(Files.createDirectories(dir.resolve("keys")));
            sshd.authorize(key.publicKey());
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
            Path heartbeat = dir.resolve("poller state").resolve("heartbeat.json");
            Files.createDirectories(heartbeat.getParent());
            Config config = config("""
                    ssh: {host: %s, port: %d, user: %s, identity_file: %s, known_hosts: %s}
                    heartbeat_file: "%s"
                    timeout: 10s
                    """.formatted(sshd.host(), sshd.port(), sshd.user(), key.privateKey(), knownHosts, heartbeat));
            staleThenFresh(config, json -> {
                try {
                    Files.writeString(heartbeat, json);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            Files.delete(heartbeat);
            Watchdog.Result gone = run(config);
            assertFalse(gone.healthy());
            assertTrue(gone.line().contains("cat " + heartbeat + " on " + sshd.host() + ": script exited with status 1; "
                    + "stderr: cat: "), gone.line());
            assertEquals(4, received("down").size(), "an alert again after the recovery, on both channels");
        }
    }

    @Test
    void theCommandRefusesAConfigWhoseChannelNamesNoLoadedNotifier() throws Exception {
        config("heartbeat_url: " + web.url("/heartbeat.json") + "\n");
        web.heartbeat(fresh(T0.minusSeconds(20)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = org.udjat.cli.Main.execute(new org.udjat.cli.Context(Map.of(), clock, new PrintWriter(out, true),
                new PrintWriter(err, true)), "watchdog", "-c", dir.resolve("watchdog.yaml").toString());
        // the command loads notifiers as plugins: "post" is not one, so the config is refused with its place
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("watchdog.yaml:3:"), err.toString());
    }
}
