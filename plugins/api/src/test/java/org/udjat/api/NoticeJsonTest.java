package org.udjat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeJsonTest {
    private static final Instant T = Instant.parse("2026-12-01T03:04:05Z");

    private static Notice notice() {
        return new Notice("n-1", T, Notice.Kind.PAGE, Notice.Urgency.PAGE, "DOWN",
                "gw1 DOWN; 37 checks on 12 hosts behind it suppressed",
                List.of("gw1 DOWN for 2m: connection refused", "+3 more"),
                List.of(new Notice.Item("gw1", null, "UP", "DOWN", "PROBLEM", "<script>\"x\"</script>\n",
                        null, 37, T.minusSeconds(120), "https://mon/host/gw1.html")),
                new Contact("alice", "alice@example.org", "+15550100", Map.of("slack", "@alice")),
                "https://mon/", 2);
    }

    @Test
    void roundTripsEveryField() {
        Notice n = notice();
        assertEquals(n, NoticeJson.read(NoticeJson.write(n)));
    }

    @Test
    void writesTimesAsIsoStringsAndTheDocumentedFieldNames() {
        String json = NoticeJson.write(notice());
        assertTrue(json.contains("\"time\":\"2026-12-01T03:04:05Z\""), json);
        assertTrue(json.contains("\"kind\":\"PAGE\""), json);
        assertTrue(json.contains("\"reportUrl\":\"https://mon/\""), json);
        assertTrue(json.contains("\"folded\":2"), json);
        assertTrue(json.contains("\\\"x\\\""), "quotes in check output are escaped: " + json);
        assertTrue(!json.contains("\n"), "one line");
    }

    @Test
    void ignoresFieldsItDoesNotKnowAndRejectsWhatIsNotANotice() {
        String json = NoticeJson.write(notice()).replaceFirst("\\{", "{\"added_later\":[1,2],");
        assertEquals(notice(), NoticeJson.read(json));
        assertThrows(IllegalArgumentException.class, () -> NoticeJson.read("{\"id\":\"x\"}"));
        assertThrows(IllegalArgumentException.class, () -> NoticeJson.read("null"));
        assertThrows(IllegalArgumentException.class, () -> NoticeJson.read("[1"));
    }

    @Test
    void textHasSubjectLinesFoldedCountAndLink() {
        assertEquals("""
                gw1 DOWN; 37 checks on 12 hosts behind it suppressed

                gw1 DOWN for 2m: connection refused
                +3 more

                2 earlier messages held back by a rate limit are included.

                https://mon/
                """, notice().text());
    }
}
