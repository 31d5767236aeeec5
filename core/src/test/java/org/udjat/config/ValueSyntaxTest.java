package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small languages inside config values: durations, sizes, and did-you-mean suggestions. */
class ValueSyntaxTest {

    @Test
    void durationsTakeUnitsAndCombinations() {
        assertEquals(Optional.of(Duration.ofMillis(500)), DurationParser.parse("500ms"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), DurationParser.parse("1m30s"));
        assertEquals(Optional.of(Duration.ofHours(2)), DurationParser.parse("2h"));
        assertEquals(Optional.of(Duration.ofDays(1)), DurationParser.parse("1d"));
        assertEquals(Optional.of(Duration.ofMillis(1_250)), DurationParser.parse("1s250ms"));
        for (String bad : List.of("", "30", "5 minutes", "1.5s", "-3s", "s", "1m 30s", "99999999999999999999d")) {
            assertEquals(Optional.empty(), DurationParser.parse(bad), bad);
        }
        assertEquals("1m30s", DurationParser.format(Duration.ofSeconds(90)));
        assertEquals("1d2h3m4s5ms", DurationParser.format(Duration.parse("P1DT2H3M4.005S")));
    }

    @Test
    void sizesTakeBinaryAndDecimalUnits() {
        assertEquals(Optional.of(65_536L), SizeParser.parse("64KiB"));
        assertEquals(Optional.of(3L << 20), SizeParser.parse("3 MiB"));
        assertEquals(Optional.of(1L << 30), SizeParser.parse("1GiB"));
        assertEquals(Optional.of(2_000L), SizeParser.parse("2kB"));
        assertEquals(Optional.of(5_000_000L), SizeParser.parse("5MB"));
        assertEquals(Optional.of(1_000_000_000L), SizeParser.parse("1GB"));
        assertEquals(Optional.of(100L), SizeParser.parse("100B"));
        assertEquals(Optional.of(4096L), SizeParser.parse("4096"));
        for (String bad : List.of("", "lots", "1.5MiB", "64kib", "64K", "-1", "99999999999GiB")) {
            assertEquals(Optional.empty(), SizeParser.parse(bad), bad);
        }
        assertEquals("16MiB", SizeParser.format(16L << 20));
        assertEquals("1500B", SizeParser.format(1500));
    }

    @Test
    void suggestionsCatchTyposButNotUnrelatedWords() {
        List<String> keys = List.of("smtp_host", "smtp_port", "address", "trust_on_first_use");
        assertEquals(Optional.of("smtp_host"), Suggester.closest("smtp_hots", keys));
        assertEquals(Optional.of("address"), Suggester.closest("adress", keys));
        assertEquals(Optional.of("address"), Suggester.closest("Address", keys));
        assertEquals(Optional.of("trust_on_first_use"), Suggester.closest("trust-on-first-use", keys));
        assertEquals(Optional.empty(), Suggester.closest("colour", keys));
        assertEquals(Optional.of("gw1"), Suggester.closest("gw2", List.of("gw1", "web1")));
        assertEquals("unknown host \"x\"", Suggester.unknown("host", "x", List.of("alpha", "beta"), false));
        assertEquals("unknown key \"x\"; expected one of: alpha, beta",
                Suggester.unknown("key", "x", List.of("alpha", "beta"), true));
    }
}
