package org.udjat.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Range;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;

/**
 * {@code listening}: TCP ports that must have a listening socket on the host. The command lists
 * every listening TCP socket and does not depend on the options; the ports (all must listen)
 * and the optional {@code address} are matched here. A socket bound to the wildcard of the
 * address's family, or to both families, counts for any address. Stateless.
 */
@Extension
public final class ListeningCheck implements Check {
    static final String PORT = "port";
    static final String ADDRESS = "address";
    /** Addresses named per port in the summary; the long output has them all. */
    private static final int SHOWN = 3;
    private static final Range AT_LEAST_ONE = Range.parse("1:");

    @Override
    public String name() {
        return "listening";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(PORT, ADDRESS);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> ports = options.strings(PORT);
        if (ports.isEmpty()) {
            problems.add(new ConfigProblem(PORT, "missing; give a TCP port or a list of ports, e.g. port: [80, 443]"));
        }
        for (String p : ports) {
            NetOptions.portProblem(PORT, p).ifPresent(problems::add);
        }
        options.string(ADDRESS).filter(a -> IpAddress.canonical(a).isEmpty()).ifPresent(a -> problems.add(
                new ConfigProblem(ADDRESS, "expected an IP address like \"127.0.0.1\" or \"::1\", got \"" + a + "\"")));
        return problems;
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(switch (platform) {
            // ss is in iproute2 (priority important); netstat -W keeps long IPv6 addresses whole;
            // /proc needs no tool at all, for minimal containers
            case LINUX -> "{ command -v ss >/dev/null 2>&1 && ss -t -l -n; }"
                    + " || { command -v netstat >/dev/null 2>&1 && netstat -t -l -n -W; }"
                    + " || cat /proc/net/tcp /proc/net/tcp6";
            // the netstat applet is optional in BusyBox builds, /proc is not
            case BUSYBOX -> "netstat -t -l -n || cat /proc/net/tcp /proc/net/tcp6";
            // -W: FreeBSD and macOS cut IPv6 addresses to 16 characters without it
            case FREEBSD, MACOS -> "netstat -a -n -p tcp -W";
            // OpenBSD's -W takes an interface; its netstat cuts long IPv6 addresses
            case OPENBSD -> "netstat -a -n -p tcp";
        });
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            return CheckOutcome.unknown("LISTENING UNKNOWN - bad options: " + describe(problems.get(0)), "");
        }
        List<Integer> ports = options.strings(PORT).stream().map(p -> NetOptions.port(p).orElseThrow()).distinct().toList();
        Optional<String> address = options.string(ADDRESS).flatMap(IpAddress::canonical);
        List<ListeningSocket> sockets = new ArrayList<>();
        boolean known = false;
        for (String line : output.lines()) {
            Optional<ListeningSocket> s = ListeningSocket.parse(line);
            s.ifPresent(sockets::add);
            known |= s.isPresent() || ListeningSocket.isHeader(line);
        }
        if (!known) {
            return CheckOutcome.unknown("LISTENING UNKNOWN - could not read the list of listening sockets", output.text());
        }
        Map<Integer, List<ListeningSocket>> found = new LinkedHashMap<>();
        for (int port : ports) {
            found.put(port, sockets.stream().filter(s -> s.port() == port)
                    .filter(s -> address.isEmpty() || s.accepts(address.get())).toList());
        }
        List<Integer> missing = ports.stream().filter(p -> found.get(p).isEmpty()).toList();
        if (!missing.isEmpty() && output.truncated()) {
            return CheckOutcome.unknown("LISTENING UNKNOWN - the socket list was cut by the output cap before "
                    + portWord(missing) + " " + join(missing) + " showed up; raise output_cap", output.text());
        }
        return outcome(found, missing, sockets, address);
    }

    private static CheckOutcome outcome(Map<Integer, List<ListeningSocket>> found, List<Integer> missing,
            List<ListeningSocket> all, Optional<String> address) {
        List<PerfDatum> perf = new ArrayList<>();
        StringBuilder longOutput = new StringBuilder();
        for (Map.Entry<Integer, List<ListeningSocket>> e : found.entrySet()) {
            int n = e.getValue().size();
            perf.add(new PerfDatum("port_" + e.getKey(), n, "", null, AT_LEAST_ONE, 0.0, null));
            longOutput.append("port ").append(e.getKey()).append(": ").append(n).append(n == 1 ? " socket" : " sockets");
            if (n > 0) {
                longOutput.append(" on ").append(String.join(", ", e.getValue().stream().map(ListeningSocket::shownAddress).toList()));
            }
            if (n == 0 && address.isPresent()) {
                List<String> elsewhere = all.stream().filter(s -> s.port() == e.getKey()).map(ListeningSocket::shownAddress).toList();
                if (!elsewhere.isEmpty()) {
                    longOutput.append(", but listening on ").append(String.join(", ", elsewhere));
                }
            }
            longOutput.append('\n');
        }
        String on = address.map(a -> " on " + (IpAddress.isIpv6(a) ? "[" + a + "]" : a)).orElse("");
        if (!missing.isEmpty()) {
            String summary = "LISTENING CRITICAL - nothing listens" + on + " on " + portWord(missing) + " " + join(missing);
            return new CheckOutcome(Status.CRITICAL, summary, longOutput.toString().strip(), perf);
        }
        List<String> parts = new ArrayList<>();
        found.forEach((port, sockets) -> parts.add(port + " (" + shown(sockets) + ")"));
        String summary = "LISTENING OK - " + portWord(List.copyOf(found.keySet())) + " " + String.join(", ", parts) + " listening" + on;
        return new CheckOutcome(Status.OK, summary, longOutput.toString().strip(), perf);
    }

    private static String shown(List<ListeningSocket> sockets) {
        List<String> names = sockets.stream().map(ListeningSocket::shownAddress).distinct().toList();
        String first = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())));
        return names.size() > SHOWN ? first + " and " + (names.size() - SHOWN) + " more" : first;
    }

    private static String portWord(List<Integer> ports) {
        return ports.size() == 1 ? "port" : "ports";
    }

    private static String join(List<Integer> ports) {
        return String.join(", ", ports.stream().map(String::valueOf).toList());
    }

    private static String describe(ConfigProblem p) {
        return p.key() + ": " + p.message();
    }
}
