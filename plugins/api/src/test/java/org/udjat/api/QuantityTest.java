package org.udjat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "NUMBER   | 0.524          | 0.52",
        "NUMBER   | 4              | 4",
        "PERCENT  | 95             | 95%",
        "PERCENT  | 22.74          | 22.7%",
        "SIZE     | 512            | 512 B",
        "SIZE     | 1288490188.8   | 1.2 GiB",
        "SIZE     | 21474836480    | 20 GiB",
        "SIZE     | 270553174016   | 252 GiB",
        "SIZE     | 0              | 0 B",
        "SIZE     | 4503599627370496 | 4 PiB",
        "DURATION | 0.5            | 500ms",
        "DURATION | 2              | 2s",
        "DURATION | 2.345          | 2.35s",
    })
    void formatsForHumans(Quantity quantity, double value, String text) {
        assertEquals(text, quantity.format(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "4       | NUMBER   | 4",
        "90%     | PERCENT  | 90",
        "2GiB    | SIZE     | 2147483648",
        "2 GiB   | SIZE     | 2147483648",
        "10M     | SIZE     | 10485760",
        "10MB    | SIZE     | 10000000",
        "1.5min  | DURATION | 90",
        "2h      | DURATION | 7200",
    })
    void readsAmountsInTheBaseUnit(String text, Quantity quantity, double value) {
        Quantity.Amount a = Quantity.amount(text);
        assertEquals(quantity, a.quantity());
        assertEquals(value, a.value(), 1e-9);
    }
}
