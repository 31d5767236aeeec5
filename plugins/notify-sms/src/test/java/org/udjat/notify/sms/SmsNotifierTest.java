package org.udjat.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.NotifierContract.alice;
import static org.udjat.testkit.NotifierContract.samplePage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Contact;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Settings;
import org.udjat.notify.webhook.http.RecordingServer;
import org.udjat.notify.webhook.http.RecordingServer.Request;

/** What a real HTTP gateway on 127.0.0.1 receives from the sms notifier. */
class SmsNotifierTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Every character that means something in a URL, a form or JSON, and some that are not ASCII. */
    private static final String NASTY = "a&b=c?d#e f+g%20h/i\\j\"k' ü 日本 ✓ 🚨";
    private RecordingServer gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = RecordingServer.start();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private static Notice nasty() {
        return new Notice("id " + NASTY, samplePage(null).time(), Notice.Kind.PAGE, Notice.Urgency.PAGE, "CRITICAL",
                NASTY, List.of("line two"), List.of(), alice(), null, 0);
    }

    private Request sendOne(SmsNotifier sms, Notice notice, Map<String, ?> options) {
        Delivery d = sms.send(notice, Settings.of(options), TIMEOUT);
        assertTrue(d.delivered(), d.reason());
        assertEquals(1, gateway.requests().size());
        return gateway.requests().get(0);
    }

    private Request sendOne(Notice notice, Map<String, ?> options) {
        return sendOne(new SmsNotifier(Map.of()), notice, options);
    }

    /** The form or query fields, decoded, in order. */
    private static Map<String, String> fields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void placeholdersInTheUrlArriveIntact() {
        Request r = sendOne(nasty(), Map.of("method", "GET",
                "url", gateway.url("/send/{id}?to={phone}&msg={text}&subject={subject}&level={severity}")));
        assertEquals("GET", r.method());
        assertEquals("/send/id " + NASTY, r.path());
        assertEquals(Map.of("to", "+15550100", "msg", "CRITICAL: " + NASTY + "\nline two", "subject", NASTY,
                "level", "CRITICAL"), fields(r.rawQuery()));
        assertNull(r.header("Content-Type"));
        assertEquals("", r.body());
    }

    @Test
    void aFormBodyIsEncodedAsAForm() {
        Request r = sendOne(nasty(), Map.of("url", gateway.url("/send"), "body", "to={phone}&text={text}&ref={id}"));
        assertEquals("POST", r.method());
        assertEquals("application/x-www-form-urlencoded", r.header("Content-Type"));
        assertEquals(Map.of("to", "+15550100", "text", "CRITICAL: " + NASTY + "\nline two", "ref", "id " + NASTY),
                fields(r.body()));
    }

    @Test
    void aJsonBodyHoldsTheValuesEscaped() throws Exception {
        Request r = sendOne(nasty(), Map.of("url", gateway.url("/api/messages"), "content_type", "application/json",
                "body", "{\"to\": [\"{phone}\"], \"message\": {\"text\": \"{text}\", \"subject\": \"{subject}\"}}"));
        assertEquals("application/json", r.header("Content-Type"));
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertEquals("+15550100", json.get("to").get(0).asText());
        assertEquals("CRITICAL: " + NASTY + "\nline two", json.get("message").get("text").asText());
        assertEquals(NASTY, json.get("message").get("subject").asText());
    }

    @Test
    void basicAuthTakesThePasswordFromAFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("sms-password"), "pä:ss word\n");
        Request r = sendOne(samplePage(alice()), Map.of("url", gateway.url("/send?to={phone}&text={text}"),
                "username", "ops", "password_file", secret.toString()));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("ops:pä:ss word".getBytes(StandardCharsets.UTF_8)),
                r.header("Authorization"));
    }

    @Test
    void basicAuthTakesThePasswordFromTheEnvironment() {
        SmsNotifier sms = new SmsNotifier(Map.of("SMS_PASSWORD", "from-env", "SMS_KEY", "k-123"));
        Request r = sendOne(sms, samplePage(alice()), Map.of("url", gateway.url("/send?to={phone}"),
                "username", "ops", "password_env", "SMS_PASSWORD", "headers", Map.of("X-Api-Key", "${SMS_KEY}")));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("ops:from-env".getBytes(StandardCharsets.UTF_8)),
                r.header("Authorization"));
        assertEquals("k-123", r.header("X-Api-Key"));
    }

    @Test
    void aMissingPasswordIsRejectedAndNothingIsSent(@TempDir Path dir) {
        Path missing = dir.resolve("nope");
        SmsNotifier sms = new SmsNotifier(Map.of());
        assertEquals(Delivery.rejected("password_file " + missing + ": cannot read it (NoSuchFileException)"),
                sms.send(samplePage(alice()), Settings.of(Map.of("url", gateway.url("/send"), "username", "ops",
                        "password_file", missing.toString())), TIMEOUT));
        assertEquals(Delivery.rejected("password_env: environment variable SMS_PASSWORD is not set"),
                sms.send(samplePage(alice()), Settings.of(Map.of("url", gateway.url("/send"), "username", "ops",
                        "password_env", "SMS_PASSWORD")), TIMEOUT));
        assertEquals(List.of(), gateway.requests());
    }

    @Test
    void theTextKeepsToMaxLength() {
        Request r = sendOne(samplePage(alice()), Map.of("url", gateway.url("/send"), "body", "text={text}",
                "max_length", 40));
        String text = fields(r.body()).get("text");
        assertEquals("DOWN: gw1 DOWN; 37 checks on 12 hosts b…", text);
        assertEquals(40, text.codePointCount(0, text.length()));
    }

    @Test
    void aGatewayThatAnswers200WithAnErrorIsNotADelivery() {
        gateway.answer("/ok", 200, "{\"status\": \"ok\", \"id\": 17}");
        gateway.answer("/err", 200, "{\"status\": \"error\", \"reason\": \"no credit\"}");
        SmsNotifier sms = new SmsNotifier(Map.of());
        String pattern = "\"status\":\\s*\"ok\"";
        assertEquals(Delivery.ok(), sms.send(samplePage(alice()),
                Settings.of(Map.of("url", gateway.url("/ok"), "success_pattern", pattern)), TIMEOUT));
        Delivery d = sms.send(samplePage(alice()), Settings.of(Map.of("url", gateway.url("/err"), "success_pattern", pattern)),
                TIMEOUT);
        assertFalse(d.delivered());
        assertFalse(d.retry());
        assertTrue(d.reason().endsWith("does not match success_pattern \"status\":\\s*\"ok\": "
                + "{\"status\": \"error\", \"reason\": \"no credit\"}"), d.reason());
    }

    @Test
    void aRecipientWithoutAPhoneIsRejected() {
        Contact noPhone = new Contact("alice", "alice@example.org", null, Map.of());
        Settings options = Settings.of(Map.of("url", gateway.url("/send?to={phone}")));
        SmsNotifier sms = new SmsNotifier(Map.of());
        assertEquals(Delivery.rejected("alice has no phone number"), sms.send(samplePage(noPhone), options, TIMEOUT));
        assertEquals(Delivery.rejected("an sms goes to a person, and this notice has no recipient"),
                sms.send(samplePage(null), options, TIMEOUT));
        assertEquals(List.of(), gateway.requests());
    }

    @Test
    void aGatewayErrorIsRetriedAndARefusalIsNot() {
        gateway.answer("/busy", 503, "busy");
        gateway.answer("/gone", 404, "unknown account");
        SmsNotifier sms = new SmsNotifier(Map.of());
        Delivery busy = sms.send(samplePage(alice()), Settings.of(Map.of("url", gateway.url("/busy"))), TIMEOUT);
        assertTrue(busy.retry(), busy.toString());
        assertTrue(busy.reason().startsWith("HTTP 503 from 127.0.0.1:"), busy.reason());
        Delivery gone = sms.send(samplePage(alice()), Settings.of(Map.of("url", gateway.url("/gone"))), TIMEOUT);
        assertFalse(gone.retry());
        assertTrue(gone.reason().endsWith(": unknown account"), gone.reason());
    }
}
