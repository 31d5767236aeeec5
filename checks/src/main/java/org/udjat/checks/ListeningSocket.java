package org.udjat.checks;

import java.util.Optional;
import org.udjat.api.RawOutput;
import org.udjat.api.Text;

/**
 * One listening TCP socket read from a line of {@code ss -t -l -n}, of Linux or BusyBox
 * {@code netstat -t -l -n}, of BSD/macOS {@code netstat -a -n -p tcp} or of
 * {@code /proc/net/tcp}/{@code tcp6}.
 *
 * <p>The formats differ in where the port is: after the last {@code :} ({@code 0.0.0.0:22},
 * {@code [::]:22}, {@code :::22}, {@code 127.0.0.53%lo:53}) or after the last {@code .} on the
 * BSDs ({@code 127.0.0.1.25}, {@code ::1.631}, {@code *.22}); {@code /proc} holds hex.
 *
 * @param address  the local address as canonical text ({@link IpAddress}), or {@code *} for a
 *                 wildcard; as printed when it could not be read (a name, or an address netstat
 *                 cut short)
 * @param port     the local port
 * @param family   which families a wildcard accepts; for a specific address, its own family
 * @param swapped  for {@code /proc} lines, the address read with the other byte order (the
 *                 file holds machine words), empty otherwise
 */
record ListeningSocket(String address, int port, Family family, Optional<String> swapped) {
    /** Which address families a socket accepts connections on. */
    enum Family { IPV4, IPV6, BOTH }

    /** The socket on this line, or empty when the line is not a listening TCP socket. */
    static Optional<ListeningSocket> parse(String line) {
        if (line.length() > RawOutput.MAX_LINE) {
            return Optional.empty();
        }
        String[] f = line.strip().split("\\s+");
        if (f.length >= 5 && f[0].equals("LISTEN")) {
            return ss(f[3]);
        }
        if (f.length >= 4 && f[0].matches("[0-9]{1,10}") && f[1].matches("[0-9]{1,10}")) {
            return ss(f[2]); // older ss leaves the state column out when only listening sockets are asked for
        }
        if (f.length >= 6 && f[5].equals("LISTEN") && f[0].startsWith("tcp")) {
            return netstat(f[0], f[3]);
        }
        if (f.length >= 4 && f[0].endsWith(":") && f[3].equals("0A")) {
            return proc(f[1]);
        }
        return Optional.empty();
    }

    /** True for a header line of one of the tools, so an empty listing can be told from garbage. */
    static boolean isHeader(String line) {
        String s = line.strip();
        return s.startsWith("State ") && s.contains("Local Address")
                || s.startsWith("Proto ") && s.contains("Local Address")
                || s.startsWith("Active Internet connections")
                || s.startsWith("sl ") && s.contains("local_address");
    }

    /** True when a socket bound here accepts connections to the given canonical address. */
    boolean accepts(String wanted) {
        if (address.equals("*")) {
            return family == Family.BOTH || (family == Family.IPV6) == IpAddress.isIpv6(wanted);
        }
        return address.equals(wanted) || swapped.filter(wanted::equals).isPresent();
    }

    /** The address for people: {@code *}, {@code 127.0.0.1} or {@code [::1]}. */
    String shownAddress() {
        if (address.equals("*")) {
            return switch (family) {
                case IPV4 -> "0.0.0.0";
                case IPV6 -> "[::]";
                case BOTH -> "*";
            };
        }
        boolean v6 = IpAddress.canonical(address).filter(IpAddress::isIpv6).isPresent();
        return v6 ? "[" + address + "]" : address;
    }

    /** ss: {@code 0.0.0.0:22}, {@code *:22}, {@code [::]:22}, {@code [fe80::1]%eth0:22}, {@code 127.0.0.53%lo:53}. */
    private static Optional<ListeningSocket> ss(String local) {
        int colon = local.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String host = local.substring(0, colon);
        Family wildcard = host.startsWith("[") ? Family.IPV6 : host.equals("*") ? Family.BOTH : Family.IPV4;
        return socket(host, local.substring(colon + 1), wildcard);
    }

