package org.udjat.report;

import java.time.Instant;
import java.time.LocalDateTime;
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
        if (t == null) {
            return "";
        }
        LocalDateTime d = LocalDateTime.ofInstant(t, zone);
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return format.format(t);
        }
        // by hand: DateTimeFormatter costs more than the rest of a page's times together
        char[] c = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', ' ', '0', '0', ':', '0', '0', ':', '0', '0'};
        put(c, 0, d.getYear(), 4);
        put(c, 5, d.getMonthValue(), 2);
        put(c, 8, d.getDayOfMonth(), 2);
        put(c, 11, d.getHour(), 2);
        put(c, 14, d.getMinute(), 2);
        put(c, 17, d.getSecond(), 2);
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** How the zone reads in a page footer: {@code UTC}, {@code Europe/Berlin}. */
    String zone() {
        return zone.normalized().getId().equals("Z") ? "UTC" : zone.getId();
    }
}
