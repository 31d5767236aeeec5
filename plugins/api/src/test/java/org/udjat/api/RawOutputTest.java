package org.udjat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> outputs() {
        return Stream.of(
                // text, cut at the cap, the lines a parser may trust
                Arguments.of("8 0 2466186\n", false, List.of("8 0 2466186")),
                Arguments.of("a\nb", false, List.of("a", "b")),
                Arguments.of("a\nb\n", true, List.of("a", "b")),
                Arguments.of("/ 95%\n/home 6", true, List.of("/ 95%")),
                Arguments.of("md0 : active raid1\n[UU", true, List.of("md0 : active raid1")),
                Arguments.of("a\r\nb\r\n", false, List.of("a", "b")),
                Arguments.of("a\r\nb", true, List.of("a")),
                Arguments.of("a\rb\n", false, List.of("a", "b")),
                Arguments.of("\n\nx\n", false, List.of("", "", "x")),
                Arguments.of("half a line", true, List.of()),
                Arguments.of("", true, List.of()),
                Arguments.of("", false, List.of()));
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void linesAreTheWholeLinesWithoutTheirEnds(String text, boolean truncated, List<String> expected) {
        assertEquals(expected, new RawOutput(text, 0, truncated).lines());
    }

    @Test
    void linesCannotBeChanged() {
        List<String> lines = new RawOutput("a\nb", 0, true).lines();
        assertThrows(UnsupportedOperationException.class, () -> lines.add("c"));
        assertThrows(UnsupportedOperationException.class, () -> new RawOutput("a\n", 0, false).lines().remove(0));
    }
}
