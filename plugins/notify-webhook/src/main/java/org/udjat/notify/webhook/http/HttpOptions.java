package org.udjat.notify.webhook.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;

/** Checks of the options every HTTP notifier has, each adding its problems to a list. */
public final class HttpOptions {
    public static final String URL = "url";
    public static final String TRUST_FILE = "trust_file";

    private HttpOptions() {
    }

    /**
     * {@code url}: required, http or https, with no placeholders other than {@code placeholders}.
     * Placeholders are filled with a sample value before the URL is parsed.
     */
    public static void url(Settings options, Set<String> placeholders, List<ConfigProblem> problems) {
        Object raw = options.asMap().get(URL);
        if (raw == null) {
            problems.add(new ConfigProblem(URL, "expected an http or https URL, got nothing; url is required"));
            return;
        }
        String url = String.valueOf(raw);
        List<String> unknown = raw instanceof String ? Template.unknown(url, placeholders) : List.of();
        if (!unknown.isEmpty()) {
            problems.add(new ConfigProblem(URL, "expected placeholders among " + braced(placeholders) + ", got "
                    + String.join(", ", unknown)));
        } else if (!(raw instanceof String) || !isHttpUrl(fillSamples(url, placeholders))) {
            problems.add(new ConfigProblem(URL, "expected an http or https URL like \"https://chat.example/hooks/x\", got \""
                    + HeaderTemplates.printable(url) + "\""));
        }
    }

    /** The template with each of {@code placeholders} filled with a sample value. */
    public static String fillSamples(String template, Set<String> placeholders) {
        return Template.fill(template, placeholders.stream().collect(Collectors.toMap(Function.identity(), p -> "x")),
                UnaryOperator.identity());
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** An optional {@code true}/{@code false} option. */
    public static void bool(Settings options, String key, List<ConfigProblem> problems) {
        Object v = options.asMap().get(key);
        if (v != null && !(v instanceof Boolean)) {
            problems.add(new ConfigProblem(key, "expected true or false, got \"" + v + "\""));
        }
    }

    /** An optional option with one of a few values (compared without case). */
    public static void oneOf(Settings options, String key, List<String> allowed, List<ConfigProblem> problems) {
        Object v = options.asMap().get(key);
        if (v != null && (!(v instanceof String s) || !allowed.contains(s.toLowerCase(Locale.ROOT)))) {
            problems.add(new ConfigProblem(key, "expected one of " + String.join(", ", allowed) + ", got \"" + v + "\""));
        }
    }

    /** An optional option that is a path; the file itself is read at send time, where it is used. */
    public static void path(Settings options, String key, List<ConfigProblem> problems) {
        Object v = options.asMap().get(key);
        if (v != null && (!(v instanceof String s) || s.isBlank())) {
            problems.add(new ConfigProblem(key, "expected a file path, got \"" + v + "\""));
        }
    }

    /** {@code trust_file}, when given. */
    public static Optional<Path> trustFile(Settings options) {
        return options.string(TRUST_FILE).map(Path::of);
    }

    private static String braced(Set<String> names) {
        return names.isEmpty() ? "none" : names.stream().sorted().map(n -> "{" + n + "}").collect(Collectors.joining(", "));
    }
}
