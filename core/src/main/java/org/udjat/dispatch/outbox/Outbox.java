package org.udjat.dispatch.outbox;

import org.udjat.dispatch.Outgoing;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.udjat.api.Notice;
import org.udjat.api.NoticeJson;
import org.udjat.record.AtomicFiles;
import org.udjat.record.FileNames;
import org.udjat.record.IoReason;
import org.udjat.record.Json;
import org.udjat.record.StateDir;

/**
 * The state directory's {@code outbox/}: every message not yet delivered, one file each
 * ({@code outbox/<id>.json}), and {@code outbox/undeliverable/} for those given up.
 *
 * <p>A message is written (temporary file, fsync, rename, fsync of the directory) before anything
 * tries to send it, and removed only once delivered, so a crash at any point loses nothing; at worst
 * a message whose delivery had just succeeded is sent once more. Writes happen under the cycle lock
 * (one writer); reading ({@link #pending}, {@link #undeliverable}) changes nothing and may run at any
 * time, e.g. from {@code udjat status}.
 */
public final class Outbox {
    static final String SUFFIX = ".json";
    static final String CORRUPT = ".corrupt";

    private final StateDir stateDir;
    private final Path dir;
    private final Path undeliverableDir;
    private final ObjectMapper mapper = Json.mapper();

    /** The outbox of {@code stateDir}; its clock dates the messages put in. */
    public Outbox(StateDir stateDir) {
        this.stateDir = stateDir;
        this.dir = stateDir.outboxDir();
        this.undeliverableDir = dir.resolve("undeliverable");
    }

    /**
     * What a read found.
     *
     * @param messages   the readable messages, oldest first
     * @param unreadable files that are not readable messages, with why
     */
    public record Listing(List<OutboxMessage> messages, List<Unreadable> unreadable) {
        public Listing {
            messages = List.copyOf(messages);
            unreadable = List.copyOf(unreadable);
        }
    }

    /** A file in the outbox that is not a readable message. */
    public record Unreadable(Path file, String reason) {
    }

    public StateDir stateDir() {
        return stateDir;
    }

    /** {@code outbox/undeliverable/}. */
    public Path undeliverableDir() {
        return undeliverableDir;
    }

