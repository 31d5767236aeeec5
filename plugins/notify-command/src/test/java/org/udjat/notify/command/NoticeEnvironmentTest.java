package org.udjat.notify.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.udjat.api.Notice;
import org.udjat.testkit.NotifierContract;

/** The variables built from a notice, without running anything. */
class NoticeEnvironmentTest {

    @ParameterizedTest(name = "{0} with a first item {1} -> {2}")
    @CsvSource({
            "PROBLEM,      PROBLEM,  PROBLEM",
            "PROBLEM,      RECOVERY, RECOVERY",
            "PROBLEM,      UNSTABLE, FLAPPINGSTART",
            "PROBLEM,      STABLE,   FLAPPINGSTOP",
            "DIGEST,       OPEN,     PROBLEM",
            "PAGE,         OPEN,     PROBLEM",
            "ESCALATION,   OPEN,     PROBLEM",
            "REPEAT,       OPEN,     PROBLEM",
            "RECOVERY,     RECOVERY, RECOVERY",
            "ACKNOWLEDGED, OPEN,     ACKNOWLEDGEMENT",
            "WITHDRAWN,    OPEN,     CUSTOM",
            "NOTICE,       OPEN,     CUSTOM",
    })
    void nagiosNotificationType(Notice.Kind kind, String change, String expected) {
        Notice n = new Notice("n1", Instant.EPOCH, kind, Notice.Urgency.LOW, "CRITICAL", "s", List.of(),
                List.of(new Notice.Item("db1", "disk", "OK", "CRITICAL", change, "full", null, 0, null, null)),
                null, null, 0);
        assertEquals(expected, NoticeEnvironment.notificationType(n));
    }

    @Test
    void aProblemMessageWithoutItemsIsAProblem() {
        Notice n = new Notice("n1", Instant.EPOCH, Notice.Kind.PROBLEM, Notice.Urgency.LOW, "", "", null, null, null, null, 0);
        assertEquals("PROBLEM", NoticeEnvironment.notificationType(n));
        Map<String, String> nagios = NoticeEnvironment.nagios(n);
        assertEquals("", nagios.get("NAGIOS_HOSTNAME"));
        assertEquals("", nagios.get("NAGIOS_SERVICEDESC"));
        assertEquals("0", NoticeEnvironment.udjat(n).get("UDJAT_ITEM_COUNT"));
    }

    @Test
    void aServiceItemFillsTheServiceMacrosAndLeavesTheHostStateEmpty() {
        Notice page = NotifierContract.samplePage(NotifierContract.alice());
        Notice n = new Notice("n2", page.time(), Notice.Kind.PROBLEM, Notice.Urgency.LOW, "CRITICAL", "db1/disk CRITICAL",
                List.of(), List.of(page.items().get(1), page.items().get(0)), page.recipient(), null, 0);
        Map<String, String> nagios = NoticeEnvironment.nagios(n);
        assertEquals("db1", nagios.get("NAGIOS_HOSTNAME"));
        assertEquals("disk", nagios.get("NAGIOS_SERVICEDESC"));
        assertEquals("CRITICAL", nagios.get("NAGIOS_SERVICESTATE"));
        assertEquals("OK", nagios.get("NAGIOS_LASTSERVICESTATE"));
        assertEquals("/ 97% used", nagios.get("NAGIOS_SERVICEOUTPUT"));
        assertEquals("", nagios.get("NAGIOS_HOSTSTATE"));
        assertEquals("", nagios.get("NAGIOS_HOSTOUTPUT"));
    }

    @Test
    void controlCharactersAndNulBecomeQuestionMarksAndTextKeepsItsLines() {
        String evil = "a\u0000b\u001b[31mc\rd\ne\u0085f\u007f";
        assertEquals("a?b?[31mc?d?e?f?", NoticeEnvironment.line(evil));
        assertEquals("a?b?[31mc?d\ne?f?", NoticeEnvironment.text(evil));
        assertEquals("one\ttab\n", NoticeEnvironment.text("one\ttab\n"));
        assertEquals("", NoticeEnvironment.line(null));
    }

    @Test
    void longValuesAreCutWithoutSplittingACharacter() {
        String line = NoticeEnvironment.line("x".repeat(NoticeEnvironment.MAX_LINE * 3));
        assertEquals(NoticeEnvironment.MAX_LINE, line.length());
        assertTrue(line.endsWith("…"));
        // a smiley is two chars; the cut must not keep half of one
        String text = NoticeEnvironment.text("😀".repeat(NoticeEnvironment.MAX_TEXT));
        assertTrue(text.length() <= NoticeEnvironment.MAX_TEXT);
        String kept = text.substring(0, text.length() - 1);
        assertFalse(Character.isHighSurrogate(kept.charAt(kept.length() - 1)), "half a character kept");
        assertEquals(kept.length(), kept.codePoints().count() * 2);
    }

    @Test
    void everyValueIsEnvironmentSafe() {
        Notice hostile = NotifierContract.hostileNotice(NotifierContract.alice());
        Map<String, String> env = NoticeEnvironment.of(hostile, Map.of(), Map.of());
        env.forEach((k, v) -> {
            assertTrue(v.indexOf('\0') < 0, k);
            assertTrue(v.length() <= NoticeEnvironment.MAX_TEXT, k + " is " + v.length() + " long");
            if (!k.equals("UDJAT_TEXT")) {
                assertTrue(v.chars().noneMatch(Character::isISOControl), k + ": " + v);
            }
        });
    }
}
