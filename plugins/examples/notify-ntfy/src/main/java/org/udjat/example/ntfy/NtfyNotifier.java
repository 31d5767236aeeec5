package org.udjat.example.ntfy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.api.Text;

/**
 * {@code type: ntfy}: posts each message to a topic of an <a href="https://ntfy.sh">ntfy</a>-compatible
 * push server, which forwards it to the phones subscribed to the topic. The text is the body;
 * the subject, the urgency and tags travel in the {@code Title}, {@code Priority} and
 * {@code Tags} headers.
 */
@Extension
public final class NtfyNotifier implements Notifier {
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_+-]{1,64}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]*");
    /** ntfy keeps longer messages as attachments rather than showing them. */
    static final int MAX_BODY_BYTES = 4096;
    static final int MAX_TITLE = 250;

    @Override
    public String type() {
        return "ntfy";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of("server", "topic", "token_env", "tags");
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        String server = serverProblem(options.asMap().get("server"));
        if (server != null) {
            problems.add(new ConfigProblem("server", "expected a URL like \"https://ntfy.example.org\", got " + server));
        }
        Object topic = options.asMap().get("topic");
        if (!(topic instanceof String t) || !TOPIC.matcher(t).matches()) {
            problems.add(new ConfigProblem("topic", "expected a topic name of letters, digits, - and _, got " + quote(topic)));
        }
        Object tokenEnv = options.asMap().get("token_env");
        if (tokenEnv != null && !(tokenEnv instanceof String v && VARIABLE.matcher(v).matches())) {
            problems.add(new ConfigProblem("token_env", "expected an environment variable name like NTFY_TOKEN, got " + quote(tokenEnv)));
        }
        Object tags = options.asMap().get("tags");
        if (tags != null && !(tags instanceof List<?> list && list.stream().allMatch(x -> x instanceof String g && TAG.matcher(g).matches()))) {
            problems.add(new ConfigProblem("tags", "expected a list of words like [udjat, prod], got " + quote(tags)));
        }
        return problems;
    }

    /** A topic is a place: everyone subscribed reads the one message. */
    @Override
    public boolean addressesPeople(Settings options) {
        return false;
    }

    @Override
    public Delivery send(Notice notice, Settings options, Duration timeout) {
        List<ConfigProblem> problems = validate(options);
        if (!problems.isEmpty()) {
            return Delivery.rejected("bad options: " + problems.get(0).key() + ": " + problems.get(0).message());
        }
        URI uri = URI.create(options.string("server", "").replaceAll("/+$", "") + "/" + options.string("topic", ""));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Priority", notice.urgency() == Notice.Urgency.PAGE ? "urgent" : "default")
                .POST(HttpRequest.BodyPublishers.ofString(body(notice.text()), StandardCharsets.UTF_8));
        if (!notice.subject().isBlank()) {
            request.header("Title", headerValue(Text.printable(notice.subject()), MAX_TITLE));
        }
        List<String> tags = tags(notice, options);
        if (!tags.isEmpty()) {
            request.header("Tags", String.join(",", tags));
        }
        if (notice.reportUrl() != null && notice.reportUrl().matches("https?://[\\x21-\\x7e]+")) {
            request.header("Click", notice.reportUrl());
        }
        String tokenEnv = options.string("token_env").orElse(null);
        if (tokenEnv != null) {
            // the secret comes from udjat's environment at send time; it never appears in a reason
            String token = System.getenv(tokenEnv);
            if (token == null || token.isBlank()) {
                return Delivery.rejected("token_env: " + tokenEnv + " is not set in udjat's environment");
            }
            if (!PRINTABLE_ASCII.matcher(token).matches()) {
                return Delivery.rejected("token_env: " + tokenEnv + " holds characters no HTTP header can carry");
            }
            request.header("Authorization", "Bearer " + token.strip());
        }
        return post(uri, request.build(), timeout);
    }

    private static Delivery post(URI uri, HttpRequest request, Duration timeout) {
        // a client per message keeps the notifier stateless; messages are few, connections not worth pooling
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            // the whole exchange, connecting included, ends by the deadline
            HttpResponse<String> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return delivery(uri, response.statusCode(), response.body());
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Delivery.retryLater(uri + ": no answer within " + timeout.toMillis() + "ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return Delivery.retryLater(uri + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException || cause instanceof ConnectException || cause instanceof IOException) {
                return Delivery.retryLater(uri + ": " + cause.getClass().getSimpleName() + ": " + Text.printable(String.valueOf(cause.getMessage())));
            }
            return Delivery.rejected(uri + ": " + Text.printable(String.valueOf(cause)));
        }
    }

    /** 2xx is delivered; a busy or failing server is worth retrying; any other answer will not change by waiting. */
    static Delivery delivery(URI uri, int status, String body) {
        if (status / 100 == 2) {
            return Delivery.ok();
        }
        String excerpt = Text.printable(body.strip());
        String reason = uri + " answered " + status + (excerpt.isEmpty() ? "" : ": " + (excerpt.length() > 200 ? excerpt.substring(0, 200) : excerpt));
        return status == 408 || status == 429 || status / 100 == 5 ? Delivery.retryLater(reason) : Delivery.rejected(reason);
    }

    /** The channel's tags, then the severity in lower case (ntfy shows tags that name emojis as emojis). */
    private static List<String> tags(Notice notice, Settings options) {
        List<String> tags = new ArrayList<>(options.strings("tags"));
        String severity = notice.severity().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
        if (!severity.isEmpty()) {
            tags.add(severity);
        }
        return tags;
    }

    /**
     * A header value that cannot break the request: text from a monitored host may hold CR/LF (made
     * {@code ?} by {@link Text#printable} already) or letters outside ASCII, which go RFC 2047 encoded
     * as ntfy reads them.
     */
    static String headerValue(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) : text;
        if (PRINTABLE_ASCII.matcher(cut).matches()) {
            return cut;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(cut.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** The text with control characters other than line breaks made {@code ?}, cut to what ntfy shows. */
    static String body(String text) {
        String clean = text.codePoints()
                .map(c -> c == '\n' || !Character.isISOControl(c) ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        ByteBuffer room = ByteBuffer.allocate(MAX_BODY_BYTES - 3);   // 3 bytes for the "…"
        CharBuffer rest = CharBuffer.wrap(clean);
        StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).encode(rest, room, true);
        return rest.hasRemaining() ? clean.substring(0, rest.position()) + "…" : clean;
    }

    /** What is wrong with a server URL, or null. A URL with credentials is not quoted back. */
    private static String serverProblem(Object server) {
        if (!(server instanceof String text)) {
            return quote(server);
        }
        try {
            URI uri = new URI(text);
            if (uri.getUserInfo() != null) {
                return "a URL with credentials; name an environment variable with token_env instead";
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return quote(text);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return quote(text) + "; the topic is its own option";
            }
            return null;
        } catch (URISyntaxException e) {
            return quote(text);
        }
    }

    private static String quote(Object value) {
        return value == null ? "nothing" : "\"" + Text.printable(String.valueOf(value)) + "\"";
    }
}
