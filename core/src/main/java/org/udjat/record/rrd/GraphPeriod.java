package org.udjat.record.rrd;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The time spans graphs are drawn for; {@link #key()} is the word used in file names and URLs. */
public enum GraphPeriod {
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(31)),
    YEAR(Duration.ofDays(366));

    private final Duration span;

    GraphPeriod(Duration span) {
        this.span = span;
    }

    /** How far back the graph reaches from its end. */
    public Duration span() {
        return span;
    }

    /** {@code day}, {@code week}, {@code month} or {@code year}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period named {@code key}, if it is one. */
    public static Optional<GraphPeriod> fromKey(String key) {
        for (GraphPeriod p : values()) {
            if (p.key().equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
