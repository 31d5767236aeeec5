package org.udjat.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
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
import org.udjat.Cycle;
import org.udjat.CycleOutcome;
import org.udjat.cli.Context;
import org.udjat.cli.Main;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.config.HostSpec;
import org.udjat.plugin.Plugins;
import org.udjat.poll.LocalTransport;
import org.udjat.record.NotificationLog;
import org.udjat.record.StateDir;
import org.udjat.testkit.LoopbackPort;
import org.udjat.testkit.SettableClock;

/**
 * The scripted incident through whole cycles: real checks run by /bin/sh, the built-in notifier
 * plugins loaded by PF4J from the built-in plugins folder, a real SMTP server (GreenMail), a real
 * chat webhook (the JDK's HttpServer) and a real paging script, all on 127.0.0.1, with the cycles'
 * clock moved by the test. A router check goes CRITICAL with 40 checks on 12 hosts behind it.
 */
class NotificationsIT {
    @TempDir
    Path dir;

    private GreenMail smtp;
    private int smtpPort;
    private HttpServer chat;
    private final List<String> chatPosts = Collections.synchronizedList(new ArrayList<>());
    private Path pages;
    private Path routerState;
    private Path configFile;
    // ahead of real time, because the poller's own deadline runs on real time
    private final SettableClock clock = new SettableClock(Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES));

    @BeforeEach
    void start() throws Exception {
        assertNotNull(Plugins.builtinDir(), "udjat.builtin.plugins names the built-in plugins folder");
        assertTrue(Files.isRegularFile(Plugins.builtinDir().resolve("udjat-notify-email.jar")),
                "the built-in notifier plugins are built (mvn verify builds plugins/builtin before core)");
        smtpPort = LoopbackPort.free("127.0.0.1");
        startSmtp();
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
        Files.writeString(pageScript, "#!/bin/sh\nprintf '%s %s %s\\n' \"$UDJAT_KIND\" \"$UDJAT_RECIPIENT\" \"$UDJAT_SUBJECT\" >> "
                + pages + "\n");
        Files.setPosixFilePermissions(pageScript, PosixFilePermissions.fromString("rwx------"));
        routerState = dir.resolve("router");
        Files.writeString(routerState, "OK - gw1 answers\n");
        configFile = writeConfig(pageScript);
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
        chat.stop(0);
    }

    /** gw1 with a ping check; 12 hosts with 40 checks that depend on it (4 hosts with 4, 8 with 3). */
    private Path writeConfig(Path pageScript) throws Exception {
        String check = "'read s < " + routerState + "; echo \"$s\"; case $s in OK*) exit 0;; *) exit 2;; esac'";
        StringBuilder yaml = new StringBuilder("""
                interval: 1m
                state_dir: state
                defaults: {attempts: 1}
                contacts:
                  alice: {email: alice@example.org, phone: "+15550100"}
                  bob: {email: bob@example.org, phone: "+15550101"}
                channels:
                  mail: {type: email, smtp_host: 127.0.0.1, smtp_port: %d, tls: none, from: udjat@example.org}
                  chat: {type: webhook, url: "http://127.0.0.1:%d/hook", preset: slack}
                  pager: {type: command, urgency: page, command: [%s]}
                notify:
                  grace: 1m
                  escalate_after: 5m
                  send_timeout: 5s
                  report_url: https://mon.example.org/udjat/
                report: {on_run: false}
                rrd: {enabled: false}
                hosts:
                  gw1:
                    transport: local
                    checks:
                      - {name: ping, command: %s}
                """.formatted(smtpPort, chat.getAddress().getPort(), pageScript, check));
        for (int h = 1; h <= 12; h++) {
            yaml.append("  app").append(h).append(":\n    transport: local\n    checks:\n");
            for (int c = 1; c <= (h <= 4 ? 4 : 3); c++) {
                yaml.append("      - {name: svc").append(c).append(", depends_on: [gw1/ping], command: ").append(check)
                        .append("}\n");
            }
        }
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    /** One cycle at the clock's time, as cron's `udjat run` does it. */
    private CycleOutcome cycle() throws Exception {
        try (Plugins plugins = Plugins.load(Plugins.builtinDir(), null)) {
            assertEquals(List.of(), plugins.failures());
            assertEquals(List.of("udjat-notify-command", "udjat-notify-email", "udjat-notify-sms", "udjat-notify-webhook"),
                    plugins.extensions().stream().filter(e -> e.extensionPoint().equals("Notifier")).map(e -> e.plugin()).sorted()
                            .toList(), "each notifier from its plugin jar, none from the classpath");
            Config config = new ConfigLoader(plugins.checks(), plugins.notifiers(), Map.of()).load(configFile);
            CycleOutcome outcome = new Cycle(config, plugins, Map.of(HostSpec.Transport.LOCAL, new LocalTransport()), clock).run();
            assertEquals(List.of(), outcome.warnings().stream().filter(w -> !w.contains("undelivered") && !w.contains("SMTP")
                    && !w.contains("127.0.0.1:" + smtpPort)).toList());
            return outcome;
        }
    }

    private String udjat(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of(args), Stream.of("-c", configFile.toString())).toArray(String[]::new);
        int code = Main.execute(new Context(Map.of(), clock, new PrintWriter(out, true), new PrintWriter(err, true)), all);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    private List<String> mails() throws Exception {
        List<String> got = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            got.add(m.getAllRecipients()[0] + " " + m.getSubject());
        }
        return got;
    }

    private List<String> pages() throws Exception {
        return Files.readAllLines(pages);
    }

    private void routerDown() throws Exception {
        Files.writeString(routerState, "CRITICAL - no route to host\n");
    }

    private void routerUp() throws Exception {
        Files.writeString(routerState, "OK - gw1 answers\n");
    }

    @Test
    void routerDownOneSummaryEachOnePageAfterGraceEveryonePagedAfterFiveMinutesRecoveryToAllTold() throws Exception {
        cycle();
        assertTrue(udjat("duty", "take", "alice").contains("alice"));
        assertEquals(List.of(), mails(), "first results are not news");

        routerDown();
        clock.advance(Duration.ofMinutes(1));
        cycle();
        List<String> mails = mails();
        assertEquals(2, mails.size(), "one summary for each contact, not one per dependent: " + mails);
        assertTrue(mails.stream().allMatch(m -> m.contains("gw1/ping CRITICAL") && m.contains("40 checks on 12 hosts")),
                mails.toString());
        assertTrue(mails.get(0).startsWith("alice@example.org") || mails.get(1).startsWith("alice@example.org"));
        assertEquals(1, chatPosts.size(), "one message in the room");
        assertTrue(chatPosts.get(0).contains("40 checks on 12 hosts"), chatPosts.get(0));
        assertEquals(List.of(), pages(), "the grace period is not over");

        clock.advance(Duration.ofMinutes(1));
        cycle();
        assertEquals(1, pages().size(), pages().toString());
        assertTrue(pages().get(0).startsWith("PAGE alice ") && pages().get(0).contains("gw1/ping CRITICAL"), pages().toString());

        clock.advance(Duration.ofMinutes(2));
        cycle();
        assertEquals(1, pages().size(), "nothing more before escalate_after");

        clock.advance(Duration.ofMinutes(3));
        cycle();
        List<String> escalated = pages().subList(1, pages().size());
        assertEquals(List.of("ESCALATION alice", "ESCALATION bob"), escalated.stream()
                .map(l -> l.split(" ")[0] + " " + l.split(" ")[1]).sorted().toList(), pages().toString());

        routerUp();
        clock.advance(Duration.ofMinutes(1));
        cycle();
        List<String> recovered = pages().subList(3, pages().size());
        assertEquals(List.of("RECOVERY alice", "RECOVERY bob"), recovered.stream()
                .map(l -> l.split(" ")[0] + " " + l.split(" ")[1]).sorted().toList(), pages().toString());
        assertEquals(4, mails().size(), mails().toString());
        assertEquals(2, mails().stream().filter(m -> !m.contains("40 checks on 12 hosts") && m.contains("gw1/ping")).count(),
                "a recovery mail to each contact: " + mails());
        assertEquals(2, chatPosts.size());

        udjat("report");
        String incidents = Files.readString(dir.resolve("state/www/incidents.html"));
        String row = incidents.substring(incidents.indexOf(">gw1/ping<"));
        row = row.substring(0, row.indexOf("</tr>"));
        String firstTold = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                .format(clock.instant().minus(Duration.ofMinutes(7)));
        assertTrue(row.contains("<td class=\"time\">" + firstTold + "</td>"), "first notified when the mail went: " + row);

        StateDir state = StateDir.open(dir.resolve("state"));
        List<NotificationLog.Entry> log = new NotificationLog(state).read().entries();
        assertEquals(mails().size() + chatPosts.size() + pages().size(), log.size(), "every delivery is logged once");
        assertTrue(Files.list(state.path().resolve("outbox")).noneMatch(p -> p.toString().endsWith(".json")), "outbox empty");
    }

    @Test
    void anAckWithinTheGracePeriodWithdrawsThePageAndSaysSo() throws Exception {
        cycle();
        udjat("duty", "take", "alice");
        routerDown();
        clock.advance(Duration.ofMinutes(1));
        cycle();
        clock.advance(Duration.ofSeconds(20));
        String acked = udjat("ack", "--by", "bob", "--comment", "router replaced, cables next");
        assertTrue(acked.contains("gw1/ping"), acked);
        clock.advance(Duration.ofSeconds(40));
        cycle();
        assertEquals(List.of(), pages(), "the page was withdrawn");
        List<String> mails = mails();
        assertEquals(4, mails.size(), mails.toString());
        assertEquals(List.of("alice@example.org", "bob@example.org"), mails.stream()
                .filter(m -> m.contains("page for gw1/ping CRITICAL withdrawn: acknowledged by bob"))
                .map(m -> m.split(" ")[0]).sorted().toList(), "and that is said: " + mails);
        clock.advance(Duration.ofMinutes(10));
        cycle();
        assertEquals(List.of(), pages(), "no page and no escalation while ack mode lasts");
    }

    @Test
    void theOutboxKeepsMailWhileTheSmtpServerIsDownForSeveralCyclesAndSendsItOnceItIsBack() throws Exception {
        cycle();
        smtp.stop();
        routerDown();
        clock.advance(Duration.ofMinutes(1));
        cycle();
        clock.advance(Duration.ofMinutes(1));
        cycle();
        clock.advance(Duration.ofMinutes(1));
        cycle();
        String status = udjat("status");
        assertTrue(status.contains("undelivered") && status.contains("mail"), status);
        assertEquals(1, chatPosts.size(), "a broken channel does not hold up the others");

        startSmtp();
        clock.advance(Duration.ofMinutes(5));
        cycle();
        List<String> mails = mails();
        assertEquals(2, mails.stream().filter(m -> m.contains("40 checks on 12 hosts")).count(),
                "each problem mail delivered once: " + mails);
        assertTrue(Files.list(dir.resolve("state/outbox")).noneMatch(p -> p.toString().endsWith(".json")), "outbox empty");
    }
}
