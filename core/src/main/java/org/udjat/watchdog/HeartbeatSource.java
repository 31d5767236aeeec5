package org.udjat.watchdog;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.udjat.config.HostSpec;
import org.udjat.config.Secret;
import org.udjat.config.SshSettings;
import org.udjat.config.WatchdogSettings;
import org.udjat.poll.Execution;
import org.udjat.poll.SshTransport;

/**
 * Reads the watched poller's {@code heartbeat.json}: over HTTP(S) from its report, or over one SSH session with
 * udjat's own {@link SshTransport} (public key, host key checked against known_hosts, never trusted on first
 * use) running {@code cat} on the file. Bounded by the watchdog's {@code timeout}, measured on the system's
 * clock. Never throws for the network or the poller: the answer says what went wrong.
 */
final class HeartbeatSource {
    /** The most read from the source: a heartbeat is a few kilobytes. */
    static final int CAP = 1 << 20;

    private final WatchdogSettings settings;

    HeartbeatSource(WatchdogSettings settings) {
        this.settings = settings;
    }

    /**
     * What a read brought.
     *
     * @param content the file's bytes, null when it could not be read
     * @param problem why it could not be read, empty when it was
     */
    record Fetched(byte[] content, String problem) {
        static Fetched failed(String problem) {
            return new Fetched(null, problem);
        }
    }

    Fetched fetch() {
        return settings.heartbeatUrl() != null ? overHttp() : overSsh();
    }

    private Fetched overHttp() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(settings.heartbeatUrl()).timeout(settings.timeout())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return Fetched.failed(settings.heartbeatUrl() + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(CAP + 1);
                if (bytes.length > CAP) {
                    return Fetched.failed(settings.heartbeatUrl() + " sent more than 1 MiB: not a heartbeat");
                }
                return new Fetched(bytes, "");
            }
        } catch (HttpTimeoutException e) {
            return Fetched.failed(settings.heartbeatUrl() + ": no answer within " + settings.timeout().toSeconds() + "s");
        } catch (IOException e) {
            return Fetched.failed(settings.heartbeatUrl() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetched.failed(settings.heartbeatUrl() + ": interrupted");
        }
    }

    private Fetched overSsh() {
        WatchdogSettings.Ssh ssh = settings.ssh();
        SshSettings login = new SshSettings(ssh.user(), ssh.identityFile(), Secret.NONE, ssh.knownHosts(), false,
                settings.timeout(), settings.timeout());
        HostSpec poller = new HostSpec(ssh.host(), ssh.host(), ssh.port(), HostSpec.Transport.SSH, null, List.of(),
                List.of(), login, List.of());
        byte[] script = ("cat -- " + quoted(settings.heartbeatFile()) + "\n").getBytes(StandardCharsets.UTF_8);
        Clock real = Clock.systemUTC();
        Execution run;
        try (SshTransport transport = new SshTransport(real)) {
            run = transport.execute(poller, script, Instant.now(real).plus(settings.timeout()));
        }
        if (!run.reached()) {
            return Fetched.failed(run.reason());
        }
        if (!run.completed() || run.exitStatus() != 0) {
            return Fetched.failed("cat " + settings.heartbeatFile() + " on " + ssh.host() + ": " + run.reason());
        }
        if (run.stdout().length > CAP) {
            return Fetched.failed(settings.heartbeatFile() + " on " + ssh.host() + " is larger than 1 MiB: not a heartbeat");
        }
        return new Fetched(run.stdout(), "");
    }

    /** The path as one sh word: single-quoted, with its own single quotes written as {@code '\''}. */
    static String quoted(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }
}
