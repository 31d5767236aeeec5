package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.api.Settings;

/** The {@code contacts:}, {@code channels:}, {@code routes:} and {@code notify:} blocks, read with real notifiers. */
class NotifySettingsTest {
    @TempDir
    Path dir;

    private Config load(String yaml) throws IOException, ConfigException {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(TestChecks.standard(), TestNotifiers.standard(), Map.of(), "tester",
                Path.of("/home/tester")).load(file);
    }

    private List<String> problems(String yaml) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.errors().stream().map(err -> err.line() + ":" + err.column() + ": " + err.path() + ": " + err.message())
                .toList();
    }

    @Test
    void withoutNotificationBlocks_nobodyIsToldAndEveryDefaultHolds() throws Exception {
        NotifySettings n = load("interval: 2m\nhosts:\n  web1:\n").notifications();

        assertFalse(n.enabled());
        assertEquals(NotifySettings.none(Duration.ofMinutes(2)), n);
        assertEquals(Duration.ofMinutes(2), n.grace());
    }

    @Test
    void theSharedDesignsExampleIsReadAsWritten() throws Exception {
        NotifySettings n = load("""
                interval: 1m
                hosts:
                  web1:
                contacts:
                  alice: {email: alice@example.org, phone: "+15550100", slack: "@alice"}
                  bob:   {email: bob@example.org, phone: "+15550101"}
                channels:
                  mail:
                    type: email
                    urgency: low
                    rate_limit: 60/1h
                    fallback: chat
                    smtp_host: smtp.example.org
                    port: 587
                  sms:  {type: sms, urgency: page, rate_limit: 10/1h, url: "https://gw.example/send?to={phone}"}
                  chat: {type: webhook, url: "https://chat.example/hooks/x", preset: slack}
                routes:
                  - severity: [WARNING, UNKNOWN]
                    hosts: ["db*"]
                    checks: [disk]
                    tags: [prod]
                    channels: [mail, chat]
                    contacts: [alice]
                notify:
                  grace: 1m30s
                  ack_mode: 20m
                  escalate_after: 4m
                  escalation: [bob, alice]
                  repeat_every: 3h
                  summary_lines: 7
                  report_url: https://mon.example.org/udjat
                  send_timeout: 15s
                  give_up_after: 2h
                """).notifications();

        assertEquals(List.of("alice", "bob"), List.copyOf(n.contacts().keySet()));
        assertEquals(new Contact("alice", "alice@example.org", "+15550100", Map.of("slack", "@alice")),
                n.contacts().get("alice"));
        assertEquals(new Contact("bob", "bob@example.org", "+15550101", Map.of()), n.contacts().get("bob"));
        assertEquals(List.of("mail", "sms", "chat"), List.copyOf(n.channels().keySet()));
        assertEquals(new ChannelSpec("mail", "email", Notice.Urgency.LOW, new RateLimit(60, Duration.ofHours(1)), "chat",
                Settings.of(Map.of("smtp_host", "smtp.example.org", "port", 587L))), n.channels().get("mail"));
        ChannelSpec sms = n.channels().get("sms");
        assertTrue(sms.pages());
        assertEquals(new RateLimit(10, Duration.ofHours(1)), sms.rateLimit());
        assertEquals(Settings.of(Map.of("url", "https://gw.example/send?to={phone}")), sms.options());
        ChannelSpec chat = n.channels().get("chat");
        assertEquals(Notice.Urgency.LOW, chat.urgency());
        assertNull(chat.rateLimit());
        assertNull(chat.fallback());
        assertEquals(List.of(new RouteSpec(Set.of("WARNING", "UNKNOWN"), List.of("db*"), List.of("disk"), Set.of("prod"),
                List.of("mail", "chat"), List.of("alice"))), n.routes());
        assertEquals(Duration.ofSeconds(90), n.grace());
        assertEquals(Duration.ofMinutes(20), n.ackMode());
        assertEquals(Duration.ofMinutes(4), n.escalateAfter());
        assertEquals(List.of("bob", "alice"), n.escalation());
        assertEquals(Duration.ofHours(3), n.repeatEvery());
        assertEquals(7, n.summaryLines());
        assertEquals("https://mon.example.org/udjat/", n.reportUrl());
        assertEquals(Duration.ofSeconds(15), n.sendTimeout());
        assertEquals(Duration.ofHours(2), n.giveUpAfter());
    }

    @Test
    void notifyDefaults_graceIsOneInterval_escalationIsEveryContact_repeatCanBeOff() throws Exception {
        NotifySettings n = load("""
                interval: 5m
                hosts:
                  web1:
                contacts:
                  alice: {email: alice@example.org}
                  bob: {phone: "+15550101", matrix: "@bob:example.org"}
                channels:
                  mail: {type: email, smtp_host: localhost}
                notify:
                  repeat_every: off
                """).notifications();

        assertTrue(n.enabled());
        assertEquals(Duration.ofMinutes(5), n.grace());
        assertEquals(NotifySettings.ACK_MODE, n.ackMode());
        assertEquals(NotifySettings.ESCALATE_AFTER, n.escalateAfter());
        assertEquals(List.of("alice", "bob"), n.escalation());
        assertNull(n.repeatEvery());
        assertEquals(NotifySettings.SUMMARY_LINES, n.summaryLines());
        assertNull(n.reportUrl());
        assertEquals(NotifySettings.SEND_TIMEOUT, n.sendTimeout());
        assertEquals(NotifySettings.GIVE_UP_AFTER, n.giveUpAfter());
        assertEquals(Map.of("matrix", "@bob:example.org"), n.contacts().get("bob").handles());
        assertEquals(Notice.Urgency.LOW, n.channels().get("mail").urgency());
        assertTrue(n.routes().isEmpty());
    }

    @Test
    void withoutANotifyBlock_escalationIsStillEveryContact() throws Exception {
        NotifySettings n = load("hosts:\n  web1:\ncontacts:\n  alice: {email: a@example.org}\n"
                + "  bob: {email: b@example.org}\n").notifications();

        assertEquals(List.of("alice", "bob"), n.escalation());
        assertEquals(Duration.ofMinutes(1), n.grace());
    }

    @Test
    void aChannelTypeMustNameALoadedNotifier_withDidYouMean() throws IOException {
        assertEquals(List.of("6:11: channels.mail.type: unknown notifier type \"emial\"; did you mean \"email\"?",
                        "7:16: channels.page.type: unknown notifier type \"pager\"; expected one of: email, sms, webhook",
                        "8:12: channels.nothing: missing \"type\" (the notifier: email, sms, webhook)"),
                problems("""
                        hosts:
                          web1:
                        channels:
                          # comment
                          mail:
                            type: emial
                          page: {type: pager}
                          nothing: {urgency: page}
                        """));
    }

    @Test
    void channelOptionsAreValidatedByTheNotifier_atTheirKeys_andUnknownOnesGetDidYouMean() throws IOException {
        assertEquals(List.of("5:5: channels.mail: missing \"smtp_host\"",
                        "6:5: channels.mail.port: expected a port number from 1 to 65535, got \"70000\"",
                        "7:5: channels.mail: unknown key \"smtp_hots\"; did you mean \"smtp_host\"?",
                        "8:5: channels.mail: unknown key \"colour\"; expected one of: type, urgency, rate_limit, fallback, "
                                + "from, port, smtp_host",
                        "9:8: channels.sms: missing \"url\""),
                problems("""
                        hosts:
                          web1:
                        channels:
                          mail:
                            type: email
                            port: 70000
                            smtp_hots: smtp.example.org
                            colour: blue
                          sms: {type: sms, urgency: page}
                        """));
    }

    @Test
    void rateLimitsAndFallbacks() throws IOException {
        assertEquals(List.of(
                        "4:54: channels.a.rate_limit: expected a rate limit like \"10/1h\" (at most 10 messages per hour), "
                                + "got \"0/1h\"",
                        "4:70: channels.a.fallback: a channel cannot fall back to itself",
                        "5:54: channels.b.rate_limit: expected a rate limit like \"10/1h\" (at most 10 messages per hour), "
                                + "got \"10 per hour\"",
                        "5:77: channels.b.fallback: unknown channel \"cc\"; did you mean \"c\"?",
                        "6:50: channels.c.fallback: fallbacks form a cycle: c -> d -> e -> c",
                        "7:50: channels.d.fallback: fallbacks form a cycle: d -> e -> c -> d",
                        "8:50: channels.e.fallback: fallbacks form a cycle: e -> c -> d -> e"),
                problems("""
                        hosts:
                          web1:
                        channels:
                          a: {type: email, smtp_host: localhost, rate_limit: 0/1h, fallback: a}
                          b: {type: email, smtp_host: localhost, rate_limit: 10 per hour, fallback: cc}
                          c: {type: webhook, url: "http://x/", fallback: d}
                          d: {type: webhook, url: "http://x/", fallback: e}
                          e: {type: webhook, url: "http://x/", fallback: c}
                          f: {type: webhook, url: "http://x/", fallback: c, rate_limit: 5/30m}
                        """));
    }

    @Test
    void routesNameChannelsAndContactsThatExist() throws IOException {
        assertEquals(List.of("9:15: routes[0].severity: expected a list of states, got text",
                        "10:16: routes[0].channels[0]: unknown channel \"mial\"; did you mean \"mail\"?",
                        "11:16: routes[0].contacts[0]: unknown contact \"bobb\"; did you mean \"bob\"?",
                        "12:5: routes[1]: unknown key \"host\"; did you mean \"hosts\"?"),
                problems("""
                        hosts:
                          web1:
                        contacts:
                          bob: {email: bob@example.org}
                        channels:
                          mail: {type: email, smtp_host: localhost}
                        routes:
                          - hosts: ["web*"]
                            severity: CRITICAL
                            channels: [mial]
                            contacts: [bobb]
                          - host: [x]
                            channels: [mail]
                        """));
    }
}
