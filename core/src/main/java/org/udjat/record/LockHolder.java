package org.udjat.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Who holds (or last held) the cycle lock: written into {@code udjat.lock} while it is held, so a
 * second run can say who is in its way. Informational only; the OS lock is what excludes.
 *
 * @param pid     the holder's process id
 * @param started when the holder took the lock
 * @param command the holder's command line, empty when the OS does not tell
 */
public record LockHolder(long pid, Instant started, String command) {
    private static final int MAX_COMMAND = 160;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public LockHolder {
        command = command == null ? "" : command;
    }

    /** This process, taking the lock now. */
    static LockHolder current(Clock clock) {
        ProcessHandle self = ProcessHandle.current();
        return new LockHolder(self.pid(), clock.instant(), self.info().commandLine().orElse(""));
    }

    /** The content of a lock file, or empty when it holds nothing readable (empty, torn, foreign). */
    static Optional<LockHolder> parse(ObjectMapper mapper, byte[] content) {
        try {
            LockHolder holder = mapper.readValue(content, LockHolder.class);
            return holder == null || holder.pid <= 0 || holder.started == null ? Optional.empty() : Optional.of(holder);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** For a message: {@code pid 1234, started 12:00:01, 40s ago, command: udjat run}. */
    String describe(Clock clock) {
        ZoneId zone = clock.getZone();
        ZonedDateTime at = started.atZone(zone);
        boolean today = at.toLocalDate().equals(LocalDate.now(clock));
        StringBuilder text = new StringBuilder("pid ").append(pid)
                .append(", started ").append((today ? TIME : DATE_TIME).format(at))
                .append(", ").append(age(Duration.between(started, clock.instant()))).append(" ago");
        String shown = printable(command);
        if (!shown.isEmpty()) {
            text.append(", command: ").append(shown);
        }
        return text.toString();
    }

    private static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        if (s < 86400) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        return s / 86400 + "d " + s % 86400 / 3600 + "h";
    }

    /** The lock file is writable by anyone who can write the directory: keep its text inert. */
    private static String printable(String s) {
        String flat = s.replaceAll("\\p{Cntrl}", " ").strip();
        return flat.length() <= MAX_COMMAND ? flat : flat.substring(0, MAX_COMMAND) + "...";
    }
}
