package org.udjat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of a {@link Notice}: what the outbox stores, what the command notifier
 * writes to a program's stdin and what the webhook notifier posts in its plain preset. Field
 * names are those of the records ({@code id}, {@code time}, {@code kind}, {@code urgency},
 * {@code severity}, {@code subject}, {@code lines}, {@code items}, {@code recipient},
 * {@code reportUrl}, {@code folded}); times are ISO-8601 UTC strings. Unknown fields are ignored
 * when reading, so a newer udjat can add fields without breaking older readers.
 */
public final class NoticeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private NoticeJson() {
    }

    /** The notice as one line of JSON. */
    public static String write(Notice notice) {
        try {
            return MAPPER.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice could not be written as JSON", e);
        }
    }

    /**
     * Reads a notice written by {@link #write}.
     *
     * @throws IllegalArgumentException when the text is not such a notice
     */
    public static Notice read(String json) {
        try {
            Notice notice = MAPPER.readValue(json, Notice.class);
            if (notice == null) {
                throw new IllegalArgumentException("not a notice: null");
            }
            return notice;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a notice: " + e.getMessage(), e);
        }
    }
}
