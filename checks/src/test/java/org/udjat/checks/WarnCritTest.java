package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Quantity;
import org.udjat.api.Settings;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/** warn and crit with their defaults, as clock, uptime, fds, zombies and mailq read them. */
class WarnCritTest {
    private static final Set<Quantity> DURATION = EnumSet.of(Quantity.DURATION);

    private static WarnCrit flavour(String name) {
        return switch (name) {
            case "none" -> WarnCrit.of(DURATION);
            case "defaults" -> WarnCrit.withDefaults(DURATION, "60s", "120s");
            case "unless-written" -> WarnCrit.withDefaultsUnlessWritten(DURATION, "60s", "120s");
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** {@code -}: not written; {@code ~}: written without a value ({@code warn:}); else the text written. */
    private static Settings written(String warn, String crit) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (!warn.equals("-")) {
            map.put(Thresholds.WARN, warn.equals("~") ? null : warn);
        }
        if (!crit.equals("-")) {
            map.put(Thresholds.CRIT, crit.equals("~") ? null : crit);
        }
        return Settings.of(map);
    }

    private static String text(Threshold t) {
        return t == null ? "-" : t.text();
    }

    @ParameterizedTest(name = "{0}: warn {1} crit {2} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
        "none           | -   | -    | -   | -",
        "none           | 5s  | ~    | 5s  | -",
        "none           | ~   | 1min | -   | 1min",
        "defaults       | -   | -    | 60s | 120s",
        "defaults       | 5s  | -    | 5s  | 120s",
        "defaults       | ~   | ~    | 60s | 120s",
        "defaults       | -   | 0s:  | 60s | 0s:",
        "unless-written | -   | -    | 60s | 120s",
        "unless-written | -   | 10s  | 60s | 10s",
        "unless-written | ~   | -    | -   | 120s",
        "unless-written | 1s  | ~    | 1s  | -",
    })
    void eachOptionIsWhatWasWrittenElseItsDefault(String flavour, String warn, String crit, String expectedWarn,
            String expectedCrit) {
        WarnCrit options = flavour(flavour);
        Settings settings = written(warn, crit);
        assertEquals(List.of(), options.validate(settings));
        Thresholds read = options.read(settings);
        assertEquals(expectedWarn, text(read.warn()));
        assertEquals(expectedCrit, text(read.crit()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"none", "defaults", "unless-written"})
    void aBadRangeIsOneProblemAndNamesItsKeyWhenRead(String flavour) {
        WarnCrit options = flavour(flavour);
        Settings settings = written("10s", "90%");
        assertEquals(List.of(new ConfigProblem("crit", "expected a duration like \"500ms\", got \"90%\"")),
                options.validate(settings));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> options.read(settings));
        assertEquals("crit: expected a duration like \"500ms\", got \"90%\"", e.getMessage());
    }

    @Test
    void theOnlyOptionsAreWarnAndCrit() {
        assertEquals(Set.of("warn", "crit"), WarnCrit.of(DURATION).names());
    }
}