    /**
     * Stores messages, each in its own file, flushed to disk before this returns. A message equal to
     * one already waiting (same channel, same notice) is not stored twice, so a dispatch stage that
     * repeats itself after a crash does not double a page.
     *
     * @return the messages stored, in the order given
     * @throws IOException when a message cannot be written, naming the file; the others are still
     *                     written, and their failures are attached as suppressed exceptions
     */
    public List<OutboxMessage> put(List<Outgoing> messages) throws IOException {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant now = stateDir.clock().instant();
        List<OutboxMessage> waiting = pending().messages();
        List<OutboxMessage> stored = new ArrayList<>();
        IOException failure = null;
        for (Outgoing out : messages) {
            boolean duplicate = waiting.stream().anyMatch(m -> m.channel().equals(out.channel())
                    && m.notice().equals(out.notice()));
            if (duplicate) {
                continue;
            }
            try {
                OutboxMessage message = OutboxMessage.fresh(newId(now, stored.size(), out.channel(), out.notice()),
                        out.channel(), out.notice(), now);
                save(message);
                stored.add(message);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(stored);
    }

    /** Stores a message for a fallback channel; see {@link #put}. */
    OutboxMessage putFallback(OutboxMessage from, String channel, Notice notice, Instant now) throws IOException {
        OutboxMessage message = new OutboxMessage(newId(now, 0, channel, notice), channel, notice, now, 0, null, null,
                from.channel(), from.viaHere(), null);
        save(message);
        return message;
    }

    /** {@code 0001764558000000-0000-sms-<notice id>}: sorts by time, then by the order put; unique. */
    private String newId(Instant now, int index, String channel, Notice notice) throws IOException {
        Files.createDirectories(dir);
        String rest = FileNames.safe(channel + "-" + notice.id());
        for (int n = index; ; n++) {
            String id = String.format("%016d-%04d-%s", now.toEpochMilli(), n, rest);
            if (!Files.exists(file(id)) && !Files.exists(undeliverableDir.resolve(id + SUFFIX))) {
                return id;
            }
        }
    }

    /** Every message waiting, oldest first. Changes nothing. */
    public Listing pending() {
        return read(dir);
    }

    /** Every message given up, oldest first. Changes nothing. */
    public Listing undeliverable() {
        return read(undeliverableDir);
    }

    /**
     * What a person should know of: waiting messages that failed at least once or wait for a channel or a
     * notifier, then those given up ({@link OutboxMessage#gaveUp()} set); oldest first each. Messages not
     * tried yet are on their way and left out. Changes nothing.
     */
    public List<OutboxMessage> undelivered() {
        List<OutboxMessage> all = new ArrayList<>();
        pending().messages().stream().filter(m -> m.attempts() > 0 || m.lastError() != null).forEach(all::add);
        undeliverable().messages().stream().filter(m -> m.gaveUp() != null).forEach(all::add);
        return List.copyOf(all);
    }

    /** Writes a message's file, replacing the previous version atomically. */
    void save(OutboxMessage message) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(file(message.id()), encode(message));
    }

    /** Removes a delivered message (or one handed to a fallback). */
    void remove(OutboxMessage message) throws IOException {
        try {
            Files.deleteIfExists(file(message.id()));
        } catch (IOException e) {
            throw new IOException("cannot remove " + file(message.id()) + ": " + IoReason.of(e), e);
        }
    }

    /** Moves a message, marked as given up, to {@code undeliverable/}: written there first, then removed here. */
    void moveToUndeliverable(OutboxMessage givenUp) throws IOException {
        Files.createDirectories(undeliverableDir);
        AtomicFiles.write(undeliverableDir.resolve(givenUp.id() + SUFFIX), encode(givenUp));
        remove(givenUp);
    }

    /**
     * Renames an unreadable file to {@code <name>.corrupt}, out of the way of later reads but kept for a person.
     *
     * @return the new name
     */
    Path setAside(Path file) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + CORRUPT);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return aside;
        } catch (IOException e) {
            throw new IOException("cannot rename " + file + " to " + aside.getFileName() + ": " + IoReason.of(e), e);
        }
    }

    private Path file(String id) {
        return dir.resolve(id + SUFFIX);
    }

    private Listing read(Path folder) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            stream.forEach(f -> {
                if (!f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)) {
                    files.add(f);
                }
            });
        } catch (NoSuchFileException e) {
            return new Listing(List.of(), List.of());
        } catch (IOException e) {
            return new Listing(List.of(), List.of(new Unreadable(folder, "cannot be listed (" + IoReason.of(e) + ")")));
        }
        List<OutboxMessage> messages = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String id = name.substring(0, name.length() - SUFFIX.length());
            try {
                messages.add(decode(id, Files.readAllBytes(f)));
            } catch (NoSuchFileException delivered) {
                // removed since it was listed
            } catch (JsonProcessingException | IllegalArgumentException e) {
                unreadable.add(new Unreadable(f, "not a readable message (" + firstLine(e.getMessage()) + ")"));
            } catch (IOException e) {
                unreadable.add(new Unreadable(f, "cannot be read (" + IoReason.of(e) + ")"));
            }
        }
        messages.sort(Comparator.comparing(OutboxMessage::created).thenComparing(OutboxMessage::id));
        return new Listing(messages, unreadable);
    }

    private byte[] encode(OutboxMessage m) throws IOException {
        ObjectNode node = mapper.createObjectNode();
        node.put("channel", m.channel());
        node.set("notice", mapper.readTree(NoticeJson.write(m.notice())));
        node.put("created", m.created().toString());
        node.put("attempts", m.attempts());
        node.put("nextAttempt", m.nextAttempt() == null ? null : m.nextAttempt().toString());
        node.put("lastError", m.lastError());
        node.put("fallbackFrom", m.fallbackFrom());
        ArrayNode via = node.putArray("via");
        m.via().forEach(via::add);
        if (m.gaveUp() != null) {
            node.put("gaveUp", m.gaveUp().toString());
        }
        return mapper.writeValueAsBytes(node);
    }

    private OutboxMessage decode(String id, byte[] bytes) throws IOException {
        JsonNode node = mapper.readTree(bytes);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String channel = text(node, "channel");
        JsonNode notice = node.get("notice");
        String created = text(node, "created");
        if (channel == null || notice == null || !notice.isObject() || created == null) {
            throw new IllegalArgumentException("channel, notice or created missing");
        }
        List<String> via = new ArrayList<>();
        node.path("via").forEach(v -> via.add(v.asText()));
        return new OutboxMessage(id, channel, NoticeJson.read(notice.toString()), instant(created),
                node.path("attempts").asInt(0), instant(text(node, "nextAttempt")), text(node, "lastError"),
                text(node, "fallbackFrom"), via, instant(text(node, "gaveUp")));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a time: " + text);
        }
    }
}
