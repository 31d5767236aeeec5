package org.udjat.notify.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Settings;
import org.udjat.notify.webhook.http.HeaderTemplates;
import org.udjat.notify.webhook.http.HttpOptions;
import org.udjat.notify.webhook.http.Template;

/** The sms notifier's own options (beyond url, headers and trust_file) and their checks. */
final class SmsOptions {
    static final String METHOD = "method";
    static final String BODY = "body";
    static final String CONTENT_TYPE = "content_type";
    static final String USERNAME = "username";
    static final String PASSWORD_ENV = "password_env";
    static final String PASSWORD_FILE = "password_file";
    static final String MAX_LENGTH = "max_length";
    static final String SUCCESS_PATTERN = "success_pattern";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";
    static final Set<String> PLACEHOLDERS = Set.of("phone", "text", "subject", "id", "severity");
    static final int DEFAULT_MAX_LENGTH = 160;
    private static final int MIN_LENGTH = 20;
    private static final int MAX_LENGTH_LIMIT = 10_000;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SmsOptions() {
    }

    static void validate(Settings options, List<ConfigProblem> problems) {
        HttpOptions.oneOf(options, METHOD, List.of("get", "post"), problems);
        HttpOptions.oneOf(options, CONTENT_TYPE, List.of(FORM, JSON), problems);
        boolean get = "get".equalsIgnoreCase(options.string(METHOD, "post"));
        for (String key : List.of(BODY, CONTENT_TYPE)) {
            if (get && options.has(key)) {
                problems.add(new ConfigProblem(key, "expected method POST with " + key + ", got method GET"));
            }
        }
        Object body = options.asMap().get(BODY);
        if (body != null && !(body instanceof String)) {
            problems.add(new ConfigProblem(BODY, "expected a text with placeholders like {text}, got \"" + body + "\""));
        } else if (body != null) {
            List<String> unknown = Template.unknown((String) body, PLACEHOLDERS);
            if (!unknown.isEmpty()) {
                problems.add(new ConfigProblem(BODY, "expected placeholders among {id}, {phone}, {severity}, {subject}, {text}, got "
                        + String.join(", ", unknown)));
            } else if (isJson(options) && parse(fill((String) body, sample(), true)) == null) {
                problems.add(new ConfigProblem(BODY, "expected JSON once the placeholders are filled in, each placeholder"
                        + " inside quotes like {\"to\": \"{phone}\"}, got " + body));
            }
        }
        validateAuth(options, problems);
        Object max = options.asMap().get(MAX_LENGTH);
        if (max != null && maxLength(options) < 0) {
            problems.add(new ConfigProblem(MAX_LENGTH, "expected a whole number of characters from " + MIN_LENGTH + " to "
                    + MAX_LENGTH_LIMIT + ", got \"" + max + "\""));
        }
        Object pattern = options.asMap().get(SUCCESS_PATTERN);
        if (pattern != null) {
            try {
                Pattern.compile(String.valueOf(pattern));
            } catch (PatternSyntaxException e) {
                problems.add(new ConfigProblem(SUCCESS_PATTERN, "expected a regular expression, got \"" + pattern + "\": "
                        + e.getDescription()));
            }
        }
    }

    private static void validateAuth(Settings options, List<ConfigProblem> problems) {
        Object user = options.asMap().get(USERNAME);
        boolean env = options.has(PASSWORD_ENV);
        boolean file = options.has(PASSWORD_FILE);
        if (user != null && (!(user instanceof String u) || u.isEmpty() || u.contains(":") || !u.equals(SmsText.oneLine(u)))) {
            problems.add(new ConfigProblem(USERNAME, "expected a user name without \":\" or control characters, got \"" + user + "\""));
        }
        Object var = options.asMap().get(PASSWORD_ENV);
        if (var != null && !VARIABLE.matcher(String.valueOf(var)).matches()) {
            problems.add(new ConfigProblem(PASSWORD_ENV, "expected the name of an environment variable like SMS_PASSWORD, got \""
                    + var + "\""));
        }
        HttpOptions.path(options, PASSWORD_FILE, problems);
        if (user != null && !env && !file) {
            problems.add(new ConfigProblem(USERNAME, "expected password_env or password_file with username, got neither"));
        } else if (env && file) {
            problems.add(new ConfigProblem(PASSWORD_FILE, "expected password_env or password_file, got both"));
        } else if (user == null && (env || file)) {
            problems.add(new ConfigProblem(env ? PASSWORD_ENV : PASSWORD_FILE, "expected username with a password, got no username"));
        }
        if (user != null && HeaderTemplates.has(options, "Authorization")) {
            problems.add(new ConfigProblem(HeaderTemplates.KEY, "expected username or an Authorization header, got both"));
        }
    }

    static boolean isJson(Settings options) {
        return JSON.equals(options.string(CONTENT_TYPE, FORM).toLowerCase(Locale.ROOT));
    }

    /** {@code max_length}, or -1 when it is not a whole number in range. */
    static int maxLength(Settings options) {
        Object v = options.asMap().getOrDefault(MAX_LENGTH, DEFAULT_MAX_LENGTH);
        try {
            int n = v instanceof Number num && num.doubleValue() == num.intValue() ? num.intValue()
                    : v instanceof String s ? Integer.parseInt(s.strip()) : -1;
            return n >= MIN_LENGTH && n <= MAX_LENGTH_LIMIT ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body template filled in, each value encoded for the content type. */
    static String fill(String template, Map<String, String> values, boolean json) {
        UnaryOperator<String> encode = json
                ? v -> new String(JsonStringEncoder.getInstance().quoteAsString(v))
                : v -> URLEncoder.encode(v, StandardCharsets.UTF_8);
        return Template.fill(template, values, encode);
    }

    /** The JSON document, or null when the text is not exactly one. */
    static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Values that need escaping in every format, to check a template with. */
    private static Map<String, String> sample() {
        String hard = "\"quote\" back\\slash & = ? # \n ü";
        return Map.of("phone", "+15550100", "text", hard, "subject", hard, "id", "id-1", "severity", "CRITICAL");
    }
}
