package org.udjat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text from a host can neither break a summary into lines nor hide in escapes, and loses nothing else. */
class TextTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("/var/lib/docker", "/var/lib/docker"),
                Arguments.of("", ""),
                Arguments.of("a\tb", "a?b"),
                Arguments.of("/mnt/new\nline\r", "/mnt/new?line?"),
                Arguments.of("\u001b[31mred\u001b[0m", "?[31mred?[0m"),
                Arguments.of("nul\0", "nul?"),
                Arguments.of("del\u007f", "del?"),
                // C1 controls, e.g. NEL, which some terminals take as a line end
                Arguments.of("c1\u0085\u009b", "c1??"),
                // letters of any script, symbols, and format characters such as the zero-width space are kept
                Arguments.of("ünïcödé ✓ \ud83d\ude00 \u200b", "ünïcödé ✓ \ud83d\ude00 \u200b"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void controlCharactersBecomeQuestionMarks(String text, String expected) {
        assertEquals(expected, Text.printable(text));
    }

    @Test
    void anExcerptQuotesTheFirstThreeNonBlankLinesOnOneLineCutTo300Characters() {
        assertEquals("no output", Text.excerpt(List.of()));
        assertEquals("no output", Text.excerpt(List.of("", "  ")));
        assertEquals("Job failed. / See journalctl / exit?", Text.excerpt(List.of(" Job failed. ", "", "See journalctl",
                "exit\u001b", "fourth line")));
        String excerpt = Text.excerpt(List.of("x".repeat(400)));
        assertEquals("x".repeat(300) + "...", excerpt);
        assertEquals("short", Text.cut("short"));
    }
}
