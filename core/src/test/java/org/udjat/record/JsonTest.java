package org.udjat.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.udjat.api.PerfDatum;
import org.udjat.api.Range;

class JsonTest {
    private final ObjectMapper mapper = Json.mapper();

    @Test
    void specialNumbersAreStrictJsonAndReadBackAsTheSameDoubles() throws Exception {
        PerfDatum datum = new PerfDatum("x", Double.NaN, "", null, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        String json = mapper.writeValueAsString(datum);

        JsonNode tree = strictParser().readTree(json);
        assertEquals("NaN", tree.get("value").asText());
        assertEquals("-Infinity", tree.get("min").asText());

        PerfDatum back = mapper.readValue(json, PerfDatum.class);
        assertTrue(Double.isNaN(back.value()));
        assertEquals(Double.NEGATIVE_INFINITY, back.min());
        assertEquals(Double.POSITIVE_INFINITY, back.max());
    }

    @Test
    void rangesAreWrittenAsTheirTextAndParsedBack() throws Exception {
        PerfDatum datum = new PerfDatum("x", 1, "s", Range.parse("@~:5"), Range.parse("10:20"), null, null);
        JsonNode tree = mapper.readTree(mapper.writeValueAsString(datum));
        assertEquals("@~:5", tree.get("warn").asText());
        assertEquals("10:20", tree.get("crit").asText());
        assertFalse(tree.has("counter"), "derived from the unit, not stored");
        assertEquals(datum, mapper.readValue(tree.toString(), PerfDatum.class));
    }

    @Test
    void badRange_isAnErrorQuotingIt() {
        String json = "{\"label\":\"x\",\"value\":1,\"warn\":\"5:1\"}";
        InvalidFormatException e = assertThrows(InvalidFormatException.class, () -> mapper.readValue(json, PerfDatum.class));
        assertTrue(e.getMessage().contains("range \"5:1\" starts above its end"), e.getMessage());
    }

    @Test
    void timesAreIsoStrings() throws Exception {
        assertEquals("\"2024-05-01T12:00:01Z\"", mapper.writeValueAsString(Instant.parse("2024-05-01T12:00:01Z")));
        assertEquals("\"PT1.5S\"", mapper.writeValueAsString(Duration.ofMillis(1500)));
        assertEquals(Duration.ofMillis(1500), mapper.readValue("\"PT1.5S\"", Duration.class));
    }

    @Test
    void htmlSpecialCharactersAreEscapedSoOutputCannotCloseAScript() throws Exception {
        String json = new String(mapper.writeValueAsBytes("</script>&\u2028"), StandardCharsets.UTF_8);
        assertEquals("\"\\u003C/script\\u003E\\u0026\\u2028\"", json);
        assertEquals("</script>&\u2028", mapper.readValue(json, String.class));
    }

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        PerfDatum back = mapper.readValue("{\"label\":\"x\",\"value\":2,\"added_later\":{\"a\":1}}", PerfDatum.class);
        assertEquals(PerfDatum.of("x", 2, ""), back);
    }

    /** Jackson's defaults reject NaN tokens, comments and the like: a strict JSON parser. */
    private static ObjectMapper strictParser() {
        ObjectMapper strict = new ObjectMapper();
        assertThrows(JsonParseException.class, () -> strict.readTree("{\"v\": NaN}"));
        return strict;
    }
}
