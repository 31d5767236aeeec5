package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;

/** device-online against recorded outputs of every platform, with the memory carried by hand. */
class DeviceOnlineCheckTest {
    /** The host time the recorded outputs start with. */
    private static final long HOST_TIME = 1796099009L;
    private final DeviceOnlineCheck check = new DeviceOnlineCheck();

    private static Settings opts(int port, String format) {
        return options("port", port, "online_from", Map.of("file", "/var/lib/gateway/online.json"), "format", format);
    }

    /** fixture, port, format, connected, declared online, waiting. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "debian12-ss-json.txt,          4000, json,  4, 3, 2",
        "debian12-netstat-json.txt,     4000, json,  4, 3, 2",
        "debian12-proc-json.txt,        4000, json,  4, 3, 2",
        "busybox-1.35-proc-lines.txt,   4000, lines, 4, 2, 2",
        "freebsd-11.1-json-strings.txt, 22,   json,  1, 1, 0",
        "openbsd-lines-none-online.txt, 22,   lines, 1, 0, 1",
        "macos-json.txt,                4000, json,  3, 2, 1",
    })
    void everyPlatform_countsConnectionsAndWhatIsDeclaredOnline(String fixture, int port, String format, int connected,
            int online, int waiting) {
        CheckOutcome o = check.parse(raw("device-online/" + fixture), opts(port, format), Map.of());
        assertEquals(Status.OK, o.status(), o.summary() + "\n" + o.longOutput());
        assertEquals(List.of((double) connected, (double) online, 0.0), o.perfData().stream().map(p -> p.value()).toList());
        assertEquals(waiting, o.memory().size(), o.memory().toString());
        assertTrue(o.memory().values().stream().allMatch(v -> v.equals(String.valueOf(HOST_TIME))), o.memory().toString());
    }

    @Test
    void waitingLongerThanStuckAfter_isCriticalNamingTheConnections() {
        Map<String, String> memory = new LinkedHashMap<>();
        memory.put("127.0.0.1:40524", String.valueOf(HOST_TIME - 400));
        memory.put("127.0.0.1:40526", String.valueOf(HOST_TIME - 60));
        memory.put("127.0.0.1:1", String.valueOf(HOST_TIME - 4000)); // gone: forgotten
        CheckOutcome o = check.parse(raw("device-online/debian12-ss-json.txt"), opts(4000, "json"), memory);
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("DEVICE-ONLINE CRITICAL - 1 connected but not online for over 5min: 127.0.0.1:40524 (6 min 40 s)"
                + " (4 devices connected on port 4000, 3 declared online)", o.summary());
        assertEquals(List.of("127.0.0.1:40524", "127.0.0.1:40526"), List.copyOf(o.memory().keySet()));
        assertEquals(1.0, o.perfData().get(2).value());
        assertEquals("0", o.perfData().get(2).crit().text());
        assertTrue(o.longOutput().contains("not online: 127.0.0.1:40526, waiting 1 min"), o.longOutput());
        assertTrue(o.longOutput().contains("1 declared online without a connection to the port"), o.longOutput());
    }

    @Test
    void warnAfter_givesWarningBeforeStuck() {
        Settings o = options("port", 4000, "online_from", Map.of("file", "/x"), "warn_after", "1min", "stuck_after", "10min");
        CheckOutcome out = check.parse(raw("device-online/debian12-ss-json.txt"), o,
                Map.of("127.0.0.1:40524", String.valueOf(HOST_TIME - 400)));
        assertEquals(Status.WARNING, out.status(), out.summary());
        assertTrue(out.summary().startsWith("DEVICE-ONLINE WARNING - 1 connected but not online for over 1min: 127.0.0.1:40524"),
                out.summary());
    }

    @Test
    void pollerTime_isPreferredToTheHostClock() {
        Instant polled = Instant.ofEpochSecond(HOST_TIME + 3600);
        RawOutput out = raw("device-online/debian12-ss-json.txt").polledBetween(polled, polled.plusSeconds(1));
        CheckOutcome o = check.parse(out, opts(4000, "json"), Map.of());
        assertEquals(String.valueOf(HOST_TIME + 3600), o.memory().get("127.0.0.1:40524"));
    }

    @Test
    void moreWaitingThanTheEngineKeeps_remembersTheLongestWaits() {
        StringBuilder text = new StringBuilder(HOST_TIME + "\nudjat-device-connections\nRecv-Q Send-Q Local Address:Port Peer Address:Port Process\n");
        Map<String, String> memory = new LinkedHashMap<>();
        for (int i = 1; i <= 70; i++) {
            text.append("0 0 10.0.0.1:4000 10.0.1.").append(i).append(":5000\n");
            if (i > 60) {
                memory.put("10.0.1." + i + ":5000", String.valueOf(HOST_TIME - 100));
            }
        }
        text.append("udjat-device-connections-exit 0\nudjat-device-online\n[]\n\nudjat-device-online-exit 0\n");
        CheckOutcome o = check.parse(new RawOutput(text.toString(), 0, false), opts(4000, "json"), memory);
        assertEquals(CheckOutcome.MEMORY_ENTRIES, o.memory().size());
        assertTrue(o.memory().keySet().containsAll(memory.keySet()), "the longest waits are kept");
        assertTrue(o.longOutput().contains("only the 64 longest waits are remembered"), o.longOutput());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "online-file-missing.txt, 'could not read the online list (file /var/lib/gateway/online.json): exit 1: cat: /var/lib/gateway/online.json: No such file or directory'",
        "online-cut.txt,          'could not read the online list (file /var/lib/gateway/online.json): the output ended before it did (output cap or timeout)'",
        "not-a-list.txt,          'the online list (file /var/lib/gateway/online.json) is not a json list of devices: {\"devices\": []}'",
        "garbage.txt,             'could not read the established connections'",
        "empty.txt,               'could not read the established connections'",
    })
    void unreadableOutput_isUnknownAndKeepsTheMemory(String fixture, String why) {
        Map<String, String> memory = Map.of("127.0.0.1:40524", "1796098000");
        RawOutput out = raw("device-online/" + fixture);
        CheckOutcome o = check.parse(out, opts(4000, "json"), memory);
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("DEVICE-ONLINE UNKNOWN - " + why, o.summary());
        assertEquals(out.text(), o.longOutput());
        assertEquals(memory, o.memory());
    }

    @Test
    void withoutMemory_theTwoArgumentParseStartsAfresh() {
        CheckOutcome o = check.parse(raw("device-online/debian12-ss-json.txt"), opts(4000, "json"));
        assertEquals(Status.OK, o.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "ssh"})
    void badPort_isRefused(String port) {
        List<ConfigProblem> p = check.validate(options("port", port, "online_from", Map.of("file", "/x")));
        assertEquals(List.of("port"), p.stream().map(ConfigProblem::key).toList());
    }

    @Test
    void everyBadOption_isReportedAtOnce() {
        List<ConfigProblem> p = check.validate(options("online_from", Map.of("file", "relative.json"), "format", "xml",
                "stuck_after", "5", "warn_after", "lots"));
        assertEquals(List.of("port", "online_from.file", "format", "stuck_after", "warn_after"),
                p.stream().map(ConfigProblem::key).toList());
        assertEquals(List.of("online_from"), check.validate(options("port", 1, "online_from", "/x")).stream()
                .map(ConfigProblem::key).toList());
        assertEquals(List.of("online_from"), check.validate(options("port", 1, "online_from", Map.of("ftp", "x"))).stream()
                .map(ConfigProblem::key).toList());
        assertEquals(List.of("warn_after"), check.validate(options("port", 1, "online_from", Map.of("file", "/x"),
                "warn_after", "10min")).stream().map(ConfigProblem::key).toList());
    }

    @Test
    void optionTextReachesTheShellOnlyQuoted() {
        Settings o = options("port", 4000, "online_from", Map.of("command", "gwctl list --online; echo '$(reboot)'"));
        for (Platform p : Platform.values()) {
            String command = check.command(p, o).orElseThrow();
            assertTrue(command.contains("sh -c 'gwctl list --online; echo '\\''$(reboot)'\\''' udjat"), command);
        }
        String url = check.command(Platform.FREEBSD, options("port", 4000, "online_from", Map.of("url", "http://127.0.0.1:8080/a?b=1&c=2")))
                .orElseThrow();
        assertTrue(url.contains("fetch -q -o - -T 5 'http://127.0.0.1:8080/a?b=1&c=2'"), url);
    }
}
