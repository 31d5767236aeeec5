package org.udjat.notify.webhook.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code {name}} placeholders, as in a gateway URL ({@code ?to={phone}&text={text}}).
 * Filled in one pass, so a value that itself contains {@code {phone}} is never filled again.
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private Template() {
    }

    /** The template with each known placeholder replaced by its value, encoded; unknown ones stay as written. */
    public static String fill(String template, Map<String, String> values, UnaryOperator<String> encode) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : encode.apply(value)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The placeholders in the template that are not among {@code known}, sorted. */
    public static List<String> unknown(String template, Set<String> known) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                found.add("{" + m.group(1) + "}");
            }
        }
        return List.copyOf(found);
    }

    /** Percent-encoding for a URL's path segment or query value: only letters, digits and {@code -._*} stay as they are. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
