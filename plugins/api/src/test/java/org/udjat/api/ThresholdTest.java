package org.udjat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdTest {
    private static final Set<Quantity> ALL = EnumSet.allOf(Quantity.class);
    private static final Set<Quantity> NUMBER_OR_PERCENT = EnumSet.of(Quantity.NUMBER, Quantity.PERCENT);
    private static final double G = 1L << 30;

    /** Every Nagios range form, and the same forms with units: whether a value alerts. */
    @ParameterizedTest(name = "{0} at {1} alerts={2}")
    @CsvSource(delimiter = '|', value = {
        // N: alert outside 0..N
        "10      | 10    | false", "10 | 0 | false", "10 | 10.1 | true", "10 | -0.1 | true", "10 | 5 | false",
        // N: alert below N
        "10:     | 9.99  | true", "10: | 10 | false", "10: | 1e9 | false",
        // ~:N alert above N
        "~:10    | -1e9  | false", "~:10 | 10 | false", "~:10 | 10.5 | true",
        // N:M alert outside N..M
        "10:20   | 9     | true", "10:20 | 10 | false", "10:20 | 20 | false", "10:20 | 21 | true",
        // @N:M alert inside N..M
        "@10:20  | 10    | true", "@10:20 | 15 | true", "@10:20 | 20 | true", "@10:20 | 9.9 | false", "@10:20 | 20.1 | false",
        "@10     | 5     | true", "@10 | 11 | false",
        "@~:0    | -3    | true", "@5: | 6 | true",
        "-5:-1   | -3    | false", "-5:-1 | 0 | true",
        "0.5:1.5 | 1     | false", "0.5:1.5 | 0.4 | true",
        // with units
        "90%     | 90    | false", "90% | 90.01 | true",
        "80:90%  | 79    | true", "80:90% | 85 | false",
        "500ms   | 0.5   | false", "500ms | 0.6 | true",
        "~:2s    | 2.5   | true",
        "1:2GiB  | 1073741823 | true", "1:2GiB | 1073741824 | false",
    })
    void evaluatesEveryRangeForm(String text, double value, boolean alerts) {
        assertEquals(alerts, Threshold.parse(text, ALL).alerts(value));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "4         | NUMBER   | 4",
        "' 10: '   | NUMBER   | 10:",
        "~:10      | NUMBER   | ~:10",
        "10:20     | NUMBER   | 10:20",
        "@10:20    | NUMBER   | @10:20",
        "0.5       | NUMBER   | 0.5",
        "90%       | PERCENT  | 90",
        "@0:10%    | PERCENT  | @10",
        "2GiB:     | SIZE     | 2147483648:",
        "@0:2GiB   | SIZE     | @2147483648",
        "500MiB    | SIZE     | 524288000",
        "10G       | SIZE     | 10737418240",
        "10g       | SIZE     | 10737418240",
        "1.5k      | SIZE     | 1536",
        "2KB       | SIZE     | 2000",
        "3PiB:     | SIZE     | 3377699720527872:",
        "1024B     | SIZE     | 1024",
        "500ms     | DURATION | 0.5",
        "2s        | DURATION | 2",
        "1min:1h   | DURATION | 60:3600",
        "~:250us   | DURATION | ~:0.00025",
    })
    void rewritesTheRangeInBaseUnitsForPerfdata(String text, Quantity quantity, String perfdata) {
        Threshold t = Threshold.parse(text, ALL);
        assertEquals(quantity, t.quantity());
        assertEquals(perfdata, t.range().text());
        assertEquals(text.trim(), t.text());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "lots      | expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"lots\"",
        "''        | expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got nothing",
        "2GiB      | expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"2GiB\"",
        "10:lots   | expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"10:lots\"",
        "10:~      | expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"10:~\"",
        "NaN       | expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"NaN\"",
        "0x10      | expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"0x10\"",
        "90 %%     | expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"90 %%\"",
        "20:10     | range \"20:10\" starts above its end",
        "@90%:80%  | range \"@90%:80%\" starts above its end",
        "10%:2GiB  | range \"10%:2GiB\" mixes units of percent and size",
    })
    void rejectsBadInputWithAMessageForTheOperator(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Threshold.parse(text, NUMBER_OR_PERCENT));
        assertEquals(message, e.getMessage());
    }

    @Test
    void namesOnlyTheAcceptedKindsInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Threshold.parse("90", EnumSet.of(Quantity.PERCENT, Quantity.SIZE)));
        assertEquals("expected a percentage like \"90%\" or a size like \"2GiB\", got \"90\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Threshold.parse("2s", EnumSet.of(Quantity.NUMBER)));
        assertEquals("expected a range like \"4\", \"10:20\", got \"2s\"", e.getMessage());
    }

    @ParameterizedTest(name = "{0} x{1} +{2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "90%      | 2e9    | 0      | 180000000000",
        "80:90%   | 0.5    | 0      | 40:45",
        "2GiB:    | -1     | 1e12   | ~:997852516352",
        "@0:2GiB  | -1     | 1e12   | @997852516352:1000000000000",
        "~:4      | 2      | 0      | ~:8",
        "@4:      | 2      | 0      | @8:",
    })
    void mapsARangeOntoARelatedValue(String text, double factor, double offset, String mapped) {
        assertEquals(mapped, Threshold.parse(text, ALL).mapped(factor, offset).text());
    }

    @Test
    void aMappedRangeAlertsExactlyWhereTheOriginalDoes() {
        double size = 20 * G;
        Threshold free = Threshold.parse("2GiB:", ALL);
        Range onUsed = free.mapped(-1, size);
        for (double used = 0; used <= size; used += G / 4) {
            assertEquals(free.alerts(size - used), onUsed.alerts(used), "used " + used);
        }
    }
}
