package org.udjat.watchdog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.udjat.api.Delivery;
import org.udjat.api.Notice;
import org.udjat.api.NoticeJson;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;

/** A small real notifier: POSTs the notice's JSON to the channel's {@code url}, for a room. */
public final class PostNotifier implements Notifier {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public String type() {
        return "post";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of("url");
    }

    @Override
    public boolean addressesPeople(Settings options) {
        return false;
    }

    @Override
    public Delivery send(Notice notice, Settings options, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.string("url", ""))).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NoticeJson.write(notice))).build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Delivery.ok() : Delivery.retryLater("HTTP " + status);
        } catch (IOException e) {
            return Delivery.retryLater("cannot connect: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retryLater("interrupted");
        }
    }
}
