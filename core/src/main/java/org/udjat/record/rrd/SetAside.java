package org.udjat.record.rrd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renames a file out of the way, never deleting it: {@code used.rrd} becomes
 * {@code used.rrd.<why>-20261122T080000Z} (with {@code -1}, {@code -2}... if that exists already).
 * Such names end neither in {@code .rrd} nor {@code .json}, so no series ever picks them up again.
 */
final class SetAside {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    SetAside(Clock clock) {
        this.clock = clock;
    }

    /**
     * Moves {@code file} aside.
     *
     * @param why a word for the name: {@code corrupt}, {@code unit-B}, {@code step-300s}
     * @return the new path
     * @throws IOException when it cannot be renamed; it is then where it was
     */
    Path move(Path file, String why) throws IOException {
        String base = file.getFileName() + "." + why + "-" + STAMP.format(clock.instant());
        Path aside = file.resolveSibling(base);
        for (int n = 1; Files.exists(aside); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }
}