    /**
     * netstat: Linux ({@code tcp 0.0.0.0:22}, {@code tcp6 :::22}) ends in {@code :port}; BSD and
     * macOS ({@code tcp4 127.0.0.1.25}, {@code tcp46 *.22}, OpenBSD {@code tcp} for IPv4) end in
     * {@code .port}.
     */
    private static Optional<ListeningSocket> netstat(String proto, String local) {
        int colon = local.lastIndexOf(':');
        int dot = local.lastIndexOf('.');
        if (colon > dot) {
            String host = local.substring(0, colon);
            // Linux netstat prints tcp6 wildcards as ":::port"; whether they take IPv4 too is not shown
            Family wildcard = proto.equals("tcp6") || host.indexOf(':') >= 0 ? Family.BOTH : Family.IPV4;
            return socket(host, local.substring(colon + 1), wildcard);
        }
        if (dot <= 0) {
            return Optional.empty();
        }
        Family wildcard = switch (proto) {
            case "tcp46" -> Family.BOTH;
            case "tcp6" -> Family.IPV6;
            default -> Family.IPV4;
        };
        return socket(local.substring(0, dot), local.substring(dot + 1), wildcard);
    }

    /** {@code /proc/net/tcp}: {@code 0100007F:0016}; tcp6 has 32 hex digits in four machine words. */
    private static Optional<ListeningSocket> proc(String local) {
        int colon = local.indexOf(':');
        if (colon < 0 || local.length() - colon - 1 != 4) {
            return Optional.empty();
        }
        String hex = local.substring(0, colon);
        if ((hex.length() != 8 && hex.length() != 32) || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(local.substring(colon + 1), 16);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (port < 1) {
            return Optional.empty();
        }
        String little = procAddress(hex, true);
        String big = procAddress(hex, false);
        if (IpAddress.isWildcard(little)) {
            return Optional.of(new ListeningSocket("*", port, hex.length() == 8 ? Family.IPV4 : Family.BOTH, Optional.empty()));
        }
        Family family = IpAddress.isIpv6(little) ? Family.IPV6 : Family.IPV4;
        return Optional.of(new ListeningSocket(little, port, family, Optional.of(big)));
    }

    /** The canonical address of a /proc hex field, reading each 32-bit word in the given byte order. */
    private static String procAddress(String hex, boolean littleEndian) {
        int[] bytes = new int[hex.length() / 2];
        for (int w = 0; w < hex.length() / 8; w++) {
            for (int b = 0; b < 4; b++) {
                int from = w * 8 + (littleEndian ? (3 - b) : b) * 2;
                bytes[w * 4 + b] = Integer.parseInt(hex.substring(from, from + 2), 16);
            }
        }
        StringBuilder s = new StringBuilder();
        if (bytes.length == 4) {
            for (int i = 0; i < 4; i++) {
                s.append(i == 0 ? "" : ".").append(bytes[i]);
            }
        } else {
            for (int i = 0; i < 16; i += 2) {
                s.append(i == 0 ? "" : ":").append(Integer.toHexString(bytes[i] << 8 | bytes[i + 1]));
            }
        }
        return IpAddress.canonical(s.toString()).orElse(s.toString());
    }

    private static Optional<ListeningSocket> socket(String host, String portText, Family wildcardFamily) {
        Optional<Integer> port = NetOptions.port(portText);
        if (port.isEmpty()) {
            return Optional.empty();
        }
        if (host.equals("*")) {
            return Optional.of(new ListeningSocket("*", port.get(), wildcardFamily, Optional.empty()));
        }
        Optional<String> canonical = IpAddress.canonical(host);
        if (canonical.isEmpty()) {
            // a name, or an address netstat cut to fit its column: kept as printed, it matches nothing
            return Optional.of(new ListeningSocket(Text.printable(host), port.get(), Family.BOTH, Optional.empty()));
        }
        String a = canonical.get();
        if (IpAddress.isWildcard(a)) {
            Family f = a.equals("0.0.0.0") ? Family.IPV4 : wildcardFamily == Family.IPV4 ? Family.BOTH : wildcardFamily;
            return Optional.of(new ListeningSocket("*", port.get(), f, Optional.empty()));
        }
        return Optional.of(new ListeningSocket(a, port.get(), IpAddress.isIpv6(a) ? Family.IPV6 : Family.IPV4, Optional.empty()));
    }
}
