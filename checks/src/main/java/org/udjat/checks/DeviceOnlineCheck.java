package org.udjat.checks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.udjat.api.Quantity;
import org.udjat.api.Range;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.api.Status;
import org.udjat.api.Text;

/**
 * {@code device-online}: devices in the field keep a TCP connection to a gateway service, and
 * the service declares them online once it has configured their protocol. A device that is
 * connected (an established connection to {@code port}) but not declared online for longer
 * than {@code stuck_after} means the service is stuck: CRITICAL, naming those devices. The
 * command prints the established connections and the online list as they are ({@code online_from}
 * a command, file or URL on the gateway host, in {@code format} json or lines); the matching and
 * the timing happen here. How long each connection has waited is kept in the check's memory
 * between cycles (remote address to the time it was first seen waiting), measured on the
 * poller's clock, or on the host's when the poller's is not known.
 */
@Extension
public final class DeviceOnlineCheck implements Check {
    static final String PORT = "port";
    static final String ONLINE_FROM = "online_from";
    static final String FORMAT = "format";
    static final String ADDRESS_FIELD = "address_field";
    static final String ID_FIELD = "id_field";
    static final String STUCK_AFTER = "stuck_after";
    static final String WARN_AFTER = "warn_after";
    static final String DEFAULT_STUCK = "5min";
    /** Devices named in the summary; the long output names up to {@link #LISTED}. */
    private static final int SHOWN = 5;
    private static final int LISTED = 50;
    private static final Range ANY = Range.parse("0");

    @Override
    public String name() {
        return "device-online";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(PORT, ONLINE_FROM, FORMAT, ADDRESS_FIELD, ID_FIELD, STUCK_AFTER, WARN_AFTER);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>(NetOptions.requiredPort(options, PORT));
        problems.addAll(DeviceSource.problems(options, ONLINE_FROM, false));
        problems.addAll(formatProblems(options));
        Optional<Double> stuck = duration(options, STUCK_AFTER, problems);
        Optional<Double> warn = duration(options, WARN_AFTER, problems);
        if (warn.isPresent() && warn.get() >= stuck.orElse(seconds(DEFAULT_STUCK))) {
            problems.add(new ConfigProblem(WARN_AFTER, "must be shorter than " + STUCK_AFTER + " ("
                    + options.string(STUCK_AFTER, DEFAULT_STUCK) + "), got \"" + options.string(WARN_AFTER, "") + "\""));
        }
        return problems;
    }

    /** Problems with format, address_field and id_field; shared with data-freshness. */
    static List<ConfigProblem> formatProblems(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        String format = options.string(FORMAT, DeclaredDevice.JSON);
        if (!format.equals(DeclaredDevice.JSON) && !format.equals(DeclaredDevice.LINES)) {
            problems.add(new ConfigProblem(FORMAT, "expected json or lines, got \"" + Text.printable(format) + "\""));
        }
        for (String key : List.of(ADDRESS_FIELD, ID_FIELD)) {
            options.string(key).filter(v -> v.isEmpty() || v.length() > 64 || v.codePoints().anyMatch(Character::isISOControl))
                    .ifPresent(v -> problems.add(new ConfigProblem(key, "expected a JSON field name, got \"" + Text.printable(v) + "\"")));
        }
        return problems;
    }

