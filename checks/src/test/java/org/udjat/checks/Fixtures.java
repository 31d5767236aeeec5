package org.udjat.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;

/** Recorded command outputs under src/test/resources, and short ways to write options. */
final class Fixtures {
    private Fixtures() {
    }

    static RawOutput raw(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new RawOutput(new String(in.readAllBytes(), StandardCharsets.UTF_8), 0, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawOutput text(String text) {
        return new RawOutput(text, 0, false);
    }

    static Settings options(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Settings.of(map);
    }
}
