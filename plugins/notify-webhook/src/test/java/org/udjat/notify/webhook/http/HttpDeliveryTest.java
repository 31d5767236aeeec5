package org.udjat.notify.webhook.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.udjat.api.Delivery;
import org.udjat.testkit.LoopbackPort;

/** How each answer of a real HTTP server, or the lack of one, becomes a delivery. */
class HttpDeliveryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static RecordingServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RecordingServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Delivery post(String url, Duration timeout, Optional<Pattern> success) {
        return HttpDelivery.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("{}")),
                Optional.empty(), timeout, success);
    }

    private static String where() {
        return URI.create(server.url("/")).getAuthority();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void aSuccessStatusIsDelivered(int status) {
        server.answer("/s" + status, status, "");
        assertEquals(Delivery.ok(), post(server.url("/s" + status), TIMEOUT, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void aServerInTroubleIsRetriedLater(int status) {
        server.answer("/r" + status, status, "try again\u0007 <later>\n\n  please");
        assertEquals(Delivery.retryLater("HTTP " + status + " from " + where() + ": try again <later> please"),
                post(server.url("/r" + status), TIMEOUT, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 410, 413, 422})
    void aRefusalIsRejected(int status) {
        server.answer("/x" + status, status, "no such hook");
        assertEquals(Delivery.rejected("HTTP " + status + " from " + where() + ": no such hook"),
                post(server.url("/x" + status), TIMEOUT, Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void aRedirectIsNotFollowedAndRejected(int status) {
        server.answer("/moved" + status, status, "", Map.of("Location", server.url("/elsewhere")));
        Delivery d = post(server.url("/moved" + status), TIMEOUT, Optional.empty());
        assertEquals(Delivery.rejected("HTTP " + status + " from " + where()
                + ": redirects are not followed; set url to the address it redirects to"), d);
        assertEquals(List.of(), server.requests("/elsewhere"));
    }

    @Test
    void aLongAnswerIsQuotedShortAndOnOneLine() {
        server.answer("/long", 500, "x".repeat(100_000));
        Delivery d = post(server.url("/long"), TIMEOUT, Optional.empty());
        assertTrue(d.retry());
        assertEquals("HTTP 500 from " + where() + ": " + "x".repeat(200) + "…", d.reason());
    }

    @Test
    void aSlowServerIsRetriedLaterWithinTheTimeout() {
        server.hang("/slow");
        Duration timeout = Duration.ofMillis(700);
        long start = System.nanoTime();
        Delivery d = post(server.url("/slow"), timeout, Optional.empty());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Delivery.retryLater("no answer from " + where() + " within 700ms"), d);
        assertTrue(took.compareTo(timeout.plusMillis(500)) < 0, "took " + took);
        assertEquals(1, server.requests("/slow").size(), "the request was sent, then the answer awaited");
    }

    @Test
    void aRefusedConnectionIsRetriedLater() {
        int port = LoopbackPort.closed();
        Delivery d = post("http://127.0.0.1:" + port + "/hook", TIMEOUT, Optional.empty());
        assertFalse(d.delivered());
        assertTrue(d.retry());
        assertTrue(d.reason().startsWith("cannot connect to 127.0.0.1:" + port), d.reason());
    }

    @Test
    void aSuccessPatternMustMatchTheAnswer() {
        server.answer("/gw-ok", 200, "status=0 OK id=17");
        server.answer("/gw-err", 200, "status=7 ERROR insufficient credit");
        Optional<Pattern> ok = Optional.of(Pattern.compile("status=0\\b"));
        assertEquals(Delivery.ok(), post(server.url("/gw-ok"), TIMEOUT, ok));
        assertEquals(Delivery.rejected("HTTP 200 from " + where() + " does not match success_pattern status=0\\b: "
                + "status=7 ERROR insufficient credit"), post(server.url("/gw-err"), TIMEOUT, ok));
    }

    @Test
    void theReasonNeverShowsTheUrlPathWhereWebhookSecretsLive() {
        server.answer("/services/T000/B000/SECRET", 404, "");
        Delivery d = post(server.url("/services/T000/B000/SECRET"), TIMEOUT, Optional.empty());
        assertEquals(Delivery.rejected("HTTP 404 from " + where()), d);
    }
}
