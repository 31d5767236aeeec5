package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;
import org.udjat.api.Text;

/**
 * One HTTP request as the http check's command reports it. The command saves the body to a temp
 * file and prints, in this order: what the tool said (wget's {@code -S} status lines, error
 * messages, curl's tagged line {@code udjat-http curl <code> <connect> <first byte> <total>
 * <redirects> <size>}), the line {@code udjat-http-exit <tool> <exit code> [<clock start>
 * <clock end>]}, the line {@code udjat-http-body}, and then the body verbatim. Everything before
 * the body line was printed before the body was, so no body can pass for the status or timing.
 *
 * @param tool       curl, wget, fetch or ftp; {@code none} when the host has none of them
 * @param exitCode   the tool's exit code
 * @param status     the final HTTP status code, when the tool told it
 * @param reason     the reason phrase that came with it, possibly empty
 * @param seconds    the request's total time, when measured
 * @param connect    curl's time to connect, when known
 * @param size       bytes of body the tool received (curl), when known
 * @param redirects  redirects followed (curl), or -1 when unknown
 * @param said       the tool's own lines before the body
 * @param body       the body as received, possibly cut by the output cap; empty when absent
 * @param bodyCut    true when the body is not whole: the output was cut, or the cap stopped the
 *                   tool while it saved the body
 */
