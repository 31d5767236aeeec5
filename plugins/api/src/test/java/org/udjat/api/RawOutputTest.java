package org.udjat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RawOutputTest {
    private static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");

    @Test
    void fixtureOutputHasNoPollWindow() {
        RawOutput raw = new RawOutput(null, 0, false);
        assertEquals("", raw.text());
        assertEquals(Optional.empty(), raw.pollWindow());
    }

    @Test
    void stampedOutputKeepsTextAndKnowsItsWindow() {
        RawOutput raw = new RawOutput("1764558000\n", 0, true).polledBetween(T0, T0.plusMillis(350));
        assertEquals("1764558000\n", raw.text());
        assertEquals(true, raw.truncated());
        assertEquals(Optional.of(Duration.ofMillis(350)), raw.pollWindow());
    }

    @Test
    void halfAWindowIsNoWindow() {
        RawOutput raw = new RawOutput("", 0, false, T0, null);
        assertNull(raw.pollStarted());
        assertEquals(Optional.empty(), raw.pollWindow());
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RawOutput("", 0, false, T0, T0.minusSeconds(1)));
    }
}
