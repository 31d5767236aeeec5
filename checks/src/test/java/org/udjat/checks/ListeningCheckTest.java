package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.Fixtures;

class ListeningCheckTest {
    private final ListeningCheck check = new ListeningCheck();

    /** Every recorded format, one port that listens there and one that does not. */
    @ParameterizedTest(name = "{0} port {1}")
    @CsvSource(delimiter = '|', value = {
        "listening/debian12-ss.txt             | 2222  | LISTENING OK - port 2222 (0.0.0.0, [::]) listening",
        "listening/debian12-ss.txt             | 65535 | LISTENING OK - port 65535 ([2001:db8:1234:5678:9abc:def0:1234:5678]) listening",
        "listening/debian12-ss.txt             | 6000  | LISTENING OK - port 6000 ([fe80:0:0:0:0:0:0:1234]) listening",
        "listening/debian12-ss.txt             | 8443  | LISTENING OK - port 8443 (*) listening",
        "listening/debian12-net-tools-wide.txt | 65535 | LISTENING OK - port 65535 ([2001:db8:1234:5678:9abc:def0:1234:5678]) listening",
        "listening/debian12-net-tools-wide.txt | 53    | LISTENING OK - port 53 (127.0.0.53) listening",
        "listening/busybox-1.35-netstat.txt    | 5432  | LISTENING OK - port 5432 (127.0.0.1, [0:0:0:0:0:0:0:1]) listening",
        "listening/busybox-1.35-netstat.txt    | 8443  | LISTENING OK - port 8443 (*) listening",
        "listening/linux-proc-net-tcp.txt      | 5432  | LISTENING OK - port 5432 (127.0.0.1, [0:0:0:0:0:0:0:1]) listening",
        "listening/linux-proc-net-tcp.txt      | 65535 | LISTENING OK - port 65535 ([2001:db8:1234:5678:9abc:def0:1234:5678]) listening",
        "listening/freebsd-11.1-netstat.txt    | 22    | LISTENING OK - port 22 (0.0.0.0, [::]) listening",
        "listening/openbsd-netstat.txt         | 25    | LISTENING OK - port 25 (127.0.0.1, [0:0:0:0:0:0:0:1], [fe80:0:0:0:0:0:0:1]) listening",
        "listening/macos-netstat-anv.txt       | 3283  | LISTENING OK - port 3283 (*) listening",
        "listening/ss-old-without-state.txt    | 22    | LISTENING OK - port 22 (*) listening",
    })
    void readsEveryFormat(String fixture, int port, String summary) {
        CheckOutcome o = check.parse(raw(fixture), options("port", port));
        assertEquals(summary, o.summary());
        assertEquals(Status.OK, o.status());
        CheckOutcome absent = check.parse(raw(fixture), options("port", 7));
        assertEquals("LISTENING CRITICAL - nothing listens on port 7", absent.summary());
    }

    @Test
    void countsSocketsPerPortInPerfdata() {
        CheckOutcome o = check.parse(raw("listening/debian12-ss.txt"), options("port", List.of(5432, 2222, 1)));
        assertEquals(List.of("port_5432", "port_2222", "port_1"), o.perfData().stream().map(PerfDatum::label).toList());
        assertEquals(List.of(2.0, 2.0, 1.0), o.perfData().stream().map(PerfDatum::value).toList());
        PerfDatum p = o.perfData().get(0);
        assertEquals("1:", p.crit().text());
        assertEquals(0.0, p.min());
        assertEquals("LISTENING OK - ports 5432 (127.0.0.1, [0:0:0:0:0:0:0:1]), 2222 (0.0.0.0, [::]), 1 (127.0.0.1) listening",
                o.summary());
    }

    @Test
    void everyListedPortMustListen() {
        CheckOutcome o = check.parse(raw("listening/freebsd-11.1-netstat.txt"), options("port", List.of(22, 3306, 5432)));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("LISTENING CRITICAL - nothing listens on ports 3306, 5432", o.summary());
        assertEquals(List.of(1.0, 0.0, 0.0).size(), o.perfData().size());
        assertEquals(0.0, o.perfData().get(1).value());
    }

