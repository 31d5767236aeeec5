package org.udjat.config;

import java.nio.file.Path;

/**
 * Turns paths written in the config into absolute ones: a leading {@code ~} is the user's
 * home, and relative paths are relative to the config file's folder, not to wherever cron
 * happened to start udjat.
 */
final class PathResolver {
    private final Path baseDir;
    private final Path home;

    PathResolver(Path baseDir, Path home) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
    }

    Path resolve(String text) {
        Path p;
        if (text.equals("~")) {
            p = home;
        } else if (text.startsWith("~/")) {
            p = home.resolve(text.substring(2));
        } else {
            p = Path.of(text);
        }
        return baseDir.resolve(p).normalize();
    }
}
