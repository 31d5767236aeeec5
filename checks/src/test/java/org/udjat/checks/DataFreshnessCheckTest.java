package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;

/** data-freshness against recorded outputs: over many cycles' seeds, each candidate is judged on its own data. */
class DataFreshnessCheckTest {
    private final DataFreshnessCheck check = new DataFreshnessCheck();

    private static Settings opts(String format, Object... more) {
        Object[] base = {"online_from", Map.of("file", "/var/lib/gateway/online"), "format", format,
            "data_from", Map.of("url", "http://127.0.0.1:8080/data/{device}"), "max_age", "15min", "warn_age", "5min"};
        Object[] all = Stream.concat(Stream.of(base), Stream.of(more)).toArray();
        return options(all);
    }

    /** fixture, options, and per candidate the summary its pick must give. */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("debian12-json-files.txt", opts("json"), Map.of(
                        "boiler-17", "DATA-FRESHNESS OK - latest data of boiler-17 is 1 min 55 s old (picked at random among 3 of 4 online)",
                        "plc-3", "DATA-FRESHNESS CRITICAL - latest data of plc-3 is 2 h 2 min old (max_age 15min) (picked at random among 3 of 4 online)",
                        "meter-4", "DATA-FRESHNESS UNKNOWN - could not read the latest data of meter-4: exit 1: cat: /tmp/udjat-gw/data/meter-4: No such file or directory")),
                Arguments.of("busybox-1.35-lines-command.txt", opts("lines"), Map.of(
                        "boiler-17", "DATA-FRESHNESS OK - latest data of boiler-17 is 42 s old (picked at random among 3 of 3 online)",
                        "plc-3", "DATA-FRESHNESS CRITICAL - latest data of plc-3 is 2 h 1 min old (max_age 15min) (picked at random among 3 of 3 online)",
                        "meter-4", "DATA-FRESHNESS UNKNOWN - could not read the latest data of meter-4: exit 1: cat: can't open '/tmp/udjat-gw/data/meter-4': No such file or directory")),
                Arguments.of("freebsd-14-fetch-json-strings.txt", opts("json"), Map.of(
                        "198.51.100.7:51234", "DATA-FRESHNESS OK - latest data of 198.51.100.7:51234 is 1 min old (picked at random among 2 of 2 online)",
                        "198.51.100.8:50000", "DATA-FRESHNESS UNKNOWN - could not read the latest data of 198.51.100.8:50000: exit 1: fetch: http://127.0.0.1:8080/data/198.51.100.8:50000: Not Found")),
                Arguments.of("openbsd-7-ftp-lines.txt", opts("lines"), Map.of(
                        "plc-3", "DATA-FRESHNESS OK - latest data of plc-3 is 1 min old (picked at random among 2 of 2 online)",
                        "boiler-17", "DATA-FRESHNESS UNKNOWN - could not read the latest data of boiler-17: exit 1: ftp: Error retrieving http://127.0.0.1:8080/data/boiler-17: 500 Internal Server Error")),
                Arguments.of("macos-curl-json-ms.txt", opts("json", "id_field", "serial", "address_field", "ip"), Map.of(
                        "A1", "DATA-FRESHNESS OK - latest data of A1 is 1 s old (picked at random among 1 of 1 online)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyCandidate_isJudgedOnItsOwnData_andTheSeedsPickThemAll(String fixture, Settings o, Map<String, String> expected) {
        RawOutput out = raw("data-freshness/" + fixture);
        Map<String, Integer> picks = new HashMap<>();
        for (int cycle = 0; cycle < 60; cycle++) {
            Instant polled = Instant.parse("2026-12-01T04:00:00Z").plusSeconds(300L * cycle);
            CheckOutcome c = check.parse(out.polledBetween(polled, polled.plusSeconds(1)), o);
            String device = expected.keySet().stream().filter(d -> c.summary().contains(" of " + d + " ") || c.summary().contains(" of " + d + ":"))
                    .findFirst().orElseThrow(() -> new AssertionError(c.summary()));
            assertEquals(expected.get(device), c.summary());
            picks.merge(device, 1, Integer::sum);
            if (c.status() != Status.UNKNOWN) {
                assertEquals("age", c.perfData().get(0).label());
                assertEquals("~:900", c.perfData().get(0).crit().text());
                assertEquals("~:300", c.perfData().get(0).warn().text());
            }
        }
        assertEquals(expected.keySet(), picks.keySet(), "every candidate is picked in some cycle: " + picks);
        CheckOutcome again = check.parse(out.polledBetween(Instant.parse("2026-12-01T04:00:00Z"), Instant.parse("2026-12-01T04:00:01Z")), o);
        CheckOutcome same = check.parse(out.polledBetween(Instant.parse("2026-12-01T04:00:00Z"), Instant.parse("2026-12-01T04:00:01Z")), o);
        assertEquals(again, same, "a cycle's pick can be reproduced from its time");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "online-failed.txt | could not read the online list (file /var/lib/gateway/online): exit 7: curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Couldn't connect to server",
        "nothing-online.txt | no device is declared online, so none can be checked",
        "data-cut.txt | the latest data of 198.51.100.7:51234 was cut off by the output cap or the timeout",
        "data-not-a-time.txt | the latest data of 198.51.100.7:51234 is not a time (seconds since the epoch or ISO-8601): <html><body>maintenance</body></html>",
        "garbage.txt | could not read the online list (file /var/lib/gateway/online): the output ended before it did (output cap or timeout)",
        "empty.txt | could not read the online list (file /var/lib/gateway/online): the output ended before it did (output cap or timeout)",
    })
    void unreadable_isUnknownWithTheRawText(String fixture, String why) {
        RawOutput out = raw("data-freshness/" + fixture);
        CheckOutcome o = check.parse(out, opts("json"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("DATA-FRESHNESS UNKNOWN - " + why, o.summary());
        assertEquals(out.text(), o.longOutput());
        assertEquals(List.of(), o.perfData());
    }

    @Test
    void aDataBlockForADeviceNotInTheList_isIgnored() {
        String text = "1796099501\nudjat-device-online\n[\"a\"]\n\nudjat-device-online-exit 0\n"
                + "udjat-device-data b\n1796099500\n\nudjat-device-data-exit 0\n";
        CheckOutcome o = check.parse(new RawOutput(text, 0, false), opts("json"));
        assertEquals("DATA-FRESHNESS UNKNOWN - no data was read for any of the 1 devices declared online", o.summary());
    }

    @Test
    void everyBadOption_isReportedAtOnce() {
        List<ConfigProblem> p = check.validate(options("online_from", Map.of("file", "/x"),
                "data_from", Map.of("url", "http://127.0.0.1/data"), "warn_age", "soon", "candidates", 50));
        assertEquals(List.of("data_from.url", "max_age", "warn_age", "candidates"), p.stream().map(ConfigProblem::key).toList());
        assertEquals("expected the placeholder {device} where the device id goes, got \"http://127.0.0.1/data\"", p.get(0).message());
    }

    @Test
    void theDeviceIdReachesTheShellAsAParameter_neverAsCode() {
        Settings o = options("online_from", Map.of("file", "/x"), "data_from", Map.of("command", "gwctl last '{device}' && echo {device}"),
                "max_age", "1h");
        String command = check.command(Platform.LINUX, o).orElseThrow();
        assertTrue(command.contains("sh -c 'gwctl last '\\''\"$1\"'\\'' && echo \"$1\"' udjat \"$d\""), command);
        Settings url = options("online_from", Map.of("file", "/x"), "data_from", Map.of("url", "http://127.0.0.1:8080/d/{device}/last"),
                "max_age", "1h");
        assertTrue(check.command(Platform.OPENBSD, url).orElseThrow().contains("ftp -M -V -w 5 -o - 'http://127.0.0.1:8080/d/'\"$d\"'/last'"));
    }

    @ParameterizedTest
    @CsvSource({"1796099500, 1796099500", "1796099500123, 1796099500", "2026-12-01T04:31:40Z, 1796099500",
        "'{\"time\": \"2026-12-01T05:31:40+01:00\"}', 1796099500"})
    void times_inTheFormsGatewaysWrite(String text, long epoch) {
        assertEquals(epoch, DataFreshnessCheck.time(text, "time").orElseThrow().getEpochSecond());
    }
}
