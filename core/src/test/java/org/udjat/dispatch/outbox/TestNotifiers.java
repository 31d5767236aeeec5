package org.udjat.dispatch.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.NoticeJson;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;

/** Small real notifiers for the outbox's tests. */
final class TestNotifiers {
    private TestNotifiers() {
    }

    /** POSTs the notice's JSON to {@code url}: 2xx delivered, 4xx rejected, anything else worth a retry. */
    static final class HttpPost implements Notifier {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        @Override
        public String type() {
            return "post";
        }

        @Override
        public Delivery send(Notice notice, Settings options, Duration timeout) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(options.string("url", "")))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(NoticeJson.write(notice)))
                    .build();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return Delivery.ok();
                }
                return status / 100 == 4 ? Delivery.rejected("HTTP " + status) : Delivery.retryLater("HTTP " + status);
            } catch (HttpTimeoutException e) {
                return Delivery.retryLater("timed out");
            } catch (IOException e) {
                return Delivery.retryLater("cannot connect: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.retryLater("interrupted");
            }
        }
    }

    /** Throws from every send. */
    static final class Throwing implements Notifier {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String type() {
            return "throwing";
        }

        @Override
        public Delivery send(Notice notice, Settings options, Duration timeout) {
            calls.incrementAndGet();
            throw new IllegalStateException("plugin bug");
        }
    }

    /** Returns null, which a notifier must never do. */
    static final class ReturnsNull implements Notifier {
        @Override
        public String type() {
            return "null";
        }

        @Override
        public Delivery send(Notice notice, Settings options, Duration timeout) {
            return null;
        }
    }

    /** Blocks until released, ignoring its timeout and every interrupt. */
    static final class Hanging implements Notifier {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String type() {
            return "hanging";
        }

        @Override
        public Delivery send(Notice notice, Settings options, Duration timeout) {
            calls.incrementAndGet();
            while (true) {
                try {
                    release.await();
                    return Delivery.ok();
                } catch (InterruptedException ignored) {
                    // a badly written plugin: swallows the interrupt and goes on waiting
                }
            }
        }
    }
}
