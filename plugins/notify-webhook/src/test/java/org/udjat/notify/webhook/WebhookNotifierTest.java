package org.udjat.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.NotifierContract.alice;
import static org.udjat.testkit.NotifierContract.hostileNotice;
import static org.udjat.testkit.NotifierContract.samplePage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.udjat.api.Contact;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.NoticeJson;
import org.udjat.api.Settings;
import org.udjat.notify.webhook.http.RecordingServer;
import org.udjat.notify.webhook.http.RecordingServer.Request;

/** What a real HTTP server receives from the webhook notifier, preset by preset. */
class WebhookNotifierTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private RecordingServer server;

    @BeforeEach
    void start() throws Exception {
        server = RecordingServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Request sendOne(WebhookNotifier webhook, Notice notice, Map<String, ?> options) {
        Map<String, Object> all = new LinkedHashMap<>(options);
        all.putIfAbsent("url", server.url("/hook"));
        Delivery d = webhook.send(notice, Settings.of(all), TIMEOUT);
        assertTrue(d.delivered(), d.reason());
        List<Request> got = server.requests();
        assertEquals(1, got.size(), got.toString());
        return got.get(0);
    }

    private Request sendOne(Notice notice, Map<String, ?> options) {
        return sendOne(new WebhookNotifier(Map.of()), notice, options);
    }

    @Test
    void thePlainPresetPostsTheNoticeInItsOneJsonForm() {
        Notice page = samplePage(alice());
        Request r = sendOne(page, Map.of());
        assertEquals("POST", r.method());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals(page, NoticeJson.read(r.body()));
    }

    @Test
    void theSlackPresetEscapesMarkupInEveryText() throws Exception {
        Notice evil = new Notice("n1", samplePage(null).time(), Notice.Kind.PROBLEM, Notice.Urgency.LOW, "CRITICAL",
                "<!channel> web1 & <script>alert(1)</script>", List.of("<@U0ADMIN> look", "a > b && c < d"),
                List.of(), null, "https://mon.example.org/?a=1&b=2", 0);
        JsonNode body = JSON.readTree(sendOne(evil, Map.of("preset", "slack")).body());
        assertEquals(List.of("text"), fieldNames(body));
        assertEquals(":red_circle: *&lt;!channel&gt; web1 &amp; &lt;script&gt;alert(1)&lt;/script&gt;*\n"
                + "&lt;@U0ADMIN&gt; look\n"
                + "a &gt; b &amp;&amp; c &lt; d\n"
                + "https://mon.example.org/?a=1&amp;b=2", body.get("text").asText());
    }

    @Test
    void theSlackPresetMentionsTheRecipientWhenAsked() throws Exception {
        Map<String, Object> options = Map.of("preset", "slack", "mention", true, "per_recipient", true);
        String text = JSON.readTree(sendOne(samplePage(alice()), options).body()).get("text").asText();
        assertTrue(text.startsWith("@alice :red_circle: *gw1 DOWN; 37 checks on 12 hosts behind it suppressed*\n"), text);
    }

    @Test
    void aRecipientWithoutAHandleIsNotMentioned() throws Exception {
        Map<String, Object> options = Map.of("preset", "slack", "mention", true, "per_recipient", true);
        Notice page = samplePage(new Contact("bob", null, null, Map.of("matrix", "@bob:example.org")));
        String text = JSON.readTree(sendOne(page, options).body()).get("text").asText();
        assertTrue(text.startsWith(":red_circle: *gw1 DOWN"), text);
    }

    @Test
    void theMatrixPresetSendsPlainTextAndEscapedHtml() throws Exception {
        Notice hostile = hostileNotice(alice());
        JsonNode event = JSON.readTree(sendOne(hostile,
                Map.of("preset", "matrix", "mention", true, "per_recipient", true)).body());
        assertEquals(List.of("msgtype", "body", "format", "formatted_body"), fieldNames(event));
        assertEquals("m.text", event.get("msgtype").asText());
        assertEquals("org.matrix.custom.html", event.get("format").asText());
        String html = event.get("formatted_body").asText();
        assertTrue(html.startsWith("<a href=\"https://matrix.to/#/@alice:example.org\">@alice:example.org</a>: <strong>"
                + "web1/http CRITICAL: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &amp;  [31mred "), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("\u001b"), "control characters are removed");
        String body = event.get("body").asText();
        assertTrue(body.startsWith("@alice:example.org: web1/http CRITICAL: <script>alert('x')</script>"), body);
        assertTrue(body.endsWith("\nünïcödé ✓ 日本"), body);
    }

    @Test
    void aLongNoticeIsShortenedForChatKeepingTheSubject() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add("db" + i + "/disk CRITICAL: " + "<&>".repeat(100));
        }
        Notice big = new Notice("big", samplePage(null).time(), Notice.Kind.PROBLEM, Notice.Urgency.LOW, "WARNING",
                "S".repeat(3000), lines, List.of(), null, "https://mon.example.org/", 2);
        String text = JSON.readTree(sendOne(big, Map.of("preset", "slack")).body()).get("text").asText();
        assertTrue(text.length() <= ChatText.MAX_CHARS, "length " + text.length());
        assertTrue(text.startsWith(":warning: *" + "S".repeat(ChatText.MAX_LINE - 1) + "…*\n"), text.substring(0, 40));
        assertTrue(text.contains("\ndb0/disk CRITICAL: &lt;&amp;&gt;"), "lines come first");
        assertTrue(text.endsWith(" more lines\n2 earlier messages held back by a rate limit are included.\n"
                + "https://mon.example.org/"), text.substring(text.length() - 200));
    }

    @Test
    void headersAreFilledFromTheEnvironmentAtSendTime() {
        WebhookNotifier webhook = new WebhookNotifier(Map.of("CHAT_TOKEN", "s3cr3t-token"));
        Request r = sendOne(webhook, samplePage(null), Map.of("headers",
                Map.of("Authorization", "Bearer ${CHAT_TOKEN}", "X-Udjat", "plain ${not a variable")));
        assertEquals("Bearer s3cr3t-token", r.header("Authorization"));
        assertEquals("plain ${not a variable", r.header("X-Udjat"));
    }

    @Test
    void aMissingVariableIsRejectedWithoutSendingAnything() {
        Delivery d = new WebhookNotifier(Map.of()).send(samplePage(null), Settings.of(Map.of("url", server.url("/hook"),
                "headers", Map.of("Authorization", "Bearer ${CHAT_TOKEN}"))), TIMEOUT);
        assertEquals(Delivery.rejected("header Authorization: environment variable CHAT_TOKEN is not set"), d);
        assertEquals(List.of(), server.requests());
    }

    @Test
    void aVariableHoldingALineBreakCannotAddAHeader() {
        WebhookNotifier webhook = new WebhookNotifier(Map.of("CHAT_TOKEN", "x\r\nX-Injected: yes"));
        Delivery d = webhook.send(samplePage(null), Settings.of(Map.of("url", server.url("/hook"),
                "headers", Map.of("Authorization", "Bearer ${CHAT_TOKEN}"))), TIMEOUT);
        assertFalse(d.delivered());
        assertFalse(d.retry());
        assertFalse(d.reason().contains("Injected"), "the value is never echoed: " + d.reason());
        assertEquals(List.of(), server.requests());
    }

    @Test
    void putWithTheNoticeIdInTheUrlSendsTheSameUrlOnEveryRetry() throws Exception {
        Notice page = samplePage(null).to(null, "page 1/ü?x=&#");
        Settings matrix = Settings.of(Map.of("preset", "matrix", "method", "PUT",
                "url", server.url("/_matrix/client/v3/rooms/!r:example.org/send/m.room.message/{id}?v=1")));
        WebhookNotifier webhook = new WebhookNotifier(Map.of());
        assertTrue(webhook.send(page, matrix, TIMEOUT).delivered());
        assertTrue(webhook.send(page, matrix, TIMEOUT).delivered());
        List<Request> got = server.requests();
        assertEquals(2, got.size());
        for (Request r : got) {
            assertEquals("PUT", r.method());
            assertEquals("/_matrix/client/v3/rooms/!r:example.org/send/m.room.message/page%201%2F%C3%BC%3Fx%3D%26%23", r.rawPath());
            assertEquals("v=1", r.rawQuery());
            assertEquals("m.text", JSON.readTree(r.body()).get("msgtype").asText());
        }
    }

    @Test
    void aRoomMessageHasNoRecipient() {
        assertNull(NoticeJson.read(sendOne(samplePage(null), Map.of()).body()).recipient());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
