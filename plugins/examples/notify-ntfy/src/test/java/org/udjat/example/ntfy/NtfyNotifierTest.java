package org.udjat.example.ntfy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.api.Text;
import org.udjat.testkit.LoopbackPort;
import org.udjat.testkit.NotifierContract;

/** The ntfy notifier against a real HTTP server on 127.0.0.1: the contract every notifier passes, then its own rules. */
class NtfyNotifierTest extends NotifierContract {
    private NtfyServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new NtfyServer();
        server.answer("broken", 500);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Settings topic(String topic, Object... more) {
        Map<String, Object> options = new java.util.HashMap<>(Map.of("server", server.url(), "topic", topic));
        for (int i = 0; i < more.length; i += 2) {
            options.put((String) more[i], more[i + 1]);
        }
        return Settings.of(options);
    }

    // --- the contract -----------------------------------------------------------------------

    @Override
    protected Notifier notifier() {
        return new NtfyNotifier();
    }

    @Override
    protected Settings workingOptions() {
        return topic("alerts", "tags", List.of("udjat"));
    }

    @Override
    protected Settings failingOptions() {
        return topic("broken");
    }

    @Override
    protected Settings hangingOptions() {
        return topic("hang");
    }

    @Override
    protected List<Settings> invalidOptions() {
        return List.of(
                Settings.empty(),
                Settings.of(Map.of("server", "ftp://ntfy.example.org", "topic", "alerts")),
                Settings.of(Map.of("server", "https://ntfy.example.org", "topic", "two words")),
                Settings.of(Map.of("server", "https://ntfy.example.org", "topic", "alerts", "token_env", "not a name")),
                Settings.of(Map.of("server", "https://ntfy.example.org", "topic", "alerts", "tags", "udjat,prod")));
    }

    @Override
    protected List<String> received() {
        return server.requests().stream().filter(r -> r.path().equals("/alerts"))
                .map(r -> "Title: " + r.header("Title") + "\n\n" + r.body()).toList();
    }

    // --- what this notifier adds ------------------------------------------------------------

    @Test
    void aPageIsPostedAsAnUrgentPushWithTitleAndTags() {
        Notice page = samplePage(alice());
        assertEquals(Delivery.ok(), notifier().send(page, workingOptions(), TIMEOUT));
        NtfyServer.Request r = server.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals("/alerts", r.path());
        assertEquals(page.subject(), r.header("Title"));
        assertEquals("urgent", r.header("Priority"));
        assertEquals("udjat,down", r.header("Tags"));
        assertEquals("https://mon.example.org/", r.header("Click"));
        assertEquals(page.text(), r.body());
        assertEquals(null, r.header("Authorization"));
    }

    @Test
    void aLowUrgencyMessageHasTheDefaultPriority() {
        Notice low = hostileNotice(alice());
        assertEquals(Delivery.ok(), notifier().send(low, topic("alerts"), TIMEOUT));
        assertEquals("default", server.requests().get(0).header("Priority"));
        assertEquals("critical", server.requests().get(0).header("Tags"));
    }

    @Test
    void theTokenComesFromTheEnvironmentVariableNamedByTokenEnv() {
        assertEquals(Delivery.ok(), notifier().send(samplePage(alice()), topic("alerts", "token_env", "NTFY_TEST_TOKEN"), TIMEOUT));
        assertEquals("Bearer tk_test_0123456789", server.requests().get(0).header("Authorization"));

        Delivery unset = notifier().send(samplePage(alice()), topic("alerts", "token_env", "NTFY_TEST_UNSET"), TIMEOUT);
        assertEquals(Delivery.rejected("token_env: NTFY_TEST_UNSET is not set in udjat's environment"), unset);
        assertEquals(1, server.requests().size(), "nothing posted without the token");
    }

    @ParameterizedTest(name = "HTTP {0}: retry {1}")
    @CsvSource({"400, false", "401, false", "403, false", "404, false", "408, true", "413, false", "429, true",
            "500, true", "502, true", "503, true"})
    void anAnswerOtherThan2xxSaysWhetherToRetry(int status, boolean retry) {
        server.answer("alerts", status);
        Delivery d = notifier().send(samplePage(alice()), workingOptions(), TIMEOUT);
        assertFalse(d.delivered());
        assertEquals(retry, d.retry(), d.reason());
        assertEquals(server.url() + "/alerts answered " + status + ": {\"id\":\"x\"}", d.reason());
    }

    @Test
    void aServerThatIsDownIsRetried() {
        Settings down = Settings.of(Map.of("server", "http://127.0.0.1:" + LoopbackPort.closed(), "topic", "alerts"));
        Delivery d = notifier().send(samplePage(alice()), down, TIMEOUT);
        assertTrue(d.retry(), d.reason());
        assertTrue(d.reason().contains("ConnectException"), d.reason());
    }

    @Test
    void hostileTextCannotAddHeadersAndIsCutToWhatNtfyShows() {
        Notice hostile = hostileNotice(alice());
        Notice withBreaks = new Notice("h2", hostile.time(), hostile.kind(), hostile.urgency(), hostile.severity(),
                "web1 DOWN\r\nPriority: min\r\nX-Evil: 1 — ✓", List.of(), List.of(), null, null, 0);
        assertEquals(Delivery.ok(), notifier().send(withBreaks, topic("alerts"), TIMEOUT));
        assertEquals(Delivery.ok(), notifier().send(hostile, topic("alerts"), TIMEOUT));

        NtfyServer.Request first = server.requests().get(0);
        assertEquals("default", first.header("Priority"));
        assertEquals(null, first.header("X-Evil"));
        String title = first.header("Title");
        assertTrue(title.startsWith("=?UTF-8?B?") && title.endsWith("?="), title);
        String decoded = new String(Base64.getDecoder().decode(title.substring(10, title.length() - 2)), StandardCharsets.UTF_8);
        assertEquals("web1 DOWN??Priority: min??X-Evil: 1 — ✓", decoded);

        NtfyServer.Request second = server.requests().get(1);
        assertEquals(Text.printable(hostile.subject()), second.header("Title"));
        assertTrue(second.body().getBytes(StandardCharsets.UTF_8).length <= NtfyNotifier.MAX_BODY_BYTES);
        assertTrue(second.body().endsWith("…"));
        assertTrue(second.body().chars().noneMatch(c -> Character.isISOControl(c) && c != '\n'));
    }

    @Test
    void aServerUrlWithCredentialsIsRejectedWithoutQuotingThem() {
        List<String> messages = notifier().validate(Settings.of(Map.of("server", "https://bob:hunter2@ntfy.example.org",
                "topic", "alerts"))).stream().map(p -> p.key() + ": " + p.message()).toList();
        assertEquals(List.of("server: expected a URL like \"https://ntfy.example.org\", got a URL with credentials;"
                + " name an environment variable with token_env instead"), messages);
    }

    @Test
    void aTopicIsReadByEveryoneSubscribed() {
        assertFalse(notifier().addressesPeople(workingOptions()));
    }
}
