package org.udjat.notify.webhook.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.udjat.api.Delivery;

/**
 * Sends one request and turns the outcome into a {@link Delivery}: 2xx is delivered; 408, 425,
 * 429, 5xx, a refused connection and a timeout are worth retrying; a redirect (never followed)
 * and any other status are rejected. The whole exchange, connect to last byte read, ends
 * within the timeout. Reasons name the server by host and port only: a webhook URL's path
 * often is its secret.
 */
public final class HttpDelivery {
    /** What is read of a response at most: enough for a success pattern and an excerpt. */
    private static final int BODY_CAP = 64 * 1024;
    private static final int EXCERPT = 200;

    private HttpDelivery() {
    }

    /**
     * Sends the request within {@code timeout}.
     *
     * @param success when present, a 2xx answer counts as delivered only if its body contains a match
     */
    public static Delivery send(HttpRequest.Builder request, Optional<Path> trustFile, Duration timeout,
                                Optional<Pattern> success) {
        if (timeout.isNegative() || timeout.isZero()) {
            return Delivery.retryLater("no time left to send");
        }
        HttpRequest built = request.timeout(timeout).build();
        String where = where(built.uri());
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        try {
            if (trustFile.isPresent()) {
                client.sslContext(TrustFile.context(trustFile.get()));
            }
        } catch (Unsendable e) {
            return Delivery.rejected(e.getMessage());
        }
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.build().sendAsync(built, info -> new CappedBody(BODY_CAP));
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return judge(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), where, success);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return Delivery.retryLater("no answer from " + where + " within " + seconds(timeout));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return Delivery.retryLater("interrupted while sending to " + where);
        } catch (ExecutionException | CompletionException e) {
            return failed(e.getCause() == null ? e : e.getCause(), where, timeout);
        }
    }

    /** What a status and body mean for the delivery. */
    static Delivery judge(int status, String body, String where, Optional<Pattern> success) {
        String said = "HTTP " + status + " from " + where;
        String excerpt = excerpt(body);
        String withExcerpt = excerpt.isEmpty() ? said : said + ": " + excerpt;
        if (status >= 200 && status < 300) {
            if (success.isPresent() && !success.get().matcher(body).find()) {
                return Delivery.rejected(said + " does not match success_pattern " + success.get().pattern()
                        + (excerpt.isEmpty() ? "" : ": " + excerpt));
            }
            return Delivery.ok();
        }
        if (status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600)) {
            return Delivery.retryLater(withExcerpt);
        }
        if (status >= 300 && status < 400) {
            return Delivery.rejected(said + ": redirects are not followed; set url to the address it redirects to");
        }
        return Delivery.rejected(withExcerpt);
    }

    private static Delivery failed(Throwable cause, String where, Duration timeout) {
        if (cause instanceof HttpConnectTimeoutException) {
            return Delivery.retryLater("cannot connect to " + where + " within " + seconds(timeout));
        }
        if (cause instanceof HttpTimeoutException) {
            return Delivery.retryLater("no answer from " + where + " within " + seconds(timeout));
        }
        if (cause instanceof SSLException) {
            return Delivery.rejected("TLS with " + where + " failed: " + cause.getMessage()
                    + " (a private CA is trusted with trust_file)");
        }
        if (cause instanceof ConnectException) {
            return Delivery.retryLater("cannot connect to " + where + ": "
                    + (cause.getMessage() == null ? "connection refused" : cause.getMessage()));
        }
        if (cause instanceof IOException) {
            return Delivery.retryLater("sending to " + where + " failed: " + describe(cause));
        }
        return Delivery.rejected("the request to " + where + " could not be made: " + describe(cause));
    }

    /** The first characters of a response body, on one line, without control characters. */
    static String excerpt(String body) {
        String line = body.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\s]+", " ").strip();
        if (line.length() <= EXCERPT) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(EXCERPT - 1)) ? EXCERPT - 1 : EXCERPT;
        return line.substring(0, end) + "…";
    }

    private static String where(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
