package org.udjat.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Status;
import org.udjat.cli.Context;
import org.udjat.cli.Main;
import org.udjat.evaluate.CheckState;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;
import org.udjat.testkit.ClientKeys;
import org.udjat.testkit.DeviceGateway;
import org.udjat.testkit.OpenSshServer;
import org.udjat.testkit.SettableClock;
import org.udjat.testkit.SshKey;

/**
 * The device-online detector and the remediator together, as cron runs them: a device gateway
 * (the simulator) with devices connected over real TCP on 127.0.0.1 goes stuck (connections accepted,
 * never declared online); {@code udjat run} polls the gateway host through a real sshd, the
 * device-online check fires after its threshold, the run-command remediator (a plugin from the
 * built-in folder) restarts the gateway over the same SSH access, the devices come online and the
 * check recovers; the chat channel is told. Stuck again and again, the sixth restart within 20
 * minutes is refused and paged. The cycles' clock is moved by the test. Flap detection is set above
 * the dozen changes this makes: udjat does not act on an UNSTABLE check, and this test is about the limit.
 */
class DeviceRemediationIT {
    @TempDir
    Path dir;

    private OpenSshServer sshd;
    private DeviceGateway gateway;
    private HttpServer chat;
    private final List<String> chatPosts = Collections.synchronizedList(new ArrayList<>());
    private Path pages;
    private Path config;
    private final SettableClock clock = new SettableClock(Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES));

    @BeforeEach
    void start() throws Exception {
        SshKey key = ClientKeys.ed25519(Files.createDirectories(dir.resolve("keys")));
        sshd = new OpenSshServer().start();
        sshd.authorize(key.publicKey());
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        gateway = DeviceGateway.start(4, Files.createDirectories(dir.resolve("gateway")));
        chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chat.createContext("/hook", exchange -> {
            chatPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        chat.start();
        pages = dir.resolve("pages.txt");
        Files.writeString(pages, "");
        Path pageScript = dir.resolve("page-me");
        // one line per page: kind, recipient, subject, then the whole text on the same line
        Files.writeString(pageScript, "#!/bin/sh\nprintf '%s %s %s | %s\\n' \"$UDJAT_KIND\" \"$UDJAT_RECIPIENT\" \"$UDJAT_SUBJECT\" "
                + "\"$(printf '%s' \"$UDJAT_TEXT\" | tr '\\n' ' ')\" >> " + pages + "\n");
        Files.setPosixFilePermissions(pageScript, PosixFilePermissions.fromString("rwx------"));
        config = dir.resolve("udjat.yaml");
        Files.writeString(config, """
                interval: 1m
                cycle_deadline: 50s
                state_dir: state
                report: {on_run: false}
                rrd: {enabled: false}
                ssh: {user: %s, identity_file: %s, known_hosts: %s, connect_timeout: 5s}
                contacts:
                  alice: {phone: "+15550100"}
                channels:
                  chat: {type: webhook, url: "http://127.0.0.1:%d/hook"}
                  pager: {type: command, urgency: page, command: [%s]}
                hosts:
                  gw:
                    address: 127.0.0.1
                    port: %d
                    checks:
                      - check: device-online
                        port: %d
                        online_from: {file: %s}
                        stuck_after: 1min
                        attempts: 1
                        flap_start: 20
                        remediate:
                          with: run-command
                          target: gateway
                          command: curl -s -f -X POST %s/restart
                          after: 1m
                          max: 5
                          per: 20m
                """.formatted(System.getProperty("user.name"), key.privateKey(), knownHosts, chat.getAddress().getPort(),
                pageScript, sshd.port(), gateway.port(), gateway.onlineJson(), gateway.url()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        sshd.close();
        chat.stop(0);
    }

    private String udjat(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of(args), Stream.of("-c", config.toString())).toArray(String[]::new);
        int code = Main.execute(new Context(Map.of(), clock, new PrintWriter(out, true), new PrintWriter(err, true)), all);
        assertEquals(0, code, err.toString());
        return out + err.toString();
    }

    /** One `udjat run` a minute after the last; the state of the device-online check after it. */
    private CheckState minute() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        udjat("run");
        return new StatusStore(StateDir.open(dir.resolve("state"))).load().snapshot().orElseThrow()
                .host("gw").orElseThrow().checks().get(0);
    }

    private String history() throws Exception {
        return Files.readString(dir.resolve("state/history.jsonl"));
    }

    private long chatSaid(String text) {
        return chatPosts.stream().filter(p -> p.contains(text)).count();
    }

    @Test
    void aStuckGatewayIsDetectedRestartedOverSshAndRecoversAndTheSixthRestartIn20MinutesIsRefusedAndPaged()
            throws Exception {
        udjat("duty", "take", "alice");
        assertEquals(Status.OK, minute().status());

        gateway.stuck();
        gateway.awaitConnected(4, Duration.ofSeconds(10));
        CheckState seen = minute();
        assertEquals(Status.OK, seen.status(), "connected, not online for less than stuck_after: " + seen.summary());
        CheckState stuck = minute();
        assertEquals(Status.CRITICAL, stuck.status(), stuck.summary());
        assertTrue(stuck.summary().contains("4"), "the stuck devices are counted: " + stuck.summary());
        assertEquals(0, gateway.online().size());

        CheckState acted = minute(); // the failure has lasted `after`: the remediator restarts the gateway
        assertEquals(4, gateway.online().size(), "the restart through sshd brought every device online");
        assertEquals(1, chatSaid("ran the command for gateway on gw"), "the chat channel is told of the restart: " + chatPosts);
        assertEquals(Status.CRITICAL, acted.status(), "this cycle's result was taken before the action");

        CheckState fixed = minute();
        assertEquals(Status.OK, fixed.status(), fixed.summary());
        assertTrue(chatPosts.stream().anyMatch(p -> p.contains("FIXED") || p.contains("fixed")), chatPosts.toString());

        // stuck again after every restart, until the remediator stops: the window holds 5 restarts
        Instant firstRestart = clock.instant().minus(Duration.ofMinutes(1));
        int pagedBefore = Files.readAllLines(pages).size();
        for (int m = 0; m < 30 && !history().contains("limit reached: not "); m++) {
            if (gateway.online().size() == 4) {
                gateway.stuck();
                gateway.awaitConnected(4, Duration.ofSeconds(10));
            }
            minute();
        }
        assertEquals(5, history().lines().filter(l -> l.contains("ran the command for gateway on gw")).count(),
                "five restarts, then the refusal: " + history());
        assertTrue(Duration.between(firstRestart, clock.instant()).compareTo(Duration.ofMinutes(20)) < 0,
                "the sixth was due within 20 minutes of the first");
        List<String> paged = Files.readAllLines(pages);
        paged = paged.subList(pagedBefore, paged.size());
        assertEquals(0, gateway.online().size(), "the sixth restart was not done");
        assertTrue(paged.stream().anyMatch(l -> l.contains("alice") && l.contains("limit reached")),
                "the refusal is paged to the person on duty: " + paged);
        assertTrue(Files.readString(dir.resolve("state/history.jsonl")).contains("limit reached: not "),
                "and recorded in the history");
        udjat("report");
        String history = Files.readString(dir.resolve("state/www/history.html"));
        assertTrue(history.contains("ran the command for gateway on gw") && history.contains("limit reached: not "),
                "the report's history shows the actions and the refusal");
    }
}
