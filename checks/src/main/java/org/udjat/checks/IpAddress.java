package org.udjat.checks;

import java.util.Locale;
import java.util.Optional;

/**
 * Literal IP addresses as the socket tools print them, brought to one spelling so they can be
 * compared: brackets and a {@code %zone} dropped, IPv6 fully expanded in lower case, and an
 * IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}) written as the IPv4 address it stands for.
 * Never resolves a name; anything that is not a literal is refused.
 */
final class IpAddress {
    private IpAddress() {
    }

    /** The canonical spelling of a literal address, or empty when the text is not one. */
    static Optional<String> canonical(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            s = s.substring(1, close) + s.substring(close + 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (NetOptions.isIpv4(s)) {
            return Optional.of(s);
        }
        if (s.indexOf(':') < 0) {
            return Optional.empty();
        }
        int[] groups = ipv6Groups(s);
        if (groups == null) {
            return Optional.empty();
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0 && groups[5] == 0xffff) {
            return Optional.of((groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(i == 0 ? "" : ":").append(Integer.toHexString(groups[i]));
        }
        return Optional.of(b.toString());
    }

    /** True for the unspecified address of either family. */
    static boolean isWildcard(String canonical) {
        return canonical.equals("0.0.0.0") || canonical.equals("0:0:0:0:0:0:0:0");
    }

    /** True when the canonical address is IPv6. */
    static boolean isIpv6(String canonical) {
        return canonical.indexOf(':') >= 0;
    }

    /** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
    private static int[] ipv6Groups(String s) {
        String text = s;
        int[] tail = new int[0];
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') >= 0) {
            String v4 = text.substring(lastColon + 1);
            if (!NetOptions.isIpv4(v4)) {
                return null;
            }
            String[] o = v4.split("\\.");
            tail = new int[] {Integer.parseInt(o[0]) << 8 | Integer.parseInt(o[1]), Integer.parseInt(o[2]) << 8 | Integer.parseInt(o[3])};
            text = text.substring(0, lastColon + 1);
            if (!text.endsWith("::")) {
                text = text.substring(0, text.length() - 1); // "a:b:1.2.3.4" leaves "a:b"
            }
        }
        int want = 8 - tail.length;
        int dbl = text.indexOf("::");
        if (dbl >= 0 && text.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String[] head = dbl >= 0 ? split(text.substring(0, dbl)) : split(text);
        String[] rest = dbl >= 0 ? split(text.substring(dbl + 2)) : new String[0];
        if (head == null || rest == null) {
            return null;
        }
        int given = head.length + rest.length;
        if (dbl < 0 ? given != want : given >= want) {
            return null;
        }
        int[] groups = new int[8];
        int i = 0;
        for (String h : head) {
            groups[i++] = Integer.parseInt(h, 16);
        }
        i = want - rest.length;
        for (String r : rest) {
            groups[i++] = Integer.parseInt(r, 16);
        }
        for (int t : tail) {
            groups[i++] = t;
        }
        return groups;
    }

    /** The hex groups of one side of "::", or null when one is malformed. */
    private static String[] split(String side) {
        if (side.isEmpty()) {
            return new String[0];
        }
        String[] parts = side.split(":", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
        }
        return parts;
    }
}
