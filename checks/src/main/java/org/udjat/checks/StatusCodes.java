package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP status codes a check accepts, written as codes and ranges: {@code 200},
 * {@code "200-299"}, {@code "200,301-302"} or a YAML list {@code [200, 204]}. Immutable.
 *
 * @param ranges inclusive ranges, each within 100..599
 */
record StatusCodes(List<int[]> ranges) {
    /** What a web page that works answers: success or a redirect. */
    static final String DEFAULT = "200-399";
    private static final Pattern ITEM = Pattern.compile("([1-5][0-9]{2})(?:\\s*-\\s*([1-5][0-9]{2}))?");
    /**
     * Reason phrases of RFC 9110 and the ones FreeBSD's libfetch knows, for tools that print
     * the phrase but not the code.
     */
    private static final Map<String, Integer> PHRASES = Map.ofEntries(
            Map.entry("bad request", 400), Map.entry("unauthorized", 401), Map.entry("payment required", 402),
            Map.entry("forbidden", 403), Map.entry("not found", 404), Map.entry("method not allowed", 405),
            Map.entry("not acceptable", 406), Map.entry("proxy authentication required", 407),
            Map.entry("request time-out", 408), Map.entry("request timeout", 408), Map.entry("conflict", 409),
            Map.entry("gone", 410), Map.entry("length required", 411), Map.entry("precondition failed", 412),
            Map.entry("request entity too large", 413), Map.entry("request-uri too large", 414),
            Map.entry("unsupported media type", 415), Map.entry("requested range not satisfiable", 416),
            Map.entry("expectation failed", 417), Map.entry("too many requests", 429),
            Map.entry("internal server error", 500), Map.entry("not implemented", 501), Map.entry("bad gateway", 502),
            Map.entry("service unavailable", 503), Map.entry("gateway time-out", 504), Map.entry("gateway timeout", 504),
            Map.entry("http version not supported", 505), Map.entry("no content", 204), Map.entry("reset content", 205),
            Map.entry("multiple choices", 300), Map.entry("not modified", 304), Map.entry("use proxy", 305));

    StatusCodes {
        ranges = List.copyOf(ranges);
    }

    /**
     * Reads the option's values.
     *
     * @throws IllegalArgumentException {@code expected status codes like "200-399" or "200,301", got "abc"}
     */
    static StatusCodes parse(List<String> values) {
        List<int[]> ranges = new ArrayList<>();
        for (String value : values.isEmpty() ? List.of(DEFAULT) : values) {
            for (String part : value.split(",", -1)) {
                Matcher m = ITEM.matcher(part.strip());
                if (!m.matches()) {
                    throw new IllegalArgumentException("expected status codes like \"200-399\" or \"200,301\", got \"" + value + "\"");
                }
                int from = Integer.parseInt(m.group(1));
                int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                if (to < from) {
                    throw new IllegalArgumentException("status range \"" + part.strip() + "\" starts above its end");
                }
                ranges.add(new int[] {from, to});
            }
        }
        return new StatusCodes(ranges);
    }

    boolean accepts(int code) {
        return ranges.stream().anyMatch(r -> code >= r[0] && code <= r[1]);
    }

    /** {@code 200-399} or {@code 200, 301-302}, for messages. */
    String text() {
        return String.join(", ", ranges.stream().map(r -> r[0] == r[1] ? String.valueOf(r[0]) : r[0] + "-" + r[1]).toList());
    }

    /** The code of a reason phrase as libfetch prints it ({@code Not Found}), if it is a known one. */
    static Optional<Integer> ofPhrase(String phrase) {
        return Optional.ofNullable(PHRASES.get(phrase.strip().toLowerCase(java.util.Locale.ROOT)));
    }
}
