package org.udjat.dispatch.remedy;

import java.time.Instant;
import java.util.Objects;

/**
 * What a human decided with {@code udjat remediate}: approve or deny a queued request, or reset the
 * engine after its memory was found unreadable.
 *
 * @param request the request's id; null for a reset
 * @param kind    what was decided
 * @param by      who decided
 * @param at      when
 */
public record Verdict(String request, Kind kind, String by, Instant at) {
    /** What a human can decide. */
    public enum Kind {
        /** the request's action may run */
        APPROVE,
        /** the request's action must not run */
        DENY,
        /** a human has looked at the set-aside memory: automatic action may resume with empty windows */
        RESET
    }

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (kind != Kind.RESET) {
            Objects.requireNonNull(request, "request");
        }
    }
}
