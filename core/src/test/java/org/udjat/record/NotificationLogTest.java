package org.udjat.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Contact;
import org.udjat.api.Notice;

class NotificationLogTest {
    private static final Instant T = Instant.parse("2026-12-01T03:00:00Z");

    private static Notice notice(String id, Contact to) {
        return new Notice(id, T, Notice.Kind.RECOVERY, Notice.Urgency.LOW, "OK", "gw1 UP", List.of(),
                List.of(new Notice.Item("gw1", null, "DOWN", "UP", "RECOVERY", "", null, 0, T, null),
                        new Notice.Item("db1", "disk", "CRITICAL", "OK", "RECOVERY", "", null, 0, T, null),
                        new Notice.Item("gw1", null, "DOWN", "UP", "RECOVERY", "", null, 0, T, null)),
                to, null, 0);
    }

    @Test
    void oneLinePerDeliveredMessageInTheDocumentedForm(@TempDir Path dir) throws Exception {
        NotificationLog log = new NotificationLog(StateDir.open(dir));
        log.append(List.of(NotificationLog.Entry.of(T.plusSeconds(3), "mail",
                notice("n1", new Contact("alice", null, null, null)))));
        log.append(List.of(NotificationLog.Entry.of(T.plusSeconds(4), "chat", notice("n2", null))));

        assertEquals(List.of(
                "{\"time\":\"2026-12-01T03:00:03Z\",\"id\":\"n1\",\"channel\":\"mail\",\"recipient\":\"alice\","
                        + "\"kind\":\"RECOVERY\",\"urgency\":\"LOW\",\"subjects\":[\"gw1\",\"db1/disk\"]}",
                "{\"time\":\"2026-12-01T03:00:04Z\",\"id\":\"n2\",\"channel\":\"chat\",\"recipient\":null,"
                        + "\"kind\":\"RECOVERY\",\"urgency\":\"LOW\",\"subjects\":[\"gw1\",\"db1/disk\"]}"),
                Files.readAllLines(dir.resolve("notifications.jsonl")));
        NotificationLog.Entries read = log.read();
        assertEquals(List.of("n1", "n2"), read.entries().stream().map(NotificationLog.Entry::id).toList());
        assertEquals(List.of("gw1", "db1/disk"), read.entries().get(0).subjects());
        assertEquals(List.of(), read.warnings());
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextAppendStartsOnAFreshLine(@TempDir Path dir) throws Exception {
        NotificationLog log = new NotificationLog(StateDir.open(dir));
        log.append(List.of(NotificationLog.Entry.of(T, "mail", notice("n1", null))));
        Files.writeString(dir.resolve("notifications.jsonl"), "{\"time\":\"2026-12-01T03:0", StandardOpenOption.APPEND);

        NotificationLog.Entries torn = log.read();
        assertEquals(1, torn.entries().size());
        assertEquals(1, torn.warnings().size());
        assertTrue(torn.warnings().get(0).endsWith("line 2: incomplete last line, a run was interrupted while writing it; skipped"),
                torn.warnings().get(0));

        log.append(List.of(NotificationLog.Entry.of(T, "mail", notice("n3", null))));
        NotificationLog.Entries after = log.read();
        assertEquals(List.of("n1", "n3"), after.entries().stream().map(NotificationLog.Entry::id).toList());
        assertEquals(1, after.warnings().size());
        assertTrue(after.warnings().get(0).endsWith("line 2: not valid JSON; skipped"), after.warnings().get(0));
    }

    @Test
    void noFileMeansNoEntries(@TempDir Path dir) throws Exception {
        assertEquals(new NotificationLog.Entries(List.of(), List.of()), new NotificationLog(StateDir.open(dir)).read());
    }
}
