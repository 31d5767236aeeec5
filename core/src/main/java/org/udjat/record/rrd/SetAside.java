package org.udjat.record.rrd;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.udjat.record.AsideFiles;

/**
 * Renames a file out of the way with {@link AsideFiles}, never deleting it: {@code used.rrd} becomes
 * {@code used.rrd.<why>-20261122T080000Z} (with {@code -1}, {@code -2}... if that exists already).
 * Such names end neither in {@code .rrd} nor {@code .json}, so no series ever picks them up again.
 */
final class SetAside {
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
        return AsideFiles.setAside(file, why, clock.instant());
    }
}
