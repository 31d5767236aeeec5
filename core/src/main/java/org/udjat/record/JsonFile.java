package org.udjat.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * Reads a small JSON file of the state directory whole, as the stores of udjat's memory read theirs
 * ({@code notify.json}, {@code remediation.json}, the control files), telling apart a file that is
 * missing, one that cannot be read (permissions, I/O) and one that does not hold a value of its type
 * (damaged, truncated, {@code null}). What each store does about the last two is its own policy.
 */
public final class JsonFile {
    private JsonFile() {
    }

    /**
     * What a read found; at most one of the three is set, none when the file is missing.
     *
     * @param value      the value the file holds
     * @param cannotRead why the file could not be read, e.g. {@code permission denied}
     * @param unreadable why its content is not a value of the type, on one line
     */
    public record Read<T>(T value, String cannotRead, String unreadable) {
    }

    /** Reads {@code file} as a {@code type}; never throws. */
    public static <T> Read<T> read(Path file, ObjectMapper mapper, Class<T> type) {
        return read(file, mapper, mapper.constructType(type));
    }

    /** Reads {@code file} as a {@code type}, e.g. a list of records; never throws. */
    public static <T> Read<T> read(Path file, ObjectMapper mapper, JavaType type) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Read<>(null, null, null);
        } catch (IOException e) {
            return new Read<>(null, IoReason.of(e), null);
        }
        try {
            T value = mapper.readValue(content, type);
            if (value != null && !(value instanceof Collection<?> c && c.stream().anyMatch(Objects::isNull))) {
                return new Read<>(value, null, null);
            }
            return new Read<>(null, null, "null where a value is expected");
        } catch (JsonProcessingException e) {
            return new Read<>(null, null, firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            return new Read<>(null, null, firstLine(IoReason.of(e)));
        } catch (RuntimeException e) { // a value's own checks refused it
            return new Read<>(null, null, firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "not valid";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
