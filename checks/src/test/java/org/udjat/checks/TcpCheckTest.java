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

class TcpCheckTest {
    private static final Settings DB = options("host", "db1", "port", 5432, "connect_timeout", "2s");
    private final TcpCheck check = new TcpCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tcp/debian12-nc-openbsd-connected.txt       | OK       | TCP OK - connected to db1:5432 in 12.2ms",
        "tcp/debian12-nc-traditional-connected.txt   | OK       | TCP OK - connected to db1:5432 in 6.3ms",
        "tcp/debian12-bash-connected.txt             | OK       | TCP OK - connected to db1:5432 in 12.6ms",
        "tcp/busybox-1.35-connected.txt              | OK       | TCP OK - connected to db1:5432 in 10ms",
        "tcp/busybox-nc110-connected.txt             | OK       | TCP OK - connected to db1:5432 in 10ms",
        "tcp/freebsd-nc-connected.txt                | OK       | TCP OK - connected to db1:5432 in 0ms",
        "tcp/macos-nc-connected-decimal-comma.txt    | OK       | TCP OK - connected to db1:5432 in 50ms",
        "tcp/debian12-nc-openbsd-refused.txt         | CRITICAL | TCP CRITICAL - db1:5432 refused the connection",
        "tcp/debian12-nc-traditional-refused.txt     | CRITICAL | TCP CRITICAL - db1:5432 refused the connection",
        "tcp/debian12-bash-refused.txt               | CRITICAL | TCP CRITICAL - db1:5432 refused the connection",
        "tcp/debian12-bash-ipv6-refused.txt          | CRITICAL | TCP CRITICAL - db1:5432 refused the connection",
        "tcp/busybox-1.35-refused.txt                | CRITICAL | TCP CRITICAL - db1:5432 refused the connection",
        "tcp/busybox-nc110-refused.txt               | CRITICAL | TCP CRITICAL - db1:5432 refused the connection",
        "tcp/openbsd-nc-refused.txt                  | CRITICAL | TCP CRITICAL - db1:5432 refused the connection",
        "tcp/debian12-nc-openbsd-timeout.txt         | CRITICAL | TCP CRITICAL - no answer from db1:5432 within 2s (connect timed out)",
        "tcp/debian12-nc-traditional-timeout.txt     | CRITICAL | TCP CRITICAL - no answer from db1:5432 within 2s (connect timed out)",
        "tcp/debian12-bash-timeout.txt               | CRITICAL | TCP CRITICAL - no answer from db1:5432 within 2s (connect timed out)",
        "tcp/busybox-1.35-timeout.txt                | CRITICAL | TCP CRITICAL - no answer from db1:5432 within 2s (connect timed out)",
        "tcp/busybox-nc110-timeout.txt               | CRITICAL | TCP CRITICAL - no answer from db1:5432 within 2s (connect timed out)",
        "tcp/macos-nc-timeout.txt                    | CRITICAL | TCP CRITICAL - no answer from db1:5432 within 2s (connect timed out)",
        "tcp/debian12-nc-openbsd-unresolved.txt      | CRITICAL | TCP CRITICAL - cannot resolve host name db1: nc: getaddrinfo for host \"nothere.invalid\" port 80: Name or service not known",
        "tcp/debian12-nc-traditional-unresolved.txt  | CRITICAL | TCP CRITICAL - cannot resolve host name db1: nothere.invalid: forward host lookup failed: Unknown host",
        "tcp/debian12-bash-unresolved.txt            | CRITICAL | TCP CRITICAL - cannot resolve host name db1: udjat: line 1: nothere.invalid: Name or service not known",
        "tcp/busybox-1.35-unresolved.txt             | CRITICAL | TCP CRITICAL - cannot resolve host name db1: nc: bad address 'nothere.invalid'",
        "tcp/openbsd-nc-unresolved.txt               | CRITICAL | TCP CRITICAL - cannot resolve host name db1: nc: getaddrinfo for host \"nothere.invalid\" port 80: no address associated with name",
        "tcp/macos-nc-unresolved.txt                 | CRITICAL | TCP CRITICAL - cannot resolve host name db1: nc: getaddrinfo: nodename nor servname provided, or not known",
        "tcp/linux-nc-no-route.txt                   | CRITICAL | TCP CRITICAL - cannot connect to db1:5432: nc: connect to 10.1.2.3 port 22 (tcp) failed: No route to host",
        "tcp/debian12-no-tool.txt                    | UNKNOWN  | TCP UNKNOWN - no tool to open a TCP connection (nc, bash)",
        "tcp/busybox-1.35-no-nc.txt                  | UNKNOWN  | TCP UNKNOWN - nc could not be run: sh: nc: not found",
        "tcp/linux-busybox-nc-as-nc.txt              | UNKNOWN  | TCP UNKNOWN - nc rejected its options: nc: invalid option -- 'z'",
    })
    void readsWhatEachToolSays(String fixture, Status status, String summary) {
        CheckOutcome o = check.parse(raw(fixture), DB);
        assertEquals(summary, o.summary());
        assertEquals(status, o.status());
        assertEquals(status == Status.OK ? List.of("time") : List.of(), o.perfData().stream().map(PerfDatum::label).toList());
    }

    @Test
    void connectTimeIsMeasuredOnTheHostWithItsClock() {
        // date +%s%N: 1796085345168602354 .. 1796085345180840624
        PerfDatum ns = check.parse(raw("tcp/debian12-nc-openbsd-connected.txt"), DB).perfData().get(0);
        assertEquals((1796085345180840624L - 1796085345168602354L) / 1e9, ns.value(), 1e-12);
        assertEquals("s", ns.unit());
        assertEquals(0.0, ns.min());
        assertEquals(2.0, ns.max());
        // /proc/uptime: 1164.81 .. 1164.82
        assertEquals(0.01, check.parse(raw("tcp/busybox-1.35-connected.txt"), DB).perfData().get(0).value(), 1e-9);
        // time -p: real 0,05
        assertEquals(0.05, check.parse(raw("tcp/macos-nc-connected-decimal-comma.txt"), DB).perfData().get(0).value(), 1e-9);
    }

    @ParameterizedTest(name = "warn {0} crit {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // 12.2ms connect
        "20ms  | 50ms  | OK       | TCP OK - connected to db1:5432 in 12.2ms",
        "10ms  | 50ms  | WARNING  | TCP WARNING - connected to db1:5432 in 12.2ms (warn \"10ms\")",
        "5ms   | 0.01s | CRITICAL | TCP CRITICAL - connected to db1:5432 in 12.2ms (crit \"0.01s\")",
        "~:1s  | 12ms  | CRITICAL | TCP CRITICAL - connected to db1:5432 in 12.2ms (crit \"12ms\")",
    })
    void thresholdsApplyToTheConnectTime(String warn, String crit, Status status, String summary) {
        Settings options = options("host", "db1", "port", 5432, "connect_timeout", "2s", "warn", warn, "crit", crit);
        assertEquals(List.of(), check.validate(options));
        CheckOutcome o = check.parse(raw("tcp/debian12-nc-openbsd-connected.txt"), options);
        assertEquals(status, o.status());
        assertEquals(summary, o.summary());
        assertEquals(o.perfData().get(0).warn().text(), rangeOf(warn));
    }

    private static String rangeOf(String warn) {
        return org.udjat.api.Threshold.parse(warn, NetOptions.DURATIONS).range().text();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp/empty.txt", "tcp/garbage.txt", "tcp/truncated.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = new RawOutput(raw(fixture).text(), 0, fixture.contains("truncated"));
        CheckOutcome o = check.parse(raw, DB);
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("TCP UNKNOWN - could not read the result of the connection to db1:5432", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void toolMessagesGoToTheLongOutput() {
        CheckOutcome o = check.parse(raw("tcp/debian12-bash-refused.txt"), DB);
        assertEquals("udjat: connect: Connection refused\nudjat: line 1: /dev/tcp/127.0.0.1/40703: Connection refused", o.longOutput());
    }

    @Test
    void ipv6HostsAreShownInBrackets() {
        CheckOutcome o = check.parse(raw("tcp/debian12-bash-ipv6-refused.txt"), options("host", "[::1]", "port", 22));
        assertEquals("TCP CRITICAL - [::1]:22 refused the connection", o.summary());
    }

    @Test
    void theHostReachesTheShellOnlyQuoted() {
        for (Platform p : Platform.values()) {
            String command = check.command(p, options("host", "db-1.example.com", "port", 5432, "connect_timeout", "3s")).orElseThrow();
            assertTrue(command.startsWith("h='db-1.example.com' p=5432 w=3\n"), command);
            assertFalse(command.replace("h='db-1.example.com'", "").contains("db-1.example.com"), command);
        }
        assertTrue(check.command(Platform.LINUX, options("host", "::1", "port", 1)).orElseThrow().startsWith("h='::1' p=1 w=5\n"));
    }

    @Test
    void validateRejectsWhatCouldNotBeAHostOrPort() {
        assertEquals(List.of(
                new ConfigProblem("host", "expected a host name like \"db1.example.com\" or an IP address, got \"db1; rm -rf /\""),
                new ConfigProblem("port", "expected a TCP port from 1 to 65535, got \"65536\""),
                new ConfigProblem("connect_timeout", "must be below the check's timeout (10s by default) so the tool gives up"
                        + " first and says why; got \"10s\", at most 9s"),
                new ConfigProblem("warn", "expected a duration like \"500ms\", got \"0.5\"")),
                check.validate(options("host", "db1; rm -rf /", "port", 65536, "connect_timeout", "10s", "warn", "0.5")));
        for (String bad : List.of("-oProxyCommand=x", "a b", "$(id)", "`id`", "host'", "", "a..b", "x".repeat(254), "[::1", "::1]x")) {
            assertEquals("host", check.validate(options("host", bad, "port", 22)).get(0).key(), bad);
        }
        for (String good : List.of("db1", "db1.example.com.", "10.0.0.5", "::1", "[fe80::1]", "2001:db8::ffff:10.0.0.1", "xn--bcher-kva.de")) {
            assertEquals(List.of(), check.validate(options("host", good, "port", 22)), good);
        }
        assertEquals(List.of(new ConfigProblem("connect_timeout", "expected whole seconds like \"5s\" (the tools take seconds),"
                + " got \"1500ms\"")), check.validate(options("host", "db1", "port", 22, "connect_timeout", "1500ms")));
        assertEquals(List.of(new ConfigProblem("host", "missing; give a host name or IP address to connect to"),
                new ConfigProblem("port", "missing; give the TCP port, e.g. port: 22")), check.validate(Settings.empty()));
        assertEquals(List.of(new ConfigProblem("port", "expected one TCP port, got 2: 22, 23")),
                check.validate(options("host", "db1", "port", List.of(22, 23))));
    }

    @Test
    void badOptionsNeverReachTheShell() {
        Settings bad = options("host", "db1; reboot", "port", 22);
        assertEquals("echo 'tcp: invalid options'; exit 3", check.command(Platform.LINUX, bad).orElseThrow());
        assertEquals(Status.UNKNOWN, check.parse(raw("tcp/debian12-bash-connected.txt"), bad).status());
    }

    @Test
    void listsExactlyItsOptions() {
        assertEquals(Set.of("host", "port", "connect_timeout", "warn", "crit"), check.optionNames());
        assertEquals("tcp", check.name());
    }
}
