package org.udjat.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium, started for one test with a fresh profile and every feature that
 * phones home turned off: host names resolve to nothing but 127.0.0.1, and anything else goes to a
 * proxy on a closed loopback port, so it can only ever reach 127.0.0.1. DevTools listens on a free
 * loopback port. Installed with {@code apt-get install -y chromium}.
 */
final class Chromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://127\\.0\\.0\\.1:\\d+/\\S+)");

    private final Path profile;
    private final Process process;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final URI devTools;

    private Chromium(Path profile) throws Exception {
        this.profile = profile;
        Path binary = find();
        List<String> command = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--disable-breakpad",
                "--metrics-recording-only", "--mute-audio", "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // its sockets and scratch files go beside the profile, into the test's folder, not /tmp
        Path scratch = Files.createDirectories(profile.resolveSibling(profile.getFileName() + "-tmp"));
        builder.environment().put("TMPDIR", scratch.toString());
        process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> readLog(endpoint), "chromium-log");
        reader.setDaemon(true);
        reader.start();
        try {
            devTools = endpoint.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("chromium did not start its DevTools server; it said: " + log, e);
        }
    }

    static Chromium start(Path profile) throws Exception {
        return new Chromium(profile);
    }

    private static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("chromium not found on the PATH; install it: apt-get install -y chromium");
    }

    private void readLog(CompletableFuture<URI> endpoint) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                log.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    endpoint.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            endpoint.completeExceptionally(e);
        }
        endpoint.completeExceptionally(new IllegalStateException("chromium exited"));
    }

    /** The browser's DevTools endpoint, on 127.0.0.1. */
    URI devTools() {
        return devTools;
    }

    /** What Chromium printed on stderr so far. */
    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        // links into /tmp that Chromium leaves in its profile; the profile itself goes with the test's folder
        for (String link : List.of("SingletonSocket", "SingletonLock", "SingletonCookie")) {
            try {
                Files.deleteIfExists(profile.resolve(link));
            } catch (IOException e) {
                // nothing else of ours is there
            }
        }
    }
}
