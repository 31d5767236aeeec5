package org.udjat.config;

/**
 * A secret value (key passphrase, SMTP password) read from the environment or a file.
 * Its {@code toString} never reveals it, so it cannot leak into logs or error messages.
 */
public final class Secret {
    /** No secret configured. */
    public static final Secret NONE = new Secret(null, "none");

    private final String value;
    private final String source;

    private Secret(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /**
     * A secret with its value and where it came from.
     *
     * @param source for messages, e.g. {@code env UDJAT_KEY_PASSPHRASE} or {@code file /etc/udjat/pass}
     */
    public static Secret of(String value, String source) {
        return new Secret(value, source);
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The secret itself; handle with care and never log it. */
    public String reveal() {
        return value;
    }

    /** Where the secret came from, safe to print. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return value == null ? "(none)" : "(secret from " + source + ")";
    }
}
