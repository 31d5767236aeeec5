package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.api.Status;
import org.udjat.api.Text;
import org.udjat.api.Thresholds;

/**
 * {@code tcp}: opens a TCP connection from the monitored host to {@code host}:{@code port} and
 * closes it at once, with the platform's own tools (netcat, else bash's {@code /dev/tcp}), and
 * measures how long the connect took on the host. Refused, timed out and a name that does not
 * resolve are distinct CRITICAL results; {@code warn}/{@code crit} are durations on the connect
 * time, which includes resolving the name. The host goes to the shell only through
 * {@link Shell#quote} after {@link NetOptions#saneHost} accepted it. Stateless.
 */
@Extension
public final class TcpCheck implements Check {
    static final String HOST = "host";
    static final String PORT = "port";
    static final String CONNECT_TIMEOUT = "connect_timeout";
    static final int DEFAULT_TIMEOUT = 5;

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(HOST, PORT, CONNECT_TIMEOUT, Thresholds.WARN, Thresholds.CRIT);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<String> host = options.string(HOST);
        if (host.isEmpty()) {
            problems.add(new ConfigProblem(HOST, "missing; give a host name or IP address to connect to"));
        } else if (!NetOptions.saneHost(NetOptions.unbracketed(host.get()))) {
            problems.add(new ConfigProblem(HOST, "expected a host name like \"db1.example.com\" or an IP address,"
                    + " got \"" + Text.printable(host.get()) + "\""));
        }
        problems.addAll(NetOptions.requiredPort(options, PORT));
        NetOptions.secondsProblem(options, CONNECT_TIMEOUT).ifPresent(problems::add);
        problems.addAll(NetOptions.durationThresholds(options));
        return problems;
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        if (!validate(options).isEmpty()) {
            return Optional.of("echo 'tcp: invalid options'; exit 3");
        }
        String set = "h=" + Shell.quote(host(options)) + " p=" + NetOptions.port(options.string(PORT, "")).orElseThrow()
                + " w=" + NetOptions.seconds(options, CONNECT_TIMEOUT, DEFAULT_TIMEOUT) + "\n";
        return Optional.of(set + switch (platform) {
            // netcat when present (OpenBSD or traditional, both take -v -z -w), else bash's /dev/tcp;
            // timeout(1) also bounds the name lookup, which nc -w does not
            case LINUX -> """
                    if command -v nc >/dev/null 2>&1; then t=nc; elif command -v bash >/dev/null 2>&1; then t=bash
                    else echo 'udjat-tcp none'; exit 3; fi
                    s=$(date +%s%N)
                    if [ $t = nc ]; then timeout -k 1 $((w + 1)) nc -v -z -w $w "$h" $p
                    else timeout -k 1 $w bash -c 'exec 3<>"/dev/tcp/$1/$2"' udjat "$h" $p; fi
                    r=$?
                    echo "udjat-tcp $t $r $s $(date +%s%N)"
                    """;
            // BusyBox nc has no -z unless built with NC_110_COMPAT (then it also needs -v -v to say why
            // it failed, and the small nc rejects -v); -e true closes the connection once it is open.
            // Its date usually has no %N: /proc/uptime, read by the shell, gives hundredths.
            case BUSYBOX -> """
                    case $(nc --help 2>&1) in *Verbose*) v='-v -v' ;; *) v= ;; esac
                    read s x </proc/uptime
                    nc $v -w $w "$h" $p -e true
                    r=$?
                    read e x </proc/uptime
                    echo "udjat-tcp nc $r $s $e"
                    """;
            // nc is in base on all three; their date has no sub-second format, time -p gives hundredths
            case FREEBSD, OPENBSD, MACOS -> """
                    time -p nc -v -z -w $w "$h" $p
                    echo "udjat-tcp nc $? - -"
                    """;
        });
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            return CheckOutcome.unknown("TCP UNKNOWN - bad options: " + problems.get(0).key() + ": " + problems.get(0).message(), "");
        }
        Thresholds limits = NetOptions.thresholds(options);
        int timeout = NetOptions.seconds(options, CONNECT_TIMEOUT, DEFAULT_TIMEOUT);
        String target = target(options);
        Optional<ConnectAttempt> read = ConnectAttempt.parse(output.lines());
        if (read.isEmpty()) {
            return CheckOutcome.unknown("TCP UNKNOWN - could not read the result of the connection to " + target, output.text());
        }
        ConnectAttempt a = read.get();
        String said = String.join("\n", a.said().stream().map(Text::printable).toList());
        return switch (a.result()) {
            case CONNECTED -> connected(a, target, limits, timeout, said);
            case REFUSED -> critical(target + " refused the connection", said);
            case TIMED_OUT -> critical("no answer from " + target + " within " + timeout + "s (connect timed out)", said);
            case UNRESOLVED -> critical("cannot resolve host name " + Text.printable(host(options)) + ": " + a.reason(), said);
            case FAILED -> critical("cannot connect to " + target + ": " + a.reason(), said);
            case NO_TOOL -> CheckOutcome.unknown("TCP UNKNOWN - no tool to open a TCP connection (nc, bash)", said);
            case TOOL_MISSING -> CheckOutcome.unknown("TCP UNKNOWN - " + a.tool() + " could not be run: " + a.reason(), said);
            case TOOL_REJECTED -> CheckOutcome.unknown("TCP UNKNOWN - " + a.tool() + " rejected its options: " + a.reason(), said);
        };
    }

    private static CheckOutcome connected(ConnectAttempt a, String target, Thresholds limits, int timeout, String said) {
        if (a.seconds().isEmpty()) {
            return new CheckOutcome(Status.OK, "TCP OK - connected to " + target + " (connect time not measured)", said, List.of());
        }
        double s = a.seconds().get();
        Status status = limits.evaluate(s);
        String summary = "TCP " + status + " - connected to " + target + " in " + Quantity.DURATION.format(s)
                + NetOptions.trigger(limits, status);
        PerfDatum time = new PerfDatum("time", s, Quantity.DURATION.unit(), limits.warnRange(), limits.critRange(), 0.0, (double) timeout);
        return new CheckOutcome(status, summary, said, List.of(time));
    }

    private static CheckOutcome critical(String what, String said) {
        return new CheckOutcome(Status.CRITICAL, "TCP CRITICAL - " + what, said, List.of());
    }

    private static String host(Settings options) {
        return NetOptions.unbracketed(options.string(HOST, ""));
    }

    /** {@code db1:5432} or {@code [::1]:5432}. */
    private static String target(Settings options) {
        String h = Text.printable(host(options));
        return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + options.string(PORT, "").strip();
    }
}
