package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.RawOutput;

/**
 * A device the gateway service declares online, read from its list in one of two formats:
 * {@code json}, a list of strings (the addresses) or of objects (the address and the id under
 * the configured field names), or {@code lines}, one device a line as {@code id address} or just
 * {@code address} (blank lines and {@code #} comments skipped). An address is
 * {@code ip:port}, {@code [ipv6]:port} or a bare IP, which then stands for every connection from
 * that IP.
 *
 * @param id      the device's id as the gateway names it; its address when the list gives none
 * @param address the address as declared, for messages
 * @param ip      the canonical IP ({@link IpAddress}), empty when the address is not an IP literal
 * @param port    the remote port, or 0 when the address gives none
 */
record DeclaredDevice(String id, String address, Optional<String> ip, int port) {
    static final String JSON = "json";
    static final String LINES = "lines";

    /** True when this declaration covers a connection from that remote IP and port. */
    boolean covers(Connection c) {
        return ip.isPresent() && c.peerIs(ip.get()) && (port == 0 || port == c.peerPort());
    }

    /**
     * The devices in the text, or empty when the text is not a list in the format: {@code json}
     * text that is not a list, a list element that is neither a string nor an object with the
     * address field, or a line longer than {@link RawOutput#MAX_LINE}.
     */
    static Optional<List<DeclaredDevice>> parse(String text, String format, String addressField, String idField) {
        List<DeclaredDevice> devices = new ArrayList<>();
        if (format.equals(LINES)) {
            for (String line : text.lines().toList()) {
                String l = line.strip();
                if (l.length() > RawOutput.MAX_LINE) {
                    return Optional.empty();
                }
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\\s+");
                devices.add(f.length == 1 ? of(f[0], f[0]) : of(f[0], f[1]));
            }
            return Optional.of(devices);
        }
        Optional<Object> json = MiniJson.parse(text.strip());
        if (json.isEmpty() || !(json.get() instanceof List<?> list)) {
            return Optional.empty();
        }
        for (Object o : list) {
            if (o instanceof String a) {
                devices.add(of(a, a));
            } else if (o instanceof Map<?, ?> m && scalar(m.get(addressField)).isPresent()) {
                String a = scalar(m.get(addressField)).get();
                devices.add(of(scalar(m.get(idField)).orElse(a), a));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(devices);
    }

    private static Optional<String> scalar(Object v) {
        if (v instanceof String s) {
            return Optional.of(s);
        }
        return v instanceof MiniJson.Num n ? Optional.of(n.text()) : Optional.empty();
    }

    /** A declaration, its address read as {@code ip:port}, {@code [v6]:port}, {@code ip} or {@code v6}. */
    static DeclaredDevice of(String id, String address) {
        String a = address.strip();
        Optional<String> whole = IpAddress.canonical(a);
        if (whole.isPresent()) {
            return new DeclaredDevice(id, address, whole, 0);
        }
        int colon = a.lastIndexOf(':');
        if (colon > 0) {
            Optional<Integer> port = NetOptions.port(a.substring(colon + 1));
            Optional<String> ip = IpAddress.canonical(a.substring(0, colon));
            if (port.isPresent() && ip.isPresent() && (a.startsWith("[") || !IpAddress.isIpv6(ip.get()))) {
                return new DeclaredDevice(id, address, ip, port.get());
            }
        }
        return new DeclaredDevice(id, address, Optional.empty(), 0);
    }
}
