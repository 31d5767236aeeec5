package org.udjat.notify.email;

import java.util.LinkedHashMap;
import java.util.Map;
import org.udjat.api.Settings;

/** Channel options for the email tests: a base set, with some keys changed. */
final class TestSettings {
    private TestSettings() {
    }

    /**
     * {@code base} with {@code pairs} applied in order: key, value; a null value removes the key.
     */
    static Settings of(Map<String, Object> base, Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                m.remove((String) pairs[i]);
            } else {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return Settings.of(m);
    }
}
