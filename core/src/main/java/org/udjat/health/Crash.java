package org.udjat.health;

import java.time.Instant;
import java.util.Objects;

/**
 * One crash of {@code udjat run}, as recorded in {@code crashes/}.
 *
 * @param time      when it happened
 * @param file      the file under {@code crashes/} that holds its stack trace, e.g. {@code 20260101T030000.123Z.txt}
 * @param exception the exception on one line, e.g. {@code java.lang.AssertionError: plugin bug}
 * @param notified  whether a cycle has already put the message about it in the outbox
 */
public record Crash(Instant time, String file, String exception, boolean notified) {
    public Crash {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(file, "file");
        exception = exception == null ? "" : exception;
    }
}
