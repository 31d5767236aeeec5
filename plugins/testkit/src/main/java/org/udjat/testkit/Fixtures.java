package org.udjat.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;

/**
 * Recorded command outputs, read from the test classpath (a check module's
 * src/test/resources, e.g. {@code disk/debian12.txt}), and short ways to write options.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** A recorded output that its command printed with exit code 0. */
    public static RawOutput raw(String resource) {
        return raw(resource, 0);
    }

    /** A recorded output with the exit code its command gave when it was recorded. */
    public static RawOutput raw(String resource, int exitCode) {
        return new RawOutput(read(resource), exitCode, false);
    }

    /** The text of a recorded output. */
    public static String read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Output given as text, exit code 0. */
    public static RawOutput text(String text) {
        return new RawOutput(text, 0, false);
    }

    /** Options from alternating keys and values: {@code options("warn", "90%", "mounts", List.of("/"))}. */
    public static Settings options(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Settings.of(map);
    }
}
