package org.udjat.dispatch.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One {@code udjat ack}: the problems that were open and matched when it was given, who gave it,
 * and until when it holds pages back (ack mode). A problem that is still open when the ack
 * expires is paged again.
 *
 * @param id       a short unique id
 * @param subjects the acknowledged problems, {@code gw1} or {@code db1/disk}, as open at {@code at}
 * @param by       the contact who acknowledged
 * @param comment  why, or empty
 * @param at       when it was given
 * @param until    when ack mode ends
 */
public record Ack(String id, List<String> subjects, String by, String comment, Instant at, Instant until) {
    public Ack {
        Objects.requireNonNull(id, "id");
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(by, "by");
        comment = comment == null ? "" : comment;
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(until, "until");
    }

    /** Whether it covers {@code subject} at {@code now}. */
    public boolean covers(String subject, Instant now) {
        return now.isBefore(until) && !now.isBefore(at) && subjects.contains(subject);
    }
}
