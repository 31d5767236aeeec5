package org.udjat.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Contact;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;

/**
 * The compatibility kit every notifier's tests extend: what udjat relies on from any
 * {@link Notifier}, checked against a real receiver the subclass starts (an SMTP server, an HTTP
 * server, a script). A subclass supplies the notifier, options that reach its working receiver,
 * options that reach one that fails and one that never answers, and a way to read what arrived.
 */
public abstract class NotifierContract {
    /** The timeout given to {@link Notifier#send} by these tests. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The notifier under test, as udjat would create it. */
    protected abstract Notifier notifier();

    /** Options for a channel that delivers to the working receiver this test started. */
    protected abstract Settings workingOptions();

    /** Options for a channel whose receiver refuses or fails every delivery (connection refused, HTTP 500, exit 1). */
    protected abstract Settings failingOptions();

    /** Options for a channel whose receiver accepts the connection and never answers. */
    protected abstract Settings hangingOptions();

    /** Option sets a user could write that {@link Notifier#validate} must reject, at least one problem each. */
    protected abstract List<Settings> invalidOptions();

    /**
     * Everything the working receiver got so far, one entry per delivered message, as text that
     * contains what a person would read (mail source, request body, the program's input).
     */
    protected abstract List<String> received() throws Exception;

    /** A contact with every address a channel could need. */
    public static Contact alice() {
        return new Contact("alice", "alice@example.org", "+15550100",
                Map.of("slack", "@alice", "matrix", "@alice:example.org"));
    }

    /** A page about a router down with dependents, for {@code recipient}. */
    public static Notice samplePage(Contact recipient) {
        Instant t = Instant.parse("2026-12-01T03:04:05Z");
        return new Notice("contract-page-1", t, Notice.Kind.PAGE, Notice.Urgency.PAGE, "DOWN",
                "gw1 DOWN; 37 checks on 12 hosts behind it suppressed",
                List.of("gw1 DOWN for 2m: connection refused", "db1/disk CRITICAL: / 97% used"),
                List.of(new Notice.Item("gw1", null, "UP", "DOWN", "PROBLEM", "connection refused", null, 37,
                                t.minusSeconds(120), "https://mon.example.org/host/gw1.html"),
                        new Notice.Item("db1", "disk", "OK", "CRITICAL", "PROBLEM", "/ 97% used", null, 0,
                                t.minusSeconds(60), null)),
                recipient, "https://mon.example.org/", 0);
    }

    /** A notice whose text is hostile: markup, quotes, control characters, a very long line. */
    public static Notice hostileNotice(Contact recipient) {
        String evil = "<script>alert('x')</script> \"quoted\" & \u001b[31mred\u0007 `rm -rf /` $(id) ${HOME}";
        Instant t = Instant.parse("2026-12-01T03:04:05Z");
        return new Notice("contract-hostile-1", t, Notice.Kind.PROBLEM, Notice.Urgency.LOW, "CRITICAL",
                "web1/http CRITICAL: " + evil,
                List.of("web1/http CRITICAL: " + evil, "x".repeat(20_000), "ünïcödé ✓ 日本"),
                List.of(new Notice.Item("web1", "http", "OK", "CRITICAL", "PROBLEM", evil + "\n" + "y".repeat(5000),
                        null, 0, t, null)),
                recipient, null, 0);
    }

    @Test
    void typeIsALowerCaseWord() {
        assertTrue(notifier().type().matches("[a-z][a-z0-9-]*"), "type: " + notifier().type());
    }

    @Test
    void workingOptionsAreValidAndEveryOptionKeyIsDeclared() {
        assertEquals(List.of(), notifier().validate(workingOptions()));
        for (String key : workingOptions().asMap().keySet()) {
            assertTrue(notifier().optionNames().contains(key), key + " is used but not in optionNames()");
        }
        assertFalse(notifier().optionNames().contains("type"), "type is udjat's own key");
    }

    @Test
    void invalidOptionsAreRejectedWithAMessageAndNeverThrow() {
        assertFalse(invalidOptions().isEmpty(), "give at least one invalid option set");
        for (Settings bad : invalidOptions()) {
            List<ConfigProblem> problems = assertDoesNotThrow(() -> notifier().validate(bad), bad::toString);
            assertFalse(problems.isEmpty(), "no problem found in " + bad);
            problems.forEach(p -> assertFalse(p.message().isBlank(), "empty message for " + bad));
        }
        assertDoesNotThrow(() -> notifier().validate(Settings.empty()));
        assertDoesNotThrow(() -> notifier().validate(Settings.of(Map.of("url", List.of(1, 2), "port", Map.of()))));
    }

    @Test
    void deliversANoticeThatTheReceiverGets() throws Exception {
        int before = received().size();
        Delivery d = notifier().send(samplePage(alice()), workingOptions(), TIMEOUT);
        assertTrue(d.delivered(), "not delivered: " + d.reason());
        List<String> got = awaitReceived(before + 1);
        String last = got.get(got.size() - 1);
        assertTrue(last.contains("gw1 DOWN"), "the subject reached the receiver: " + last);
    }

    @Test
    void deliversHostileTextWithoutThrowing() throws Exception {
        int before = received().size();
        Delivery d = assertDoesNotThrow(() -> notifier().send(hostileNotice(alice()), workingOptions(), TIMEOUT));
        assertTrue(d.delivered(), "not delivered: " + d.reason());
        awaitReceived(before + 1);
    }

    @Test
    void aFailingReceiverIsAFailureWithAReason() {
        Delivery d = assertDoesNotThrow(() -> notifier().send(samplePage(alice()), failingOptions(), TIMEOUT));
        assertFalse(d.delivered());
        assertFalse(d.reason().isBlank(), "a failure says why");
    }

    @Test
    void aReceiverThatNeverAnswersIsARetryableFailureWithinTheTimeout() {
        long start = System.nanoTime();
        Delivery d = assertDoesNotThrow(() -> notifier().send(samplePage(alice()), hangingOptions(), TIMEOUT));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertFalse(d.delivered());
        assertTrue(d.retry(), "a timeout is worth retrying: " + d);
        assertTrue(took.compareTo(TIMEOUT.plusSeconds(2)) < 0, "returned after " + took);
    }

    @Test
    void aRecipientWithoutAddressesNeverThrows() {
        Contact nobody = new Contact("nobody", null, null, Map.of());
        assertDoesNotThrow(() -> notifier().send(samplePage(nobody), workingOptions(), TIMEOUT));
        assertDoesNotThrow(() -> notifier().send(samplePage(null), workingOptions(), TIMEOUT));
    }

    @Test
    void sendsFromSeveralThreadsAtOnce() throws Exception {
        int before = received().size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Delivery>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Notice n = samplePage(alice());
                Notice each = n.to(alice(), "contract-parallel-" + i);
                sends.add(() -> notifier().send(each, workingOptions(), TIMEOUT));
            }
            for (Future<Delivery> f : pool.invokeAll(sends)) {
                assertTrue(f.get().delivered(), f.get().reason());
            }
        } finally {
            pool.shutdownNow();
        }
        awaitReceived(before + 8);
    }

    /** Waits up to 10 s for the receiver to hold at least {@code count} messages. */
    protected List<String> awaitReceived(int count) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> got = received();
        while (got.size() < count && System.nanoTime() < until) {
            Thread.sleep(20);
            got = received();
        }
        assertTrue(got.size() >= count, "the receiver got " + got.size() + " messages, expected " + count);
        return got;
    }
}
