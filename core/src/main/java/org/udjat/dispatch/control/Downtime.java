package org.udjat.dispatch.control;

import java.time.Instant;
import java.util.Objects;

/**
 * Scheduled downtime: no notifications for a host (and all its checks) or one check while it lasts.
 * Changes are still recorded, and shown in reports with the downtime.
 *
 * @param id      a short unique id, for {@code udjat downtime remove}
 * @param host    the host
 * @param check   the check, or null for the host and all its checks
 * @param from    when it starts
 * @param until   when it ends
 * @param by      who scheduled it (the user name, or {@code --by})
 * @param comment why
 */
public record Downtime(String id, String host, String check, Instant from, Instant until, String by, String comment) {
    public Downtime {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        by = by == null ? "" : by;
        comment = comment == null ? "" : comment;
    }

    /** Whether it silences {@code host}/{@code check} (check null for the host itself) at {@code now}. */
    public boolean covers(String host, String check, Instant now) {
        return this.host.equals(host) && (this.check == null || this.check.equals(check))
                && !now.isBefore(from) && now.isBefore(until);
    }

    /** {@code gw1} or {@code db1/disk}. */
    public String subject() {
        return check == null ? host : host + "/" + check;
    }
}
