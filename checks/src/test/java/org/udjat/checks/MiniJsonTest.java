package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The small JSON reader of the device checks: strict, and never throwing on hostile text. */
class MiniJsonTest {

    @Test
    void aListOfObjects_readsWithItsEscapes() {
        Object v = MiniJson.parse(" [{\"id\": \"b\\u00e9\\\"17\", \"n\": -1.5e3, \"ok\": true, \"x\": null}, \"10.0.0.5\"] ").orElseThrow();
        List<?> list = (List<?>) v;
        Map<?, ?> first = (Map<?, ?>) list.get(0);
        assertEquals("b\u00e9\"17", first.get("id"));
        assertEquals(new MiniJson.Num("-1.5e3"), first.get("n"));
        assertEquals(Boolean.TRUE, first.get("ok"));
        assertEquals(MiniJson.NULL, first.get("x"));
        assertEquals("10.0.0.5", list.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[", "[1,]", "[\"\\uZZZZ\"]", "[\"\\u12\"]", "{\"a\" 1}", "[01]", "[1] x", "tru", "[\"a\nb\"]",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"})
    void anythingElse_isRefused(String text) {
        assertTrue(MiniJson.parse(text).isEmpty(), text);
    }
}
