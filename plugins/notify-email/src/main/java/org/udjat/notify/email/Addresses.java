package org.udjat.notify.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import org.udjat.api.Text;

/**
 * Email addresses from the config or from a contact, checked before they reach a header or an
 * SMTP command: one RFC 822 address each (a display name is allowed), no control characters, so
 * a value cannot add a header or a recipient.
 */
final class Addresses {
    /** RFC 5321 caps a path at 256 octets; a display name adds a little. */
    private static final int MAX_LENGTH = 320;

    private Addresses() {
    }

    /** The address, parsed strictly. */
    static InternetAddress parse(String text) throws AddressException {
        if (text.length() > MAX_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw new AddressException("control characters or longer than " + MAX_LENGTH, text);
        }
        InternetAddress address = new InternetAddress(text, true);
        address.validate();
        if (address.isGroup() || address.getAddress() == null || !address.getAddress().contains("@")) {
            throw new AddressException("not a single address with a domain", text);
        }
        return address;
    }

    /** What is wrong with an address, for a message naming it; empty when it is fine. */
    static Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of("expected an email address like \"ops@example.org\", got \"" + shown(text) + "\"");
        }
    }

    /** The text made safe to quote in a message: one line, not too long. */
    static String shown(String text) {
        String one = Text.printable(text);
        return one.length() > 100 ? one.substring(0, 100) + "…" : one;
    }
}
