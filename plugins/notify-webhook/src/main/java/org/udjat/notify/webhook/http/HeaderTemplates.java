package org.udjat.notify.webhook.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;

/**
 * The {@code headers} option: extra request headers by name, whose values may hold
 * {@code ${NAME}}, filled from the environment at send time so that tokens stay out of the
 * YAML ({@code Authorization: "Bearer ${CHAT_TOKEN}"}). No value, written or filled in, may
 * hold a line break or another control character, so nothing can add a header of its own.
 */
public final class HeaderTemplates {
    public static final String KEY = "headers";
    /** RFC 9110 token characters. */
    private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Printable ASCII and tab: what every server reads the same way. */
    private static final Pattern VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /** Set by the HTTP client itself, or by the notifier from other options. */
    private static final Set<String> RESERVED = Set.of("connection", "content-length", "content-type", "expect",
            "host", "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

    private HeaderTemplates() {
    }

    /** Adds a problem for each bad header to {@code problems}. */
    public static void validate(Settings options, List<ConfigProblem> problems) {
        Object raw = options.asMap().get(KEY);
        if (raw == null) {
            return;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add(new ConfigProblem(KEY, "expected a map of header names to values, got \"" + raw + "\""));
            return;
        }
        map.forEach((name, value) -> {
            String n = String.valueOf(name);
            if (!NAME.matcher(n).matches()) {
                problems.add(new ConfigProblem(KEY, "expected a header name of letters, digits and -, got \"" + printable(n) + "\""));
            } else if (RESERVED.contains(n.toLowerCase(Locale.ROOT))) {
                problems.add(new ConfigProblem(KEY, "header " + n + " is set by udjat itself; remove it"));
            }
            if (value == null || value instanceof Map || value instanceof List) {
                problems.add(new ConfigProblem(KEY, "header " + printable(n) + ": expected a text value, got \"" + value + "\""));
                return;
            }
            String v = String.valueOf(value);
            if (!VALUE.matcher(v).matches()) {
                problems.add(new ConfigProblem(KEY, "header " + printable(n)
                        + ": expected printable ASCII without line breaks, got \"" + printable(v) + "\""));
            } else if (VARIABLE.matcher(v).replaceAll("").contains("${")) {
                problems.add(new ConfigProblem(KEY, "header " + printable(n)
                        + ": expected ${NAME} with NAME made of letters, digits and _, got \"" + v + "\""));
            }
        });
    }

    /** Whether a header of this name (in any case) is configured. */
    public static boolean has(Settings options, String headerName) {
        return options.asMap().get(KEY) instanceof Map<?, ?> map
                && map.keySet().stream().anyMatch(k -> String.valueOf(k).equalsIgnoreCase(headerName));
    }

    /**
     * The headers with every {@code ${NAME}} filled in from {@code env}.
     *
     * @throws Unsendable when a variable is not set or its value would break the header; the
     *                    message names the variable, never its value
     */
    public static Map<String, String> expand(Settings options, Map<String, String> env) throws Unsendable {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!(options.asMap().get(KEY) instanceof Map<?, ?> map)) {
            return headers;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            Matcher m = VARIABLE.matcher(String.valueOf(e.getValue()));
            StringBuilder value = new StringBuilder();
            while (m.find()) {
                String secret = env.get(m.group(1));
                if (secret == null) {
                    throw new Unsendable("header " + name + ": environment variable " + m.group(1) + " is not set");
                }
                if (!VALUE.matcher(secret).matches()) {
                    throw new Unsendable("header " + name + ": environment variable " + m.group(1)
                            + " holds a line break or another character a header cannot carry");
                }
                m.appendReplacement(value, Matcher.quoteReplacement(secret));
            }
            m.appendTail(value);
            headers.put(name, value.toString());
        }
        return headers;
    }

    /** Text for an error message: control characters shown as {@code \\uXXXX}. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
