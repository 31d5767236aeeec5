package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.api.Text;

/**
 * Where a device check reads something on the gateway host, written as a one-key map:
 * {@code {command: "gwctl online"}}, {@code {file: /var/lib/gw/online.json}} or
 * {@code {url: "http://127.0.0.1:8080/online"}}. The value reaches the remote shell only through
 * {@link Shell#quote}; a command runs under {@code sh -c}. With a {@code {device}} placeholder (the
 * data-freshness check), the device id is handed to the shell as the parameter {@code $1}, so
 * no id is ever read as shell code.
 *
 * @param kind  what the value is
 * @param value the command, absolute path or http(s) URL, as written
 */
record DeviceSource(Kind kind, String value) {
    /** The kinds of source. */
    enum Kind { COMMAND, FILE, URL }

    static final String DEVICE = "{device}";
    /** Seconds an HTTP fetch may take, below the check's own timeout so the client says why it gave up. */
    static final int FETCH_SECONDS = 5;

    /** Every problem with the source under {@code key}; {@code template} when {@code {device}} must appear. */
    static List<ConfigProblem> problems(Settings options, String key, boolean template) {
        List<ConfigProblem> problems = new ArrayList<>();
        Object raw = options.asMap().get(key);
        String example = template ? "{url: \"http://127.0.0.1:8080/devices/{device}/last\"}"
                : "{file: /var/lib/gateway/online.json}";
        if (raw == null) {
            problems.add(new ConfigProblem(key, "missing; give a command, a file or a url, e.g. " + key + ": " + example));
            return problems;
        }
        if (!(raw instanceof Map<?, ?> map) || map.size() != 1) {
            problems.add(new ConfigProblem(key, "expected one of command, file or url, e.g. " + key + ": " + example
                    + ", got \"" + Text.printable(String.valueOf(raw)) + "\""));
            return problems;
        }
        Map.Entry<?, ?> e = map.entrySet().iterator().next();
        String k = String.valueOf(e.getKey());
        String v = e.getValue() == null ? "" : String.valueOf(e.getValue());
        Optional<Kind> kind = kind(k);
        if (kind.isEmpty()) {
            problems.add(new ConfigProblem(key, "expected command, file or url, got \"" + Text.printable(k) + "\""));
            return problems;
        }
        valueProblem(kind.get(), v, template).ifPresent(m -> problems.add(new ConfigProblem(key + "." + k, m)));
        return problems;
    }

    private static Optional<Kind> kind(String key) {
        for (Kind k : Kind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> valueProblem(Kind kind, String v, boolean template) {
        if (v.isBlank()) {
            return Optional.of("empty");
        }
        if (v.codePoints().anyMatch(c -> c == 0 || c == '\n' || c == '\r')) {
            return Optional.of("expected one line without NUL, got \"" + Text.printable(v) + "\"");
        }
        if (template && !v.contains(DEVICE)) {
            return Optional.of("expected the placeholder " + DEVICE + " where the device id goes, got \"" + Text.printable(v) + "\"");
        }
        if (!template && v.contains(DEVICE)) {
            return Optional.of(DEVICE + " has no meaning here: the list is read once for all devices");
        }
        String sample = v.replace(DEVICE, "dev1");
        return switch (kind) {
            case FILE -> sample.startsWith("/") ? Optional.empty()
                    : Optional.of("expected an absolute path like \"/var/lib/gateway/online.json\", got \"" + Text.printable(v) + "\"");
            case URL -> HttpCheck.urlProblem(sample);
            case COMMAND -> Optional.empty();
        };
    }

    /** The source under {@code key}; call {@link #problems} first. @throws IllegalArgumentException when invalid */
    static DeviceSource read(Settings options, String key, boolean template) {
        List<ConfigProblem> problems = problems(options, key, template);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).key() + ": " + problems.get(0).message());
        }
        Map.Entry<?, ?> e = ((Map<?, ?>) options.asMap().get(key)).entrySet().iterator().next();
        return new DeviceSource(kind(String.valueOf(e.getKey())).orElseThrow(), String.valueOf(e.getValue()));
    }

    /** What is written in messages: {@code file /var/lib/gw/online.json}. */
    String shown() {
        return kind.name().toLowerCase(Locale.ROOT) + " " + Text.printable(value);
    }

    /** The command that prints the source's content (stdout and stderr), exiting with the tool's status. */
    String fetch(Platform platform) {
        return switch (kind) {
            case FILE -> "cat -- " + Shell.quote(value);
            case COMMAND -> "sh -c " + Shell.quote(value) + " udjat";
            case URL -> get(platform, Shell.quote(value));
        };
    }

    /**
     * The command that prints the content for the device id held in the shell variable
     * {@code idVariable} (e.g. {@code $d}, always a filtered id): the placeholder is
     * replaced by {@code "$1"} in a command (run as {@code sh -c 'TEMPLATE' udjat "$d"}), and the
     * path or URL is put together in the shell from its quoted parts and {@code $1}.
     */
    String fetchFor(Platform platform, String idVariable) {
        if (kind == Kind.COMMAND) {
            return "sh -c " + Shell.quote(value.replace(DEVICE, "\"$1\"")) + " udjat \"" + idVariable + "\"";
        }
        // one shell word from quoted pieces: 'http://h/d/'"$d"'/last'
        String[] parts = value.split(java.util.regex.Pattern.quote(DEVICE), -1);
        StringBuilder target = new StringBuilder(Shell.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            target.append('"').append(idVariable).append('"').append(Shell.quote(parts[i]));
        }
        return kind == Kind.FILE ? "cat -- " + target : get(platform, target.toString());
    }

    /** An HTTP GET printing the body, with the client each platform has, as the http check chooses it. */
    private static String get(Platform platform, String url) {
        int w = FETCH_SECONDS;
        String curl = "curl -q -sS -f -L --max-redirs 5 --max-time " + w + " " + url;
        return switch (platform) {
            case LINUX -> "if command -v curl >/dev/null 2>&1; then " + curl + "; else timeout -k 1 " + w
                    + " wget -q -O - -T " + w + " --tries=1 " + url + "; fi";
            case MACOS -> curl;
            case BUSYBOX -> "timeout " + w + " wget -q -O - " + url;
            case FREEBSD -> "fetch -q -o - -T " + w + " " + url;
            case OPENBSD -> "ftp -M -V -w " + w + " -o - " + url;
        };
    }
}
