package org.udjat.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as the report shows them: {@code 2026-11-22 06:29:03} in the report's time zone. Immutable. */
final class Times {
    private final DateTimeFormatter format;
    private final ZoneId zone;

    Times(ZoneId zone) {
        this.zone = zone;
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    /** The instant, or an empty string for null. */
    String format(Instant t) {
        return t == null ? "" : format.format(t);
    }

    /** How the zone reads in a page footer: {@code UTC}, {@code Europe/Berlin}. */
    String zone() {
        return zone.normalized().getId().equals("Z") ? "UTC" : zone.getId();
    }
}
