package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElapsedTest {

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0            | 0 s",
        "0.99         | 0 s",
        "45           | 45 s",
        "60           | 1 min",
        "725          | 12 min 5 s",
        "3600         | 1 h",
        "15120        | 4 h 12 min",
        "273600       | 3 d 4 h",
        "259201       | 3 d",
        "126316800    | 1462 d",
        "-300         | -5 min",
    })
    void twoLargestUnits(double seconds, String expected) {
        assertEquals(expected, Elapsed.of(seconds));
    }
}
