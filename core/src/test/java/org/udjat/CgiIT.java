package org.udjat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.udjat.cli.Context;
import org.udjat.cli.ExitCode;
import org.udjat.cli.Main;
import org.udjat.testkit.LoopbackPort;

/**
 * The report on demand through a real web server: lighttpd with mod_cgi on 127.0.0.1, configured
 * with cgi-reports/lighttpd-udjat.conf, runs cgi-reports/udjat.cgi, which runs the udjat
 * launcher, for every request. The state comes from a real {@code udjat run}.
 */
class CgiIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    static Process lighttpd;
    static int port;
    static HttpClient client;

    @BeforeAll
    static void startWebServer() throws Exception {
        Path config = dir.resolve("udjat.yaml");
        Files.writeString(config, """
                state_dir: state
                report:
                  on_run: false
                hosts:
                  web1:
                    transport: local
                    checks:
                      - name: hostile
                        command: 'printf "%s\\n" "WARNING - <script>alert(1)</script> \\"quoted\\" | t=5s;4;8"; exit 1'
                      - name: fine
                        command: 'echo "OK - all good | n=1"'
                """);
        StringWriter err = new StringWriter();
        int exit = Main.execute(new Context(Map.of(), Clock.systemUTC(), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)), "run", "-c", config.toString());
        assertEquals(ExitCode.OK, exit, err.toString());

        port = LoopbackPort.free("127.0.0.1");
        Path conf = dir.resolve("lighttpd.conf");
        // the web server's own document root: empty, and nowhere near the state directory
        Path htdocs = Files.createDirectories(dir.resolve("htdocs"));
        Files.writeString(conf, """
                server.document-root = "%5$s"
                server.bind = "127.0.0.1"
                server.port = %2$d
                server.errorlog = "%1$s/lighttpd-error.log"
                var.udjat_home = "%3$s"
                var.udjat_config = "%4$s"
                include "%3$s/cgi-reports/lighttpd-udjat.conf"
                """.formatted(dir, port, REPO, config, htdocs));
        lighttpd = new ProcessBuilder("/usr/sbin/lighttpd", "-D", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("lighttpd.out").toFile()).start();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 100 && !listening(); i++) {
            Thread.sleep(100);
        }
        assertTrue(listening(), "lighttpd did not start: " + Files.readString(dir.resolve("lighttpd.out")));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (lighttpd != null) {
            lighttpd.destroy();
            lighttpd.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static boolean listening() {
        try (var s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOverviewIsRenderedOnRequest() throws Exception {
        HttpResponse<String> r = get("/udjat/");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
        assertTrue(r.body().contains("web1"), r.body());
        assertTrue(r.body().contains("hostile"), r.body());
    }

    @Test
    void aCheckPageShowsHostileOutputAsText() throws Exception {
        HttpResponse<String> r = get("/udjat/checks/web1/hostile.html");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), r.body());
        assertFalse(r.body().contains("<script>alert(1)"), r.body());
    }

    @Test
    void theStylesheetComesAsCss() throws Exception {
        HttpResponse<String> r = get("/udjat/udjat.css");
        assertEquals(200, r.statusCode());
        assertEquals("text/css; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/udjat/nope.html", "/udjat/hosts/..%2f..%2f..%2fetc%2fpasswd", "/udjat/hosts/%2e%2e/%2e%2e/state/status.json",
        "/udjat/..%2fstate%2fstatus.json", "/udjat/checks/web1/hostile.html%00.png", "/udjat/hosts/web1.html/../../udjat.yaml",
        "/udjat//etc/passwd", "/udjat/hosts/WEB1.html"})
    void anythingButAPageOfTheReportIsNotFound(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + ": " + r.statusCode() + " " + r.body());
        assertFalse(r.body().contains("root:"), r.body());
        assertFalse(r.body().contains("\"hosts\""), r.body());
        assertFalse(r.body().contains("state_dir"), r.body());
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/udjat/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode(), r.body());
        assertEquals(List.of("GET, HEAD"), r.headers().allValues("allow"));
    }
}
