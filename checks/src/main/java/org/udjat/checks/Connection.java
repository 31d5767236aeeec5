package org.udjat.checks;

import java.util.Optional;
import org.udjat.api.RawOutput;

/**
 * One established TCP connection read from a line of {@code ss -t -n} (with or without a state
 * filter), of Linux or BusyBox {@code netstat -t -n}, of BSD/macOS {@code netstat -a -n -p tcp}
 * or of {@code /proc/net/tcp}/{@code tcp6} (state {@code 01}).
 *
 * @param localPort the port on this host
 * @param peer      the remote address, canonical ({@link IpAddress})
 * @param peerPort  the remote port
 * @param swapped   for {@code /proc} lines, the remote address read with the other byte order
 *                  (the file holds machine words), empty otherwise
 */
record Connection(int localPort, String peer, int peerPort, Optional<String> swapped) {

    /** True when the remote side is this canonical address. */
    boolean peerIs(String ip) {
        return peer.equals(ip) || swapped.filter(ip::equals).isPresent();
    }

    /** The remote side for people and as a memory key: {@code 10.0.0.5:51234}, {@code [2001:db8:0:0:0:0:0:1]:51234}. */
    String remote() {
        return (IpAddress.isIpv6(peer) ? "[" + peer + "]" : peer) + ":" + peerPort;
    }

    /** The established connection on this line, or empty. */
    static Optional<Connection> parse(String line) {
        if (line.length() > RawOutput.MAX_LINE) {
            return Optional.empty();
        }
        String[] f = line.strip().split("\\s+");
        if (f.length >= 5 && f[0].equals("ESTAB")) {
            return of(colon(f[3]), colon(f[4]), Optional.empty());
        }
        if (f.length >= 4 && f[0].matches("[0-9]{1,10}") && f[1].matches("[0-9]{1,10}")) {
            return of(colon(f[2]), colon(f[3]), Optional.empty()); // ss with a state filter has no State column
        }
        if (f.length >= 6 && f[5].equals("ESTABLISHED") && f[0].startsWith("tcp")) {
            return of(netstat(f[3]), netstat(f[4]), Optional.empty());
        }
        if (f.length >= 4 && f[0].endsWith(":") && f[3].equals("01")) {
            return proc(f[1], f[2]);
        }
        return Optional.empty();
    }

    /** True for a header line of one of the tools, so an empty listing can be told from garbage. */
    static boolean isHeader(String line) {
        String s = line.strip();
        return s.startsWith("Recv-Q ") || s.startsWith("State ") && s.contains("Local Address")
                || s.startsWith("Proto ") && s.contains("Local Address")
                || s.startsWith("Active Internet connections")
                || s.startsWith("sl ") && s.contains("local_address");
    }

    private record Endpoint(String ip, int port) {
    }

    private static Optional<Connection> of(Optional<Endpoint> local, Optional<Endpoint> peer, Optional<String> swapped) {
        if (local.isEmpty() || peer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Connection(local.get().port(), peer.get().ip(), peer.get().port(), swapped));
    }

    /** ss and Linux netstat: {@code 10.0.0.1:4000}, {@code [::ffff:10.0.0.5]:51234}, {@code ::1:4000}. */
    private static Optional<Endpoint> colon(String text) {
        int colon = text.lastIndexOf(':');
        return colon <= 0 ? Optional.empty() : endpoint(text.substring(0, colon), text.substring(colon + 1));
    }

    /** netstat: Linux ends in {@code :port}, BSD and macOS in {@code .port}. */
    private static Optional<Endpoint> netstat(String text) {
        int colon = text.lastIndexOf(':');
        int dot = text.lastIndexOf('.');
        if (colon > dot) {
            return colon(text);
        }
        return dot <= 0 ? Optional.empty() : endpoint(text.substring(0, dot), text.substring(dot + 1));
    }

    private static Optional<Endpoint> endpoint(String host, String port) {
        Optional<Integer> p = NetOptions.port(port);
        Optional<String> ip = IpAddress.canonical(host);
        return p.isPresent() && ip.isPresent() ? Optional.of(new Endpoint(ip.get(), p.get())) : Optional.empty();
    }

    /** {@code /proc/net/tcp}: {@code 0100007F:0FA0}; tcp6 has 32 hex digits in four machine words. */
    private static Optional<Connection> proc(String local, String remote) {
        Optional<int[]> l = procPort(local);
        Optional<int[]> r = procPort(remote);
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        String hex = remote.substring(0, remote.indexOf(':'));
        String little = procAddress(hex, true);
        String big = procAddress(hex, false);
        return Optional.of(new Connection(l.get()[0], little, r.get()[0], Optional.of(big)));
    }

    private static Optional<int[]> procPort(String field) {
        int colon = field.indexOf(':');
        if (colon < 0 || field.length() - colon - 1 != 4) {
            return Optional.empty();
        }
        String hex = field.substring(0, colon);
        String port = field.substring(colon + 1);
        if ((hex.length() != 8 && hex.length() != 32) || !(hex + port).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        int p = Integer.parseInt(port, 16);
        return p < 1 ? Optional.empty() : Optional.of(new int[] {p});
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
}
