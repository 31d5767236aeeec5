package org.udjat.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.udjat.api.Notice;

/**
 * The append-only {@code notifications.jsonl}: one JSON object per delivered notification, one per
 * line, so the report can say when a problem was first notified and to whom.
 *
 * <p>Like {@link HistoryLog}: each append is one write with O_APPEND, flushed to disk; a crash in
 * the middle can leave a torn last line, which reading skips with a warning, and the next append
 * starts on a fresh line. Appends run under the cycle lock; reads may run at any time.
 */
public final class NotificationLog {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationLog.class);

    private final Path file;
    private final ObjectMapper mapper = Json.mapper();
    private final ObjectWriter lineWriter = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);

    /** The notification log of {@code dir}. */
    public NotificationLog(StateDir dir) {
        this.file = dir.notificationsFile();
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
        if (entries.isEmpty()) {
            return;
        }
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        if (endsMidLine()) {
            lines.write('\n');
        }
        for (Entry entry : entries) {
            lines.write(lineWriter.writeValueAsBytes(entry));
            lines.write('\n');
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer batch = ByteBuffer.wrap(lines.toByteArray());
            while (batch.hasRemaining()) {
                channel.write(batch);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new IOException("cannot append to " + file + ": " + IoReason.of(e), e);
        }
    }

    /** Every readable entry, in the order appended; a missing file has none. */
    public Entries read() {
        List<String> warnings = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Entries(List.of(), List.of());
        } catch (IOException e) {
            warn(warnings, file + ": cannot be read (" + IoReason.of(e) + ")");
            return new Entries(List.of(), warnings);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean endsWithNewline = text.endsWith("\n");
        String[] lines = text.split("\n", -1);
        int last = endsWithNewline ? lines.length - 2 : lines.length - 1;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            boolean torn = i == last && !endsWithNewline;
            try {
                Entry entry = mapper.readValue(lines[i], Entry.class);
                if (entry != null && entry.time() != null && entry.channel() != null) {
                    entries.add(entry);
                } else {
                    warn(warnings, file + " line " + (i + 1) + ": not a notification (time or channel missing); skipped");
                }
            } catch (IOException e) {
                String why = torn ? "incomplete last line, a run was interrupted while writing it" : "not valid JSON";
                warn(warnings, file + " line " + (i + 1) + ": " + why + "; skipped");
            }
        }
        return new Entries(entries, warnings);
    }

    private boolean endsMidLine() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer lastByte = ByteBuffer.allocate(1);
            channel.read(lastByte, size - 1);
            return lastByte.get(0) != '\n';
        } catch (NoSuchFileException firstAppend) {
            return false;
        }
    }

    private static void warn(List<String> warnings, String warning) {
        LOG.warn(warning);
        warnings.add(warning);
    }
}
