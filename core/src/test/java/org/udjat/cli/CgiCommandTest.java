package org.udjat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code udjat cgi} in-process: the CGI answer for what PATH_INFO names, from a real run's state. */
class CgiCommandTest {
    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void runOnce() throws Exception {
        config = dir.resolve("udjat.yaml");
        Files.writeString(config, """
                state_dir: state
                report:
                  on_run: false
                hosts:
                  web1:
                    transport: local
                    checks:
                      - name: hostile
                        command: 'echo "CRITICAL - <img src=x onerror=alert(1)>"; exit 2'
                      - name: space
                        command: 'echo "OK - fine | /=42B;80;90;0;100"'
                """);
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.OK, Main.execute(new Context(Map.of(), Clock.systemUTC(), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)), "run", "-c", config.toString()), err.toString());
    }

    private String cgi(String method, String pathInfo) {
        Map<String, String> env = new HashMap<>();
        env.put("REQUEST_METHOD", method);
        if (pathInfo != null) {
            env.put("PATH_INFO", pathInfo);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new Context(env, Clock.systemUTC(), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), bytes), "cgi", "-c", config.toString());
        assertEquals(ExitCode.OK, exit, err.toString());
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noPathIsTheOverview() {
        String answer = cgi("GET", null);
        assertTrue(answer.startsWith("Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"), answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertTrue(body.contains("web1"), body);
        int length = Integer.parseInt(answer.replaceAll("(?s).*Content-Length: (\\d+)\r\n.*", "$1"));
        assertEquals(length, body.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aCheckPageEscapesItsOutput() {
        String answer = cgi("GET", "/checks/web1/hostile.html");
        assertTrue(answer.startsWith("Status: 200 OK"), answer);
        assertTrue(answer.contains("&lt;img src=x onerror=alert(1)&gt;"), answer);
        assertFalse(answer.contains("<img src=x"), answer);
    }

    @Test
    void aGraphIsDrawnOnRequestFromItsRrdFile() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("REQUEST_METHOD", "GET", "PATH_INFO", "/graphs/web1/space/~2F-day.png");
        StringWriter err = new StringWriter();
        Main.execute(new Context(env, Clock.systemUTC(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                bytes), "cgi", "-c", config.toString());
        byte[] answer = bytes.toByteArray();
        String head = new String(answer, 0, Math.min(answer.length, 200), StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("Status: 200 OK\r\nContent-Type: image/png\r\n"), head + err);
        int body = head.indexOf("\r\n\r\n") + 4;
        assertEquals((byte) 0x89, answer[body]);
        assertEquals("PNG", new String(answer, body + 1, 3, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/graphs/web1/space/~2F-decade.png", "/graphs/web1/space/nolabel-day.png", "/graphs/web1/space/../space/~2F-day.png",
        "/graphs/web2/space/~2F-day.png", "/graphs/web1/space/~2F-day.png/x", "/graphs/web1/hostile/~2F-day.png"})
    void aGraphThatIsNotOneOfTheStatusIsNotFound(String path) {
        String answer = cgi("GET", path);
        assertTrue(answer.startsWith("Status: 404 Not Found\r\n"), answer);
    }

    @Test
    void headHasHeadersOnly() {
        String answer = cgi("HEAD", "/index.html");
        assertTrue(answer.startsWith("Status: 200 OK"), answer);
        assertTrue(answer.endsWith("\r\n\r\n"), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../udjat.yaml", "/hosts/../../udjat.yaml", "/state/status.json", "/hosts/web1.html/", "/hosts",
        "/checks/web1/../../../etc/passwd", "/index.html\0", "/hosts/web1.htm", "//index.html"})
    void whatIsNotAPageIsNotFound(String path) {
        String answer = cgi("GET", path);
        assertTrue(answer.startsWith("Status: 404 Not Found\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\nno such page\n"), answer);
    }

    @Test
    void otherMethodsAreRefused() {
        String answer = cgi("DELETE", "/index.html");
        assertTrue(answer.startsWith("Status: 405 Method Not Allowed\r\n"), answer);
        assertTrue(answer.contains("Allow: GET, HEAD\r\n"), answer);
    }

    @Test
    void aBrokenConfigIsA500WithoutDetailsForTheVisitor() throws Exception {
        Files.writeString(config, "hosts: [\n");
        Map<String, String> env = Map.of("REQUEST_METHOD", "GET", "PATH_INFO", "/index.html");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Main.execute(new Context(env, Clock.systemUTC(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), bytes),
                "cgi", "-c", config.toString());
        String answer = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("Status: 500 Internal Server Error\r\n"), answer);
        assertFalse(answer.contains("udjat.yaml:"), answer);
        assertTrue(err.toString().contains("udjat.yaml:"), err.toString());
    }
}
