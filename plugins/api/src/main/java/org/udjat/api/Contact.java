package org.udjat.api;

import java.util.Map;
import java.util.Optional;

/**
 * A person udjat can tell things to, from {@code contacts:} in the config.
 *
 * @param name    the contact's name, as used by {@code udjat duty take} and {@code udjat ack --by}
 * @param email   an email address, or null
 * @param phone   a phone number for SMS and pagers, or null
 * @param handles chat and other addresses by kind, e.g. {@code slack: "@alice"}, {@code matrix: "@alice:example.org"}
 */
public record Contact(String name, String email, String phone, Map<String, String> handles) {
    public Contact {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a contact needs a name");
        }
        handles = handles == null ? Map.of() : Map.copyOf(handles);
    }

    public Optional<String> emailAddress() {
        return Optional.ofNullable(email);
    }

    public Optional<String> phoneNumber() {
        return Optional.ofNullable(phone);
    }

    /** A chat or other handle, e.g. {@code handle("slack")}. */
    public Optional<String> handle(String kind) {
        return Optional.ofNullable(handles.get(kind));
    }
}
