package org.udjat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdsTest {
    private static final Set<Quantity> NUMBER_OR_PERCENT = EnumSet.of(Quantity.NUMBER, Quantity.PERCENT);

    @ParameterizedTest(name = "warn {0} crit {1} value {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "4     | 8     | 3    | OK",
        "4     | 8     | 4    | OK",
        "4     | 8     | 4.01 | WARNING",
        "4     | 8     | 8.01 | CRITICAL",
        "-     | 8     | 5    | OK",
        "-     | 8     | 9    | CRITICAL",
        "4     | -     | 9    | WARNING",
        "-     | -     | 1e9  | OK",
        "10:   | 5:    | 7    | WARNING",
        "10:   | 5:    | 4    | CRITICAL",
        "@0:10 | @0:5  | 12   | OK",
        "90%   | 95%   | 96   | CRITICAL",
    })
    void worstAlertingThresholdWins(String warn, String crit, double value, Status expected) {
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        if (warn != null) {
            options.put("warn", warn);
        }
        if (crit != null) {
            options.put("crit", crit);
        }
        Thresholds t = Thresholds.read(Settings.of(options), NUMBER_OR_PERCENT);
        assertEquals(expected, t.evaluate(value));
    }

    @Test
    void eachThresholdIsEvaluatedOnTheValueOfItsOwnQuantity() {
        Thresholds t = Thresholds.read(Settings.of(Map.of("warn", "90%", "crit", "1GiB:")),
                EnumSet.of(Quantity.PERCENT, Quantity.SIZE));
        double gib = 1L << 30;
        assertEquals(Status.OK, t.evaluate(q -> q == Quantity.PERCENT ? 50 : 5 * gib));
        assertEquals(Status.WARNING, t.evaluate(q -> q == Quantity.PERCENT ? 91 : 5 * gib));
        assertEquals(Status.CRITICAL, t.evaluate(q -> q == Quantity.PERCENT ? 50 : 0.5 * gib));
    }

    @Test
    void numbersFromYamlAreReadAsRanges() {
        Thresholds t = Thresholds.read(Settings.of(Map.of("warn", 4, "crit", 7.5)), NUMBER_OR_PERCENT);
        assertEquals("4", t.warnRange().text());
        assertEquals("7.5", t.critRange().text());
        assertEquals(Status.WARNING, t.evaluate(5));
    }

    @Test
    void absentThresholdsGiveNoPerfdataRanges() {
        Thresholds t = Thresholds.read(Settings.empty(), NUMBER_OR_PERCENT);
        assertNull(t.warnRange());
        assertNull(t.critRange());
        assertEquals(Thresholds.NONE, t);
    }

    @Test
    void validateReportsEveryBadKey() {
        List<ConfigProblem> problems = Thresholds.validate(Settings.of(Map.of("warn", "lots", "crit", "20:10")),
                NUMBER_OR_PERCENT);
        assertEquals(List.of(
                new ConfigProblem("warn", "expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"lots\""),
                new ConfigProblem("crit", "range \"20:10\" starts above its end")), problems);
        assertEquals(List.of(), Thresholds.validate(Settings.of(Map.of("warn", "90%")), NUMBER_OR_PERCENT));
    }

    @Test
    void readNamesTheKeyInItsError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Thresholds.read(Settings.of(Map.of("crit", "lots")), NUMBER_OR_PERCENT));
        assertEquals("crit: expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"lots\"", e.getMessage());
    }
}
