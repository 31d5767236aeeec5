package org.udjat.notify.email;

import java.util.Locale;
import java.util.Optional;

/** How the connection to the SMTP server is protected: the {@code tls} option. */
enum Tls {
    /** plain SMTP; only for a relay on the same host or a trusted network */
    NONE(25),
    /** plain connection upgraded with STARTTLS before anything else is said; refused when the server does not offer it */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS, "implicit TLS") */
    SMTPS(465);

    private final int defaultPort;

    Tls(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The port used when {@code smtp_port} is not given. */
    int defaultPort() {
        return defaultPort;
    }

    /** The option value, e.g. {@code starttls}. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Tls> parse(String word) {
        for (Tls t : values()) {
            if (t.word().equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