record HttpExchange(String tool, int exitCode, Optional<Integer> status, String reason, Optional<Double> seconds,
        Optional<Double> connect, Optional<Long> size, int redirects, List<String> said, Optional<String> body, boolean bodyCut) {
    static final String EXIT = "udjat-http-exit";
    static final String BODY = "udjat-http-body";
    static final String CURL = "udjat-http curl";

    private static final Pattern STATUS_LINE = Pattern.compile("\\s*HTTP/[0-9](?:\\.[0-9])?\\s+([1-5][0-9]{2})(?:\\s+(.*))?");
    /** OpenBSD ftp: {@code ftp: Error retrieving http://x/: 500 Internal Server Error}. */
    private static final Pattern FTP_ERROR = Pattern.compile(".*Error retrieving .*: ([1-5][0-9]{2})(?:\\s+(.*))?");
    /** FreeBSD fetch: {@code fetch: http://x/: Not Found}. */
    private static final Pattern FETCH_ERROR = Pattern.compile("fetch: \\S+: (.+)");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}(?:[.,][0-9]{1,9})?");
    /** curl exit code 23: it could not write the body, here because the output cap (ulimit -f) was reached. */
    private static final int CURL_WRITE_ERROR = 23;

    /** Reads the output; empty when the exit line is missing, so nothing can be said. */
    static Optional<HttpExchange> parse(String text, boolean truncated) {
        int marker = text.startsWith(BODY + "\n") ? 0 : text.indexOf("\n" + BODY + "\n");
        String head = marker < 0 ? text : text.substring(0, marker);
        Optional<String> body = marker < 0 ? Optional.empty()
                : Optional.of(text.substring(marker + BODY.length() + (marker == 0 ? 1 : 2)));
        List<String> lines = new ArrayList<>(head.lines().toList());
        if (marker < 0 && truncated && !lines.isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        String[] exit = null;
        String[] curl = null;
        List<String> said = new ArrayList<>();
        Optional<Integer> status = Optional.empty();
        String reason = "";
        for (String raw : lines) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.length() > RawOutput.MAX_LINE) {
                continue;
            }
            int tag = line.lastIndexOf(EXIT + " ");
            if (tag >= 0) {
                // wget may leave "awaiting response... " unfinished when timeout(1) ends it
                exit = line.substring(tag).strip().split("\\s+");
                if (tag > 0 && !line.substring(0, tag).isBlank()) {
                    said.add(line.substring(0, tag).strip());
                }
            } else if (line.startsWith(CURL + " ")) {
                curl = line.strip().split("\\s+");
            } else if (!line.isBlank() && !Stopwatch.isTimeLine(line)) {
                said.add(line.strip());
                Matcher m = STATUS_LINE.matcher(line);
                if (m.matches()) {
                    status = Optional.of(Integer.parseInt(m.group(1)));
                    reason = m.group(2) == null ? "" : m.group(2).strip();
                }
            }
        }
        if (exit == null || exit.length < 3 || !exit[2].matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        String tool = exit[1];
        int rc = Integer.parseInt(exit[2]);
        Optional<Double> seconds = exit.length >= 5 ? Stopwatch.between(exit[3], exit[4]) : Optional.empty();
        if (seconds.isEmpty()) {
            seconds = Stopwatch.real(lines);
        }
        Optional<Double> connect = Optional.empty();
        Optional<Long> size = Optional.empty();
        int redirects = -1;
        if (curl != null && curl.length >= 8) {
            int code = curl[2].matches("[0-9]{3}") ? Integer.parseInt(curl[2]) : 0;
            status = code >= 100 && code <= 599 ? Optional.of(code) : Optional.empty();
            reason = "";
            connect = seconds(curl[3]);
            seconds = seconds(curl[5]);
            redirects = curl[6].matches("[0-9]{1,3}") ? Integer.parseInt(curl[6]) : -1;
            size = curl[7].matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(curl[7])) : Optional.empty();
        }
        if (status.isEmpty()) {
            status = statusFromMessages(tool, rc, said);
            for (String line : said) {
                Matcher ftp = FTP_ERROR.matcher(line);
                if (ftp.matches() && ftp.group(2) != null) {
                    reason = ftp.group(2).strip();
                }
            }
        }
        boolean cut = truncated || (tool.equals("curl") && rc == CURL_WRITE_ERROR);
        return Optional.of(new HttpExchange(tool, rc, status, reason, seconds, connect, size, redirects, said, body, cut));
    }

    /** fetch and ftp print no status line: success means 200, failures name the status in words. */
    private static Optional<Integer> statusFromMessages(String tool, int rc, List<String> said) {
        if (!tool.equals("fetch") && !tool.equals("ftp")) {
            return Optional.empty();
        }
        if (rc == 0) {
            return Optional.of(200); // both fail on anything but 200, 206 (and fetch's 304)
        }
        for (String line : said) {
            Matcher ftp = FTP_ERROR.matcher(line);
            if (ftp.matches()) {
                return Optional.of(Integer.parseInt(ftp.group(1)));
            }
            Matcher fetch = FETCH_ERROR.matcher(line);
            if (fetch.matches()) {
                Optional<Integer> code = StatusCodes.ofPhrase(fetch.group(1));
                if (code.isPresent()) {
                    return code;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> seconds(String text) {
        return NUMBER.matcher(text).matches() ? Optional.of(Double.parseDouble(text.replace(',', '.'))) : Optional.empty();
    }

    /** Why no status came back, in the words of the network: refused, timed out, a name, TLS. */
    Failure failure() {
        String text = String.join("\n", said).toLowerCase(Locale.ROOT);
        if (tool.equals("none")) {
            return Failure.NO_TOOL;
        }
        if (tool.equals("unsupported") || tool.equals("mktemp")) {
            return Failure.CANNOT_RUN;
        }
        if (exitCode == 127 || exitCode == 126) {
            return Failure.TOOL_MISSING;
        }
        boolean curlTool = tool.equals("curl");
        if (curlTool && exitCode == 6 || text.contains("resolve") || text.contains("bad address")
                || text.contains("name or service not known") || text.contains("no address associated")
                || text.contains("nodename nor servname") || text.contains("host not found") || text.contains("unknown host") || text.contains("no address record")) {
            return Failure.UNRESOLVED;
        }
        if (text.contains("refused")) {
            return Failure.REFUSED;
        }
        if (curlTool && exitCode == 7) {
            return Failure.CONNECT; // curl 7 says "Couldn't connect to server" for refused and unreachable alike
        }
        if (curlTool && exitCode == 28 || exitCode == 124 || exitCode == 137 || exitCode == 143 || text.contains("timed out")
                || text.contains("timeout")) {
            return Failure.TIMED_OUT;
        }
        if (curlTool && (exitCode == 35 || exitCode == 51 || exitCode == 58 || exitCode == 60) || text.contains("certificate")
                || text.contains("ssl") || text.contains("tls")) {
            return Failure.TLS;
        }
        return Failure.OTHER;
    }

    /** The tool's first line of complaint, fit for a summary. */
    String complaint() {
        if (tool.equals("unsupported") || tool.equals("mktemp")) {
            return said.isEmpty() ? "cannot create a temporary file for the body" : Text.printable(said.get(0));
        }
        for (String line : said) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.contains("error") || l.contains("fail") || l.contains("refused") || l.contains("timed out")
                    || l.contains("resolve") || l.contains("bad address") || l.contains("certificate") || l.startsWith("curl:")
                    || l.startsWith("wget:") || l.startsWith("fetch:") || l.startsWith("ftp:")) {
                return Text.printable(line);
            }
        }
        return said.isEmpty() ? "no reason given (exit code " + exitCode + ")" : Text.printable(said.get(said.size() - 1));
    }

    /** Why a request got no HTTP status. */
    enum Failure { UNRESOLVED, REFUSED, CONNECT, TIMED_OUT, TLS, OTHER, NO_TOOL, TOOL_MISSING, CANNOT_RUN }
}
