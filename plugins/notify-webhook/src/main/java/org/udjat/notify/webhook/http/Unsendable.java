package org.udjat.notify.webhook.http;

/**
 * A notice that cannot be sent as configured: a secret missing from the environment, an
 * unreadable file, a header that would break the request. Becomes {@code Delivery.rejected}.
 * The message is for the operator and never holds a secret's value.
 */
public final class Unsendable extends Exception {
    public Unsendable(String message) {
        super(message);
    }
}
