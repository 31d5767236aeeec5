package org.udjat.dispatch.control;

import java.time.Instant;
import java.util.Objects;

/**
 * Who is on duty: the contact pages go to. Set only by {@code udjat duty take NAME}.
 *
 * @param name  the contact's name
 * @param since when duty was taken
 */
public record Duty(String name, Instant since) {
    public Duty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(since, "since");
    }
}
