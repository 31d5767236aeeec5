package org.udjat.checks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
 * {@code http}: an HTTP(S) GET from the monitored host with the platform's own client (curl,
 * else wget; BusyBox wget; FreeBSD fetch; OpenBSD ftp), following redirects. The final status
 * must be in {@code expect_status}, the body must match {@code body} when given, and
 * {@code warn}/{@code crit} are durations on the request's total time. The body is saved to a
 * temp file and printed after the status and timing lines (see {@link HttpExchange}); the
 * output cap, which the engine enforces with {@code ulimit -f}, also bounds that file. The URL
 * and Host header reach the shell only through {@link Shell#quote} after validation. Stateless.
 */
@Extension
public final class HttpCheck implements Check {
    static final String URL = "url";
    static final String EXPECT_STATUS = "expect_status";
    static final String BODY = "body";
    static final String REQUEST_TIMEOUT = "request_timeout";
    static final String INSECURE = "insecure";
    static final String HOST_HEADER = "host_header";
    static final int DEFAULT_TIMEOUT = 5;
    private static final int MAX_URL = 2048;
    private static final Pattern HOST_HEADER_VALUE = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,260}");
    /** Characters of the body shown when it does not match. */
    private static final int BODY_SHOWN = 300;

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(URL, EXPECT_STATUS, BODY, REQUEST_TIMEOUT, INSECURE, HOST_HEADER, Thresholds.WARN, Thresholds.CRIT);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<String> url = options.string(URL);
        if (url.isEmpty()) {
            problems.add(new ConfigProblem(URL, "missing; give the page to ask for, e.g. url: https://example.com/health"));
        } else {
            urlProblem(url.get()).ifPresent(m -> problems.add(new ConfigProblem(URL, m)));
        }
        try {
            StatusCodes.parse(options.strings(EXPECT_STATUS));
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(EXPECT_STATUS, e.getMessage()));
        }
        options.string(BODY).ifPresent(b -> {
            try {
                Pattern.compile(b);
            } catch (PatternSyntaxException e) {
                problems.add(new ConfigProblem(BODY, "expected a regular expression, got \"" + b + "\": "
                        + e.getDescription() + " near index " + e.getIndex()));
            }
        });
        NetOptions.secondsProblem(options, REQUEST_TIMEOUT).ifPresent(problems::add);
        try {
            options.bool(INSECURE, false);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(INSECURE, "expected true or false, got \"" + options.string(INSECURE, "") + "\""));
        }
        options.string(HOST_HEADER).filter(h -> !HOST_HEADER_VALUE.matcher(h).matches()).ifPresent(h -> problems.add(
                new ConfigProblem(HOST_HEADER, "expected a host name like \"www.example.com\" or \"www.example.com:8080\", got \""
                        + Text.printable(h) + "\"")));
        problems.addAll(NetOptions.durationThresholds(options));
        return problems;
    }

    /** What is wrong with a URL, or empty: http/https, a sane host, no credentials, no spaces. */
    static Optional<String> urlProblem(String url) {
        String shown = "\"" + Text.printable(url) + "\"";
        if (url.length() > MAX_URL || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return Optional.of("expected a URL without spaces or control characters, at most " + MAX_URL + " long, got " + shown);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("expected a URL like \"https://example.com/health\", got " + shown + ": " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || !url.regionMatches(true, 0, scheme + "://", 0, scheme.length() + 3)) {
            return Optional.of("expected an http:// or https:// URL, got " + shown);
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("a URL with a user name or password would show in process lists on the host; got " + shown);
        }
        String host = uri.getHost();
        if (host == null || !NetOptions.saneHost(NetOptions.unbracketed(host))) {
            return Optional.of("expected a URL with a host name or IP address, got " + shown);
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        if (!validate(options).isEmpty()) {
            return Optional.of("echo 'http: invalid options'; exit 3");
        }
        int w = NetOptions.seconds(options, REQUEST_TIMEOUT, DEFAULT_TIMEOUT);
        boolean insecure = options.bool(INSECURE, false);
        Optional<String> host = options.string(HOST_HEADER).map(h -> Shell.quote("Host: " + h));
        String head = "u=" + Shell.quote(options.string(URL, "")) + " w=" + w + "\n"
                + "f=$(mktemp) || { echo 'udjat-http-exit mktemp 3'; exit 3; }\n"
                + "trap 'rm -f \"$f\"' EXIT\n"
                // the engine caps the output with ulimit -f; ignoring SIGXFSZ turns the cap into a
                // write error for the tool, which still reports the status, instead of a kill
                + "trap '' XFSZ\n";
        String tail = "echo " + HttpExchange.BODY + "\ncat \"$f\"\n";
        return Optional.of(head + switch (platform) {
            case LINUX -> "if command -v curl >/dev/null 2>&1; then\n" + curl(insecure, host)
                    + "elif command -v wget >/dev/null 2>&1; then\n"
                    + "s=$(date +%s%N)\n"
                    + "timeout -k 1 $w wget -S -O \"$f\" -T $w --tries=1" + (insecure ? " --no-check-certificate" : "")
                    + host.map(h -> " --header=" + h).orElse("") + " \"$u\"\n"
                    + "r=$?\necho \"udjat-http-exit wget $r $s $(date +%s%N)\"\n"
                    + "else echo 'udjat-http-exit none 3'; fi\n" + tail;
            case MACOS -> curl(insecure, host) + tail;
            // BusyBox wget prints the status lines with -S; Debian's build has no -T, timeout(1) bounds it
            case BUSYBOX -> "read s x </proc/uptime\n"
                    + "timeout $w wget -S -O \"$f\"" + (insecure ? " --no-check-certificate" : "")
                    + host.map(h -> " --header " + h).orElse("") + " \"$u\"\n"
                    + "r=$?\nread e x </proc/uptime\necho \"udjat-http-exit wget $r $s $e\"\n" + tail;
            case FREEBSD -> host.isPresent() ? unsupported("fetch(1) cannot send another Host header")
                    : "time -p fetch -q -o \"$f\" -T $w" + (insecure ? " --no-verify-peer --no-verify-hostname" : "") + " \"$u\"\n"
                    + "echo \"udjat-http-exit fetch $? - -\"\n" + tail;
            case OPENBSD -> host.isPresent() ? unsupported("ftp(1) cannot send another Host header")
                    : "time -p ftp -M -V -w $w -o \"$f\"" + (insecure ? " -S dont" : "") + " \"$u\"\n"
                    + "echo \"udjat-http-exit ftp $? - -\"\n" + tail;
        });
    }

    /** curl times the request itself; -q keeps a ~/.curlrc out of it. */
    private static String curl(boolean insecure, Optional<String> host) {
        return "curl -q -sS -L --max-redirs 10 -o \"$f\" --max-time $w" + (insecure ? " -k" : "")
                + host.map(h -> " -H " + h).orElse("")
                + " -w '" + HttpExchange.CURL + " %{http_code} %{time_connect} %{time_starttransfer} %{time_total}"
                + " %{num_redirects} %{size_download}\\n' \"$u\"\n"
                + "echo \"udjat-http-exit curl $?\"\n";
    }

    private static String unsupported(String why) {
        return "echo " + Shell.quote("host_header is not supported here: " + why) + "\necho 'udjat-http-exit unsupported 3'\n";
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            return CheckOutcome.unknown("HTTP UNKNOWN - bad options: " + problems.get(0).key() + ": " + problems.get(0).message(), "");
        }
        String url = Text.printable(options.string(URL, ""));
        Optional<HttpExchange> read = HttpExchange.parse(output.text(), output.truncated());
        if (read.isEmpty()) {
            return CheckOutcome.unknown("HTTP UNKNOWN - could not read the result of the request to " + url, output.text());
        }
        HttpExchange x = read.get();
        String said = String.join("\n", x.said().stream().map(Text::printable).toList());
        if (x.status().isEmpty()) {
            return failed(x, url, NetOptions.seconds(options, REQUEST_TIMEOUT, DEFAULT_TIMEOUT), said);
        }
        return answered(x, url, options, said);
    }

    private static CheckOutcome failed(HttpExchange x, String url, int timeout, String said) {
        String host = hostOf(url);
        return switch (x.failure()) {
            case UNRESOLVED -> critical("cannot resolve host name " + host + ": " + x.complaint(), said);
            case REFUSED -> critical(host + " refused the connection", said);
            case CONNECT -> critical("cannot connect to " + host + ": " + x.complaint(), said);
            case TIMED_OUT -> critical("no response from " + url + " within " + timeout + "s (timed out)", said);
            case TLS -> critical("TLS failure talking to " + host + ": " + x.complaint(), said);
            case OTHER -> critical("request to " + url + " failed: " + x.complaint(), said);
            case NO_TOOL -> CheckOutcome.unknown("HTTP UNKNOWN - no HTTP client on the host (curl, wget)", said);
            case TOOL_MISSING -> CheckOutcome.unknown("HTTP UNKNOWN - " + x.tool() + " could not be run: " + x.complaint(), said);
            case CANNOT_RUN -> CheckOutcome.unknown("HTTP UNKNOWN - " + x.complaint(), said);
        };
    }

    private static CheckOutcome answered(HttpExchange x, String url, Settings options, String said) {
        int code = x.status().orElseThrow();
        StatusCodes expected = StatusCodes.parse(options.strings(EXPECT_STATUS));
        Thresholds limits = NetOptions.thresholds(options);
        int timeout = NetOptions.seconds(options, REQUEST_TIMEOUT, DEFAULT_TIMEOUT);
        List<PerfDatum> perf = new ArrayList<>();
        x.seconds().ifPresent(s -> perf.add(new PerfDatum("time", s, "s", limits.warnRange(), limits.critRange(), 0.0, (double) timeout)));
        x.connect().ifPresent(s -> perf.add(new PerfDatum("connect", s, "s", null, null, 0.0, (double) timeout)));
        Optional<Long> size = x.size().or(() -> x.body().filter(b -> !x.bodyCut()).map(b -> (long) b.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        size.ifPresent(b -> perf.add(new PerfDatum("size", b, "B", null, null, 0.0, null)));
        String answer = code + (x.reason().isEmpty() ? "" : " " + Text.printable(x.reason()));
        String timing = x.seconds().map(s -> " in " + Quantity.DURATION.format(s)).orElse("");
        StringBuilder longOutput = new StringBuilder(said);
        if (x.redirects() > 0) {
            longOutput.append(longOutput.length() > 0 ? "\n" : "").append(x.redirects()).append(x.redirects() == 1 ? " redirect" : " redirects").append(" followed");
        }
        if (!expected.accepts(code)) {
            return new CheckOutcome(Status.CRITICAL, "HTTP CRITICAL - " + answer + " from " + url + timing
                    + " (expected " + expected.text() + ")", longOutput.toString().strip(), perf);
        }
        Optional<String> regex = options.string(BODY);
        if (regex.isPresent()) {
            Optional<CheckOutcome> mismatch = bodyMismatch(x, regex.get(), answer, url, timing, longOutput, perf);
            if (mismatch.isPresent()) {
                return mismatch.get();
            }
        }
        if (x.bodyCut() && regex.isPresent()) {
            longOutput.append(longOutput.length() > 0 ? "\n" : "").append("the body was longer than the output cap; its start matched");
        }
        Status status = x.seconds().map(limits::evaluate).orElse(Status.OK);
        String unverified = "";
        if (!options.bool(INSECURE, false) && x.said().stream().anyMatch(l -> l.contains("certificate validation not implemented"))) {
            // BusyBox wget cannot verify certificates; the operator asked for verification
            status = status == Status.OK ? Status.WARNING : status;
            unverified = " - certificate NOT verified (this wget cannot; set insecure: true to accept that)";
        }
        String summary = "HTTP " + status + " - " + answer + " from " + url + timing
                + size.map(b -> " (" + Quantity.SIZE.format(b) + ")").orElse("") + NetOptions.trigger(limits, status) + unverified;
        return new CheckOutcome(status, summary, longOutput.toString().strip(), perf);
    }

    private static Optional<CheckOutcome> bodyMismatch(HttpExchange x, String regex, String answer, String url, String timing,
            StringBuilder longOutput, List<PerfDatum> perf) {
        if (x.body().isEmpty()) {
            return Optional.of(new CheckOutcome(Status.UNKNOWN, "HTTP UNKNOWN - " + answer + " from " + url
                    + " but the body was cut off by the output cap before it started", longOutput.toString().strip(), perf));
        }
        String body = x.body().get();
        if (Pattern.compile(regex).matcher(body).find()) {
            return Optional.empty();
        }
        String start = Text.printable(body.length() > BODY_SHOWN ? body.substring(0, BODY_SHOWN) + "..." : body);
        longOutput.append(longOutput.length() > 0 ? "\n" : "").append("body (").append(x.bodyCut() ? "cut by the output cap, " : "")
                .append(body.length()).append(" characters checked): ").append(start);
        String cut = x.bodyCut() ? " (only the first " + body.length() + " characters were checked: raise output_cap)" : "";
        return Optional.of(new CheckOutcome(Status.CRITICAL, "HTTP CRITICAL - " + answer + " from " + url + timing
                + " but the body does not match /" + Text.printable(regex) + "/" + cut, longOutput.toString().strip(), perf));
    }

    private static CheckOutcome critical(String what, String said) {
        return new CheckOutcome(Status.CRITICAL, "HTTP CRITICAL - " + what, said, List.of());
    }

    private static String hostOf(String url) {
        try {
            URI u = new URI(url);
            return u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (URISyntaxException e) {
            return url;
        }
    }
}