    /** An address counts the sockets bound to it and to a wildcard that takes its family. */
    @ParameterizedTest(name = "{0} port {1} on {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "listening/debian12-ss.txt          | 5432  | 127.0.0.1       | 1",
        "listening/debian12-ss.txt          | 5432  | ::1             | 1",
        "listening/debian12-ss.txt          | 5432  | [::1]           | 1",
        "listening/debian12-ss.txt          | 5432  | 192.0.2.2       | 0",
        // 0.0.0.0 takes IPv4 only, [::] with v6only IPv6 only
        "listening/debian12-ss.txt          | 2222  | 192.0.2.2       | 1",
        "listening/debian12-ss.txt          | 2222  | fd00::2         | 1",
        // a dual-stack * takes both
        "listening/debian12-ss.txt          | 8443  | 192.0.2.2       | 1",
        "listening/debian12-ss.txt          | 8443  | fd00::2         | 1",
        // the zone is not part of the address
        "listening/debian12-ss.txt          | 53    | 127.0.0.53      | 1",
        "listening/debian12-ss.txt          | 6000  | fe80::1234      | 1",
        // an IPv4-mapped address is the IPv4 address
        "listening/busybox-1.35-netstat.txt | 5432  | ::ffff:127.0.0.1 | 1",
        "listening/debian12-ss.txt          | 65535 | 2001:DB8:1234:5678:9ABC:DEF0:1234:5678 | 1",
        // net-tools without -W cut the address: it cannot match
        "listening/debian12-net-tools-narrow.txt | 65535 | 2001:db8:1234:5678:9abc:def0:1234:5678 | 0",
        "listening/linux-proc-net-tcp.txt   | 65535 | 2001:db8:1234:5678:9abc:def0:1234:5678 | 1",
        "listening/linux-proc-net-tcp.txt   | 53    | 127.0.0.53      | 1",
        "listening/linux-proc-net-tcp.txt   | 5432  | ::1             | 1",
        "listening/freebsd-11.1-netstat.txt | 22    | 10.0.0.1        | 1",
        "listening/freebsd-11.1-netstat.txt | 5901  | 10.129.1.254    | 0",
        "listening/openbsd-netstat.txt      | 25    | fe80::1         | 1",
        "listening/macos-netstat-anv.txt    | 3283  | 2001:db8::1     | 1",
        "listening/macos-netstat-anv.txt    | 15018 | 2001:db8::1     | 0",
    })
    void addressFiltersSockets(String fixture, int port, String address, int sockets) {
        Settings options = options("port", port, "address", address);
        assertEquals(List.of(), check.validate(options));
        CheckOutcome o = check.parse(raw(fixture), options);
        assertEquals(sockets, (int) o.perfData().get(0).value(), o.longOutput());
        assertEquals(sockets > 0 ? Status.OK : Status.CRITICAL, o.status());
    }

    @Test
    void aMissingAddressSaysWhereThePortDoesListen() {
        CheckOutcome o = check.parse(raw("listening/debian12-ss.txt"), options("port", 5432, "address", "192.0.2.2"));
        assertEquals("LISTENING CRITICAL - nothing listens on 192.0.2.2 on port 5432", o.summary());
        assertEquals("port 5432: 0 sockets, but listening on 127.0.0.1, [0:0:0:0:0:0:0:1]", o.longOutput());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"listening/empty.txt", "listening/garbage-no-tool-worked.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, options("port", 22));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("LISTENING UNKNOWN - could not read the list of listening sockets", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aFailedCommandWithOnlyAHeaderMeansNothingListens() {
        CheckOutcome o = check.parse(new RawOutput("Active Internet connections (only servers)\n"
                + "Proto Recv-Q Send-Q Local Address           Foreign Address         State\n", 0, false), options("port", 22));
        assertEquals(Status.CRITICAL, o.status());
    }

    @Test
    void aCutListIsUnknownWhenThePortMayBeInTheLostPart() {
        String text = "State  Recv-Q Send-Q Local Address:Port Peer Address:Port\nLISTEN 0 128 0.0.0.0:22 0.0.0.0:*\nLISTEN 0 12";
        CheckOutcome cut = check.parse(new RawOutput(text, 0, true), options("port", List.of(22, 443)));
        assertEquals(Status.UNKNOWN, cut.status());
        assertTrue(cut.summary().contains("cut by the output cap before port 443"), cut.summary());
        assertEquals(Status.OK, check.parse(new RawOutput(text, 0, true), options("port", 22)).status());
    }

    @Test
    void neverThrowsOnHostileLines() {
        for (String s : List.of("LISTEN 0 0 :99999 *:*", "LISTEN 0 0 [::1 x", "tcp 0 0 .22 x LISTEN", "  0: ZZZZZZZZ:0016 0 0A",
                "  0: 0100007F:FFFFF 0 0A", "tcp4 0 0 ....... *.* LISTEN", "\0\0LISTEN")) {
            CheckOutcome o = check.parse(Fixtures.text(s + "\n"), options("port", 22));
            assertTrue(o.status() == Status.UNKNOWN || o.status() == Status.CRITICAL, s + " -> " + o.summary());
        }
    }

    @Test
    void anAddressThatCannotBeReadStillCountsForItsPortButMatchesNoAddress() {
        String line = "tcp6       0      0  fe80::aede:48ff:.49159 *.*                    LISTEN\n";
        assertEquals("LISTENING OK - port 49159 (fe80::aede:48ff:) listening",
                check.parse(Fixtures.text(line), options("port", 49159)).summary());
        assertEquals(Status.CRITICAL, check.parse(Fixtures.text(line), options("port", 49159, "address", "fe80::aede:48ff:fe00:1122")).status());
    }

    @Test
    void validateReportsEveryBadOption() {
        assertEquals(List.of(
                new ConfigProblem("port", "expected a TCP port from 1 to 65535, got \"0\""),
                new ConfigProblem("port", "expected a TCP port from 1 to 65535, got \"ssh\""),
                new ConfigProblem("address", "expected an IP address like \"127.0.0.1\" or \"::1\", got \"db.example.com\"")),
                check.validate(options("port", List.of(0, "ssh", 22), "address", "db.example.com")));
        assertEquals(List.of(new ConfigProblem("port", "missing; give a TCP port or a list of ports, e.g. port: [80, 443]")),
                check.validate(Settings.empty()));
        assertEquals(Status.UNKNOWN, check.parse(raw("listening/debian12-ss.txt"), options("port", 70000)).status());
    }

    @Test
    void commandsDoNotDependOnTheOptions() {
        for (Platform p : Platform.values()) {
            assertEquals(check.command(p, Settings.empty()), check.command(p, options("port", 22, "address", "::1")), p.key());
        }
        assertEquals("netstat -a -n -p tcp", check.command(Platform.OPENBSD, Settings.empty()).orElseThrow());
        assertEquals(Set.of("port", "address"), check.optionNames());
        assertEquals("listening", check.name());
    }
}
