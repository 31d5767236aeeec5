package org.udjat.notify.sms;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.udjat.api.Notifier;
import org.udjat.api.Settings;
import org.udjat.notify.webhook.http.RecordingServer;
import org.udjat.testkit.NotifierContract;
import org.udjat.testkit.SilentListener;

/** The sms notifier against the compatibility kit, with a real HTTP gateway on 127.0.0.1. */
class SmsContractTest extends NotifierContract {
    private static RecordingServer gateway;
    private static SilentListener silent;

    @BeforeAll
    static void start() throws Exception {
        gateway = RecordingServer.start().answer("/fail", 500, "gateway error");
        silent = SilentListener.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        silent.close();
    }

    @Override
    protected Notifier notifier() {
        return new SmsNotifier(Map.of());
    }

    @Override
    protected Settings workingOptions() {
        return Settings.of(Map.of("url", gateway.url("/send?to={phone}"), "body", "id={id}&text={text}"));
    }

    @Override
    protected Settings failingOptions() {
        return Settings.of(Map.of("url", gateway.url("/fail?to={phone}&text={text}"), "method", "GET"));
    }

    @Override
    protected Settings hangingOptions() {
        return Settings.of(Map.of("url", "http://127.0.0.1:" + silent.port() + "/send?to={phone}&text={text}"));
    }

    @Override
    protected List<Settings> invalidOptions() {
        return SmsOptionsTest.invalid().map(a -> (Settings) a.get()[0]).toList();
    }

    /** What the gateway got, form-decoded, as a person would read it. */
    @Override
    protected List<String> received() {
        return gateway.requests("/send").stream()
                .map(r -> URLDecoder.decode(r.rawQuery() + "&" + r.body(), StandardCharsets.UTF_8))
                .toList();
    }
}
