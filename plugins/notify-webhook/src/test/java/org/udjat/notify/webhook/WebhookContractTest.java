package org.udjat.notify.webhook;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.notify.webhook.http.RecordingServer;
import org.udjat.testkit.NotifierContract;
import org.udjat.testkit.SilentListener;

/** The webhook notifier against the compatibility kit, with a real HTTP server on 127.0.0.1. */
class WebhookContractTest extends NotifierContract {
    private static RecordingServer server;
    private static SilentListener silent;

    @BeforeAll
    static void start() throws Exception {
        server = RecordingServer.start().answer("/fail", 500, "internal error");
        silent = SilentListener.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        silent.close();
    }

    @Override
    protected Notifier notifier() {
        return new WebhookNotifier(Map.of());
    }

    @Override
    protected Settings workingOptions() {
        return Settings.of(Map.of("url", server.url("/hook"), "preset", "plain"));
    }

    @Override
    protected Settings failingOptions() {
        return Settings.of(Map.of("url", server.url("/fail")));
    }

    @Override
    protected Settings hangingOptions() {
        return Settings.of(Map.of("url", "http://127.0.0.1:" + silent.port() + "/hook"));
    }

    @Override
    protected List<Settings> invalidOptions() {
        return WebhookOptionsTest.invalid().map(a -> (Settings) a.get()[0]).toList();
    }

    @Override
    protected List<String> received() {
        return server.requests("/hook").stream().map(RecordingServer.Request::body).toList();
    }
}
