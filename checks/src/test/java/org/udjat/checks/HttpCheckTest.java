package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.Fixtures;

class HttpCheckTest {
    private static final String URL = "http://web1:8080/health";
    private static final Settings WEB = options("url", URL, "request_timeout", "2s");
    private final HttpCheck check = new HttpCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http/debian12-curl-200.txt                  | OK       | HTTP OK - 200 from http://web1:8080/health in 2.5ms (12 B)",
        "http/debian12-wget-200.txt                  | OK       | HTTP OK - 200 OK from http://web1:8080/health in 11ms (12 B)",
        "http/busybox-1.35-wget-200.txt              | OK       | HTTP OK - 200 OK from http://web1:8080/health in 10ms (12 B)",
        "http/freebsd-fetch-200.txt                  | OK       | HTTP OK - 200 from http://web1:8080/health in 50ms (12 B)",
        "http/openbsd-ftp-200.txt                    | OK       | HTTP OK - 200 from http://web1:8080/health in 80ms (12 B)",
        "http/macos-curl-decimal-comma.txt           | OK       | HTTP OK - 200 from http://web1:8080/health in 46.5ms (512 B)",
        "http/debian12-curl-redirect.txt             | OK       | HTTP OK - 200 from http://web1:8080/health in 46.1ms (12 B)",
        "http/debian12-wget-redirect.txt             | OK       | HTTP OK - 200 OK from http://web1:8080/health in 54.7ms (12 B)",
        "http/busybox-1.35-wget-redirect.txt         | OK       | HTTP OK - 200 OK from http://web1:8080/health in 10ms (12 B)",
        "http/debian12-curl-https-insecure.txt       | OK       | HTTP OK - 200 from http://web1:8080/health in 249.8ms (10 B)",
        "http/debian12-curl-500.txt                  | CRITICAL | HTTP CRITICAL - 500 from http://web1:8080/health in 5.7ms (expected 200-399)",
        "http/debian12-wget-500.txt                  | CRITICAL | HTTP CRITICAL - 500 Internal Server Error from http://web1:8080/health in 35.1ms (expected 200-399)",
        "http/busybox-1.35-wget-500.txt              | CRITICAL | HTTP CRITICAL - 500 Internal Server Error from http://web1:8080/health in 30ms (expected 200-399)",
        "http/freebsd-fetch-404.txt                  | CRITICAL | HTTP CRITICAL - 404 from http://web1:8080/health in 10ms (expected 200-399)",
        "http/openbsd-ftp-500.txt                    | CRITICAL | HTTP CRITICAL - 500 Internal Server Error from http://web1:8080/health in 20ms (expected 200-399)",
        "http/body-forging-metadata.txt              | CRITICAL | HTTP CRITICAL - 500 from http://web1:8080/health in 5.7ms (expected 200-399)",
        "http/debian12-curl-refused.txt              | CRITICAL | HTTP CRITICAL - cannot connect to web1:8080: curl: (7) Failed to connect to 127.0.0.1 port 40703 after 0 ms: Couldn't connect to server",
        "http/debian12-wget-refused.txt              | CRITICAL | HTTP CRITICAL - web1:8080 refused the connection",
        "http/busybox-1.35-wget-refused.txt          | CRITICAL | HTTP CRITICAL - web1:8080 refused the connection",
        "http/freebsd-fetch-refused.txt              | CRITICAL | HTTP CRITICAL - web1:8080 refused the connection",
        "http/openbsd-ftp-refused.txt                | CRITICAL | HTTP CRITICAL - web1:8080 refused the connection",
        "http/debian12-curl-slow-timeout.txt         | CRITICAL | HTTP CRITICAL - no response from http://web1:8080/health within 2s (timed out)",
        "http/debian12-wget-slow-timeout.txt         | CRITICAL | HTTP CRITICAL - no response from http://web1:8080/health within 2s (timed out)",
        "http/busybox-1.35-wget-slow-timeout.txt     | CRITICAL | HTTP CRITICAL - no response from http://web1:8080/health within 2s (timed out)",
        "http/busybox-1.35-wget-https-selfsigned.txt | CRITICAL | HTTP CRITICAL - no response from http://web1:8080/health within 2s (timed out)",
        "http/debian12-curl-unresolved.txt           | CRITICAL | HTTP CRITICAL - cannot resolve host name web1:8080: curl: (6) Could not resolve host: nothere.invalid",
        "http/debian12-wget-unresolved.txt           | CRITICAL | HTTP CRITICAL - cannot resolve host name web1:8080: Resolving nothere.invalid (nothere.invalid)... failed: Name or service not known.",
        "http/busybox-1.35-wget-unresolved.txt       | CRITICAL | HTTP CRITICAL - cannot resolve host name web1:8080: wget: bad address 'nothere.invalid'",
        "http/freebsd-fetch-unresolved.txt           | CRITICAL | HTTP CRITICAL - cannot resolve host name web1:8080: fetch: http://nothere.invalid/: No address record",
        "http/debian12-curl-https-selfsigned.txt     | CRITICAL | HTTP CRITICAL - TLS failure talking to web1:8080: curl: (60) SSL certificate problem: self-signed certificate",
        "http/debian12-wget-https-selfsigned.txt     | CRITICAL | HTTP CRITICAL - TLS failure talking to web1:8080: ERROR: The certificate of '127.0.0.1' is not trusted.",
        "http/linux-no-client.txt                    | UNKNOWN  | HTTP UNKNOWN - no HTTP client on the host (curl, wget)",
        "http/freebsd-host-header-unsupported.txt    | UNKNOWN  | HTTP UNKNOWN - host_header is not supported here: fetch(1) cannot send another Host header",
        "http/mktemp-failed.txt                      | UNKNOWN  | HTTP UNKNOWN - cannot create a temporary file for the body",
    })
    void readsWhatEachClientSays(String fixture, Status status, String summary) {
        CheckOutcome o = check.parse(raw(fixture), WEB);
        assertEquals(summary, o.summary());
        assertEquals(status, o.status());
    }

    @Test
    void curlTimingsAndSizeArePerfdata() {
        CheckOutcome o = check.parse(raw("http/debian12-curl-redirect.txt"), options("url", URL, "warn", "40ms", "crit", "1s"));
        assertEquals(List.of("time", "connect", "size"), o.perfData().stream().map(PerfDatum::label).toList());
        PerfDatum time = o.perfData().get(0);
        assertEquals(0.046110, time.value(), 1e-9);
        assertEquals("s", time.unit());
        assertEquals("0.04", time.warn().text());
        assertEquals("1", time.crit().text());
        assertEquals(5.0, time.max());
        assertEquals(0.000491, o.perfData().get(1).value(), 1e-9);
        assertEquals(12.0, o.perfData().get(2).value());
        assertEquals("B", o.perfData().get(2).unit());
        assertEquals(Status.WARNING, o.status());
        assertEquals("HTTP WARNING - 200 from http://web1:8080/health in 46.1ms (12 B) (warn \"40ms\")", o.summary());
        assertTrue(o.longOutput().contains("1 redirect followed"), o.longOutput());
    }

    @Test
    void otherClientsAreTimedOnTheHost() {
        // date +%s%N around wget
        PerfDatum wget = check.parse(raw("http/debian12-wget-200.txt"), WEB).perfData().get(0);
        assertEquals((1796085552482090917L - 1796085552471131740L) / 1e9, wget.value(), 1e-12);
        // /proc/uptime around BusyBox wget, time -p around fetch
        assertEquals(0.01, check.parse(raw("http/busybox-1.35-wget-200.txt"), WEB).perfData().get(0).value(), 1e-9);
        assertEquals(0.05, check.parse(raw("http/freebsd-fetch-200.txt"), WEB).perfData().get(0).value(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "200-399  | http/debian12-curl-500.txt | CRITICAL",
        "500      | http/debian12-curl-500.txt | OK",
        "200,500  | http/debian12-wget-500.txt | OK",
        "200-299  | http/freebsd-fetch-404.txt | CRITICAL",
        "404      | http/freebsd-fetch-404.txt | OK",
    })
    void expectStatusDecides(String expect, String fixture, Status status) {
        Settings options = options("url", URL, "expect_status", expect);
        assertEquals(List.of(), check.validate(options));
        assertEquals(status, check.parse(raw(fixture), options).status());
    }

    @Test
    void expectStatusTakesAYamlList() {
        Settings options = options("url", URL, "expect_status", List.of(200, "500-503"));
        assertEquals(List.of(), check.validate(options));
        assertEquals(Status.OK, check.parse(raw("http/debian12-curl-500.txt"), options).status());
    }

    @Test
    void bodyMustMatchTheRegex() {
        assertEquals(Status.OK, check.parse(raw("http/debian12-curl-200.txt"), options("url", URL, "body", "hello\\s+udjat")).status());
        CheckOutcome o = check.parse(raw("http/busybox-1.35-wget-200.txt"), options("url", URL, "body", "^ready$"));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("HTTP CRITICAL - 200 OK from http://web1:8080/health in 10ms but the body does not match /^ready$/", o.summary());
        assertTrue(o.longOutput().endsWith("body (12 characters checked): hello udjat?"), o.longOutput());
    }

    @Test
    void aForgedStatusInTheBodyIsNeverRead() {
        CheckOutcome o = check.parse(raw("http/body-forging-metadata.txt"), options("url", URL, "body", "HTTP/1.1 200 OK"));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals(0.005732, o.perfData().get(0).value(), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http/debian12-curl-huge-body-cut.txt", "http/debian12-wget-huge-body-cut.txt",
        "http/busybox-1.35-wget-huge-body-cut.txt"})
    void aHugeBodyCutByTheCapStillHasItsStatusAndItsStartIsChecked(String fixture) {
        RawOutput cut = new RawOutput(raw(fixture).text(), 1, true);
        CheckOutcome ok = check.parse(cut, options("url", URL, "body", "^x+"));
        assertEquals(Status.OK, ok.status(), ok.summary());
        assertTrue(ok.summary().startsWith("HTTP OK - 200"), ok.summary());
        assertTrue(ok.longOutput().endsWith("the body was longer than the output cap; its start matched"), ok.longOutput());
        CheckOutcome missing = check.parse(cut, options("url", URL, "body", "</html>"));
        assertEquals(Status.CRITICAL, missing.status());
        assertTrue(missing.summary().contains("(only the first "), missing.summary());
    }

    @Test
    void binaryBodiesAreMatchedAndShownSafely() {
        for (String fixture : List.of("http/debian12-curl-binary-body.txt", "http/debian12-wget-binary-body.txt",
                "http/busybox-1.35-wget-binary-body.txt")) {
            assertEquals(Status.OK, check.parse(raw(fixture), options("url", URL, "body", "ABCDEFGHIJ")).status(), fixture);
            CheckOutcome o = check.parse(raw(fixture), options("url", URL, "body", "zzz"));
            assertEquals(Status.CRITICAL, o.status());
            assertFalse(o.longOutput().chars().anyMatch(c -> c < 0x20 && c != '\n'), fixture);
        }
    }

    @Test
    void busyboxWgetThatCannotVerifyCertificatesIsAWarningUnlessInsecure() {
        String text = "Connecting to 127.0.0.1:8443 (127.0.0.1:8443)\nwget: note: TLS certificate validation not implemented\n"
                + "  HTTP/1.1 200 OK\nudjat-http-exit wget 0 10.00 10.05\nudjat-http-body\nok\n";
        CheckOutcome o = check.parse(Fixtures.text(text), options("url", "https://web1/"));
        assertEquals(Status.WARNING, o.status());
        assertTrue(o.summary().endsWith("certificate NOT verified (this wget cannot; set insecure: true to accept that)"), o.summary());
        assertEquals(Status.OK, check.parse(Fixtures.text(text), options("url", "https://web1/", "insecure", true)).status());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http/empty.txt", "http/garbage.txt", "http/truncated-before-exit-line.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = new RawOutput(raw(fixture).text(), 0, fixture.contains("truncated"));
        CheckOutcome o = check.parse(raw, WEB);
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("HTTP UNKNOWN - could not read the result of the request to " + URL, o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void commandsQuoteTheUrlAndHostHeader() {
        Settings options = options("url", "https://web1.example.com/a?b=1&c='x'", "host_header", "www.example.com",
                "insecure", true, "request_timeout", "3s");
        assertEquals(List.of(), check.validate(options));
        String linux = check.command(Platform.LINUX, options).orElseThrow();
        assertTrue(linux.startsWith("u='https://web1.example.com/a?b=1&c='\\''x'\\''' w=3\n"), linux);
        assertTrue(linux.contains(" -k -H 'Host: www.example.com' "), linux);
        assertTrue(linux.contains(" --no-check-certificate --header='Host: www.example.com' "), linux);
        assertTrue(check.command(Platform.BUSYBOX, options).orElseThrow().contains(" --no-check-certificate --header 'Host: www.example.com' "));
        assertTrue(check.command(Platform.FREEBSD, options).orElseThrow().contains("udjat-http-exit unsupported 3"));
        assertTrue(check.command(Platform.OPENBSD, options("url", "https://x/", "insecure", true)).orElseThrow()
                .contains("ftp -M -V -w $w -o \"$f\" -S dont \"$u\""));
        assertTrue(check.command(Platform.MACOS, WEB).orElseThrow().contains("curl -q -sS -L --max-redirs 10"));
        for (Platform p : Platform.values()) {
            String c = check.command(p, WEB).orElseThrow();
            assertTrue(c.contains("\necho udjat-http-body\ncat \"$f\"\n"), p.key());
            assertTrue(c.contains("trap '' XFSZ"), p.key());
        }
    }

    @Test
    void validateReportsEveryBadOption() {
        assertEquals(List.of(
                new ConfigProblem("url", "expected an http:// or https:// URL, got \"ftp://web1/\""),
                new ConfigProblem("expect_status", "expected status codes like \"200-399\" or \"200,301\", got \"2xx\""),
                new ConfigProblem("body", "expected a regular expression, got \"(\": Unclosed group near index 1"),
                new ConfigProblem("request_timeout", "must be below the check's timeout (10s by default) so the tool gives up"
                        + " first and says why; got \"30s\", at most 9s"),
                new ConfigProblem("insecure", "expected true or false, got \"yes\""),
                new ConfigProblem("host_header", "expected a host name like \"www.example.com\" or \"www.example.com:8080\","
                        + " got \"a b\""),
                new ConfigProblem("crit", "expected a duration like \"500ms\", got \"2\"")),
                check.validate(options("url", "ftp://web1/", "expect_status", "2xx", "body", "(", "request_timeout", "30s",
                        "insecure", "yes", "host_header", "a b", "crit", "2")));
        for (String bad : List.of("http://web 1/", "http://user:pw@web1/", "http://web1;reboot/", "http://$(id)/", "web1/health",
                "https://", "http://-x/", "javascript:alert(1)", "http://web1/\nx")) {
            assertEquals("url", check.validate(options("url", bad)).get(0).key(), bad);
        }
        for (String good : List.of("http://127.0.0.1:8080/", "https://[::1]:8443/x?y=1", "HTTPS://Web1.Example.com", "http://web1")) {
            assertEquals(List.of(), check.validate(options("url", good)), good);
        }
        assertEquals(List.of(new ConfigProblem("url", "missing; give the page to ask for, e.g. url: https://example.com/health")),
                check.validate(Settings.empty()));
        assertEquals(Status.UNKNOWN, check.parse(raw("http/debian12-curl-200.txt"), options("url", "gopher://x/")).status());
        assertEquals("echo 'http: invalid options'; exit 3", check.command(Platform.LINUX, options("url", "http://x/`id`")).orElseThrow());
    }

    @Test
    void listsExactlyItsOptions() {
        assertEquals(Set.of("url", "expect_status", "body", "request_timeout", "insecure", "host_header", "warn", "crit"),
                check.optionNames());
        assertEquals("http", check.name());
    }
}
