package org.udjat.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renames a file out of the way, never deleting it, so evidence is kept and the next write does not
 * land on it: a corrupt {@code status.json} becomes {@code status.json.corrupt-20261122T060000Z}, or
 * {@code ...-1}, {@code ...-2} when that name is taken.
 */
public final class AsideFiles {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AsideFiles() {
    }

    /**
     * Renames {@code file} atomically to {@code <name>.<why>-<now>} in the same folder, with the first free
     * {@code -1}, {@code -2}... suffix when that name exists.
     *
     * @param why a word for the name: {@code corrupt} for a file that cannot be read as what it should hold
     * @return where the file now is
     * @throws IOException when it cannot be renamed; it is then where it was
     */
    public static Path setAside(Path file, String why, Instant now) throws IOException {
        String base = file.getFileName() + "." + why + "-" + STAMP.format(now);
        Path aside = file.resolveSibling(base);
        for (int n = 1; Files.exists(aside); n++) {
            aside = file.resolveSibling(base + "-" + n);
        }
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }
}
