package org.udjat.example.raid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;

/** Recorded command outputs under src/test/resources/raid, and short ways to write options. */
final class Fixtures {
    private Fixtures() {
    }

    /** A recorded output that the command printed with exit code 0. */
    static RawOutput raw(String fixture) {
        return raw(fixture, 0);
    }

    /** A recorded output with the exit code the command gave when it was recorded. */
    static RawOutput raw(String fixture, int exitCode) {
        return new RawOutput(read(fixture), exitCode, false);
    }

    static String read(String fixture) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/raid/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture raid/" + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawOutput text(String text) {
        return new RawOutput(text, 0, false);
    }

    static Settings options(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Settings.of(map);
    }
}
