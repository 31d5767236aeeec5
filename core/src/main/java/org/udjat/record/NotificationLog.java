package org.udjat.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.api.Notice;

/**
 * The append-only {@code notifications.jsonl}: one JSON object per delivered notification, one per
 * line, so the report can say when a problem was first notified and to whom.
 *
 * <p>A {@link JsonLines} file, like {@link HistoryLog}: each append is one write with O_APPEND,
 * flushed to disk; a crash in the middle can leave a torn last line, which reading skips with a
 * warning, and the next append starts on a fresh line. Appends run under the cycle lock; reads may
 * run at any time.
 */
public final class NotificationLog {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationLog.class);

    private final Path file;
    private final JsonLines lines;

    /** The notification log of {@code dir}. */
    public NotificationLog(StateDir dir) {
        this.file = dir.notificationsFile();
        this.lines = new JsonLines(file, Json.mapper(), LOG);
    }

    /**
     * One delivered notification.
     *
     * @param time      when it was delivered
     * @param id        the notice's id
     * @param channel   the channel it went through
     * @param recipient the contact's name, or null for a channel that addresses a room
     * @param kind      the notice's kind ({@code PROBLEM}, {@code PAGE}...)
     * @param urgency   {@code LOW} or {@code PAGE}
     * @param subjects  what it was about: {@code gw1}, {@code db1/disk}, in the notice's order, once each
     */
    public record Entry(Instant time, String id, String channel, String recipient, String kind, String urgency,
                        List<String> subjects) {
        public Entry {
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
        }

        /** The entry for {@code notice} delivered through {@code channel} at {@code time}. */
        public static Entry of(Instant time, String channel, Notice notice) {
            List<String> subjects = notice.items().stream().map(Notice.Item::subject).distinct().toList();
            return new Entry(time, notice.id(), channel, notice.recipient() == null ? null : notice.recipient().name(),
                    notice.kind().name(), notice.urgency().name(), subjects);
        }
    }

    /**
     * What a read found.
     *
     * @param entries  the readable entries, in the order appended
     * @param warnings the lines that were skipped and why, already logged
     */
    public record Entries(List<Entry> entries, List<String> warnings) {
        public Entries {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    /** The file, for messages. */
    public Path file() {
        return file;
    }

    /**
     * Appends {@code entries}, in order, and flushes them to disk. Does nothing for an empty list.
     *
     * @throws IOException naming the file; lines already in the file are untouched
     */
    public void append(List<Entry> entries) throws IOException {
        lines.append(entries);
    }

    /** Every readable entry, in the order appended; a missing file has none. */
    public Entries read() {
        JsonLines.Read<Entry> read = lines.readLast(Integer.MAX_VALUE, Entry.class,
                e -> e.time() != null && e.channel() != null, "not a notification (time or channel missing)");
        return new Entries(read.values(), read.warnings());
    }
}
