package org.udjat.api;

import java.util.Locale;
import java.util.Optional;

/** The kind of operating system and userland a host runs; selects the per-platform check commands. */
public enum Platform {
    LINUX, BUSYBOX, FREEBSD, OPENBSD, MACOS;

    /** The name used in the YAML config and the state directory, e.g. {@code busybox}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config key such as {@code freebsd}; empty for anything else. */
    public static Optional<Platform> fromKey(String key) {
        for (Platform p : values()) {
            if (p.key().equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