    private static Optional<Double> duration(Settings options, String key, List<ConfigProblem> problems) {
        Optional<String> text = options.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Quantity.Amount a = Quantity.amount(text.get());
            if (a.quantity() != Quantity.DURATION || a.value() <= 0) {
                throw new IllegalArgumentException();
            }
            return Optional.of(a.value());
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(key, "expected a duration like \"5min\" or \"90s\", got \"" + Text.printable(text.get()) + "\""));
            return Optional.empty();
        }
    }

    private static double seconds(String text) {
        return Quantity.amount(text).value();
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).key() + ": " + problems.get(0).message());
        }
        int port = NetOptions.port(options.string(PORT).orElseThrow()).orElseThrow();
        DeviceSource online = DeviceSource.read(options, ONLINE_FROM, false);
        return Optional.of("date +%s\n" + connections(platform, port) + online(platform, online));
    }

    /** The established connections to the port, with the tool each platform has; tagged for {@link DeviceReport}. */
    static String connections(Platform platform, int port) {
        // /proc lists every connection of the host, which on a busy gateway is more than a check's output
        // cap: only the header and the rows naming the port (in hex, as /proc writes it) are kept; the rows
        // stay whole, and those that name it as the remote port are dropped on the poller
        String proc = "grep -h -i -e local_address -e " + Shell.quote(String.format(":%04X ", port))
                + " /proc/net/tcp /proc/net/tcp6";
        String list = switch (platform) {
            // ss filters by local port itself; netstat lists every connection and is filtered here
            case LINUX -> "{ command -v ss >/dev/null 2>&1 && ss -t -n state established " + Shell.quote("( sport = :" + port + " )")
                    + "; } || { command -v netstat >/dev/null 2>&1 && netstat -t -n -W; } || " + proc;
            // BusyBox netstat has no -W and cuts IPv6 addresses; /proc has them whole
            case BUSYBOX -> proc;
            // -W: FreeBSD and macOS cut IPv6 addresses to 16 characters without it
            case FREEBSD, MACOS -> "netstat -n -p tcp -W";
            // OpenBSD's -W takes an interface
            case OPENBSD -> "netstat -n -p tcp";
        };
        return "echo " + DeviceReport.CONNECTIONS + "\n" + list + "\necho \"" + DeviceReport.CONNECTIONS + "-exit $?\"\n";
    }

    /** The online list, then an empty echo so the exit line starts a line even when the list does not end with one. */
    static String online(Platform platform, DeviceSource source) {
        return "echo " + DeviceReport.ONLINE + "\n" + source.fetch(platform) + " 2>&1\nr=$?; echo; echo \""
                + DeviceReport.ONLINE + "-exit $r\"\n";
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        return parse(output, options, Map.of());
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options, Map<String, String> memory) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            return CheckOutcome.unknown("DEVICE-ONLINE UNKNOWN - bad options: " + problems.get(0).key() + ": "
                    + problems.get(0).message(), "").withMemory(memory);
        }
        int port = NetOptions.port(options.string(PORT).orElseThrow()).orElseThrow();
        DeviceReport report = DeviceReport.parse(output.text());
        Optional<List<Connection>> connected = connections(report, port);
        if (connected.isEmpty()) {
            return unknown("could not read the established connections", output, memory);
        }
        DeviceSource source = DeviceSource.read(options, ONLINE_FROM, false);
        Optional<List<DeclaredDevice>> declared = declared(report, options);
        if (declared.isEmpty()) {
            return unknown(onlineProblem(report, source, options), output, memory);
        }
        Optional<Instant> now = output.pollStarted() != null ? Optional.of(output.pollStarted())
                : report.hostTime().isPresent() ? Optional.of(Instant.ofEpochSecond(report.hostTime().getAsLong())) : Optional.empty();
        if (now.isEmpty()) {
            return unknown("no time to measure waits by: neither the poller's nor the host's clock is known", output, memory);
        }
        return judge(connected.get(), declared.get(), now.get(), options, memory, port);
    }

    /** The connections to the port, or empty when the listing is missing, failed or was cut. */
    static Optional<List<Connection>> connections(DeviceReport report, int port) {
        if (report.connExit().isEmpty()) {
            return Optional.empty();
        }
        List<Connection> found = new ArrayList<>();
        boolean known = false;
        for (String line : report.connections()) {
            Optional<Connection> c = Connection.parse(line);
            c.filter(x -> x.localPort() == port).ifPresent(found::add);
            known |= c.isPresent() || Connection.isHeader(line);
        }
        return known ? Optional.of(found) : Optional.empty();
    }

    /** The declared devices, or empty when the online list could not be fetched or read. */
    static Optional<List<DeclaredDevice>> declared(DeviceReport report, Settings options) {
        if (report.online().isEmpty() || report.onlineExit().filter(e -> e == 0).isEmpty()) {
            return Optional.empty();
        }
        return DeclaredDevice.parse(report.online().get(), options.string(FORMAT, DeclaredDevice.JSON),
                options.string(ADDRESS_FIELD, "address"), options.string(ID_FIELD, "id"));
    }

    /** Why the online list could not be used, for the summary. */
    static String onlineProblem(DeviceReport report, DeviceSource source, Settings options) {
        String from = "the online list (" + source.shown() + ")";
        if (report.online().isEmpty() || report.onlineExit().isEmpty()) {
            return "could not read " + from + ": the output ended before it did (output cap or timeout)";
        }
        String said = report.online().get().strip().lines().findFirst().map(Text::printable).orElse("");
        if (report.onlineExit().get() != 0) {
            return "could not read " + from + ": exit " + report.onlineExit().get() + (said.isEmpty() ? "" : ": " + said);
        }
        return from + " is not a " + options.string(FORMAT, DeclaredDevice.JSON) + " list of devices"
                + (said.isEmpty() ? "" : ": " + (said.length() > 80 ? said.substring(0, 80) + "..." : said));
    }

    private static CheckOutcome unknown(String why, RawOutput output, Map<String, String> memory) {
        return CheckOutcome.unknown("DEVICE-ONLINE UNKNOWN - " + why, output.text()).withMemory(memory);
    }

    private record Waiting(Connection connection, Instant since) {
    }

    private static CheckOutcome judge(List<Connection> connected, List<DeclaredDevice> declared, Instant now,
            Settings options, Map<String, String> memory, int port) {
        double stuckAfter = seconds(options.string(STUCK_AFTER, DEFAULT_STUCK));
        Optional<Double> warnAfter = options.string(WARN_AFTER).map(DeviceOnlineCheck::seconds);
        List<Waiting> waiting = new ArrayList<>();
        int online = 0;
        for (Connection c : connected) {
            if (declared.stream().anyMatch(d -> d.covers(c))) {
                online++;
                continue;
            }
            Instant since = Optional.ofNullable(memory.get(c.remote())).flatMap(DeviceOnlineCheck::instant)
                    .filter(t -> !t.isAfter(now)).orElse(now);
            waiting.add(new Waiting(c, since));
        }
        waiting.sort(Comparator.comparing(Waiting::since).thenComparing(w -> w.connection().remote()));
        Map<String, String> next = new LinkedHashMap<>();
        // the longest waits first, so they are the ones kept when there are more than the engine keeps
        waiting.stream().limit(CheckOutcome.MEMORY_ENTRIES)
                .forEach(w -> next.put(w.connection().remote(), String.valueOf(w.since().getEpochSecond())));
        List<Waiting> stuck = waiting.stream().filter(w -> age(w, now) >= stuckAfter).toList();
        List<Waiting> late = warnAfter.map(a -> waiting.stream().filter(w -> age(w, now) >= a && age(w, now) < stuckAfter).toList())
                .orElse(List.of());
        Status status = !stuck.isEmpty() ? Status.CRITICAL : !late.isEmpty() ? Status.WARNING : Status.OK;
        List<PerfDatum> perf = List.of(
                new PerfDatum("connected", connected.size(), "", null, null, 0.0, null),
                new PerfDatum("online", declared.size(), "", null, null, 0.0, null),
                new PerfDatum("stuck", stuck.size(), "", null, ANY, 0.0, null));
        String counts = connected.size() + (connected.size() == 1 ? " device" : " devices") + " connected on port " + port
                + ", " + declared.size() + " declared online";
        String summary = switch (status) {
            case CRITICAL -> "DEVICE-ONLINE CRITICAL - " + stuck.size() + " connected but not online for over "
                    + options.string(STUCK_AFTER, DEFAULT_STUCK) + ": " + shown(stuck, now) + " (" + counts + ")";
            case WARNING -> "DEVICE-ONLINE WARNING - " + late.size() + " connected but not online for over "
                    + options.string(WARN_AFTER, "") + ": " + shown(late, now) + " (" + counts + ")";
            default -> "DEVICE-ONLINE OK - " + counts + (waiting.isEmpty() ? "" : ", " + waiting.size() + " waiting to come online");
        };
        return new CheckOutcome(status, summary, longOutput(waiting, connected, declared, online, now), perf, next);
    }

    private static String longOutput(List<Waiting> waiting, List<Connection> connected, List<DeclaredDevice> declared,
            int online, Instant now) {
        StringBuilder b = new StringBuilder();
        b.append(online).append(" of ").append(connected.size()).append(" connections belong to devices declared online\n");
        for (Waiting w : waiting.subList(0, Math.min(LISTED, waiting.size()))) {
            b.append("not online: ").append(w.connection().remote()).append(", waiting ").append(Elapsed.of(age(w, now))).append('\n');
        }
        if (waiting.size() > LISTED) {
            b.append("and ").append(waiting.size() - LISTED).append(" more not online\n");
        }
        if (waiting.size() > CheckOutcome.MEMORY_ENTRIES) {
            b.append("only the ").append(CheckOutcome.MEMORY_ENTRIES).append(" longest waits are remembered;")
                    .append(" the others start counting again next cycle\n");
        }
        long absent = declared.stream().filter(d -> connected.stream().noneMatch(d::covers)).count();
        if (absent > 0) {
            b.append(absent).append(" declared online without a connection to the port\n");
        }
        return b.toString().strip();
    }

    private static String shown(List<Waiting> list, Instant now) {
        List<String> names = list.stream().limit(SHOWN).map(w -> w.connection().remote() + " (" + Elapsed.of(age(w, now)) + ")").toList();
        return String.join(", ", names) + (list.size() > SHOWN ? " and " + (list.size() - SHOWN) + " more" : "");
    }

    private static double age(Waiting w, Instant now) {
        return now.getEpochSecond() - w.since().getEpochSecond();
    }

    private static Optional<Instant> instant(String epochSeconds) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(epochSeconds)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
