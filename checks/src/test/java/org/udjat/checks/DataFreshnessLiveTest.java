package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.DeviceGateway;
import org.udjat.testkit.ShellRunner;

/**
 * Runs data-freshness's Linux and BusyBox commands for real against a {@link DeviceGateway} on
 * 127.0.0.1 serving each device's latest data time over HTTP: fresh data is OK, a device whose
 * data stopped is CRITICAL in the cycles that pick it, a stuck gateway with nothing online is
 * UNKNOWN, and after a restart it is OK again.
 */
class DataFreshnessLiveTest {
    private static final int DEVICES = 4;
    private final DataFreshnessCheck check = new DataFreshnessCheck();
    private DeviceGateway gateway;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        gateway = DeviceGateway.start(DEVICES, dir);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private Settings settings(String source) {
        Object online = switch (source) {
            case "file-json" -> Map.of("file", gateway.onlineJson().toString());
            case "file-lines" -> Map.of("file", gateway.onlineLines().toString());
            default -> Map.of("url", gateway.url() + "/online");
        };
        Object data = source.equals("file-lines") ? Map.of("command", "wget -q -O - " + gateway.url() + "/data/{device}")
                : Map.of("url", gateway.url() + "/data/{device}");
        return options("online_from", online, "format", source.endsWith("lines") ? "lines" : "json", "data_from", data,
                "max_age", "15min", "warn_age", "5min", "candidates", 3);
    }

    @ParameterizedTest(name = "linux, {0}")
    @ValueSource(strings = {"file-json", "file-lines", "url-json"})
    void linux(String source) {
        Settings o = settings(source);
        String command = check.command(Platform.LINUX, o).orElseThrow();
        freshStaleStuckRestarted(o, () -> ShellRunner.sh(command));
    }

    /** udjat's batched script runs each command with IFS unset, not with the default value sh -c starts with. */
    @ParameterizedTest(name = "linux, IFS unset as in udjat's script, {0}")
    @ValueSource(strings = {"file-json", "url-json"})
    void linuxWithIfsUnset(String source) {
        Settings o = settings(source);
        String command = check.command(Platform.LINUX, o).orElseThrow();
        freshStaleStuckRestarted(o, () -> ShellRunner.sh("unset IFS\n" + command));
    }

    @ParameterizedTest(name = "busybox, {0}")
    @ValueSource(strings = {"file-json", "file-lines", "url-json"})
    void busybox(String source, @TempDir Path bin) throws IOException {
        Settings o = settings(source);
        String command = check.command(Platform.BUSYBOX, o).orElseThrow();
        Applets.link(bin, List.of("date", "cat", "sh", "wget", "timeout", "mktemp", "rm", "printf"));
        try {
            freshStaleStuckRestarted(o, () -> ShellRunner.busybox(command, bin));
        } finally {
            Applets.unlink(bin);
        }
    }

    private void freshStaleStuckRestarted(Settings o, Supplier<RawOutput> run) {
        Instant now = Instant.now();
        gateway.dataTime(now.minusSeconds(30));
        CheckOutcome fresh = check.parse(run.get(), o);
        assertEquals(Status.OK, fresh.status(), fresh.summary() + "\n" + fresh.longOutput());
        assertTrue(fresh.summary().matches("DATA-FRESHNESS OK - latest data of dev-[1-4] is 3[0-9] s old"
                + " \\(picked at random among 3 of 4 online\\)"), fresh.summary());
        double age = fresh.perfData().get(0).value();
        assertTrue(age >= 30 && age < 40, String.valueOf(age));

        gateway.dataTime("dev-2", now.minusSeconds(7200));
        Set<String> seen = new HashSet<>();
        boolean staleSeen = false;
        RawOutput out = run.get();
        for (int cycle = 0; cycle < 40; cycle++) {
            Instant polled = now.plusSeconds(300L * cycle);
            CheckOutcome o2 = check.parse(out.polledBetween(polled, polled.plusSeconds(1)), o);
            String picked = o2.summary().replaceFirst(".* latest data of (dev-[0-9]+) .*", "$1");
            seen.add(picked);
            assertEquals(picked.equals("dev-2") ? Status.CRITICAL : Status.OK, o2.status(), o2.summary());
            staleSeen |= picked.equals("dev-2");
            if (picked.equals("dev-2")) {
                assertTrue(o2.summary().contains(" is 2 h old (max_age 15min)"), o2.summary());
            }
        }
        assertEquals(3, seen.size(), "the cycles' seeds pick each of the 3 candidates: " + seen);
        assertTrue(staleSeen || !out.text().contains("udjat-device-data dev-2\n"), "dev-2 was a candidate but never picked");

        gateway.stuck();
        gateway.awaitConnected(DEVICES, Duration.ofSeconds(10));
        CheckOutcome stuck = check.parse(run.get(), o);
        assertEquals(Status.UNKNOWN, stuck.status(), stuck.summary());
        assertEquals("DATA-FRESHNESS UNKNOWN - no device is declared online, so none can be checked", stuck.summary());

        gateway.restart();
        gateway.dataTime("dev-2", now.minusSeconds(10));
        CheckOutcome recovered = check.parse(run.get(), o);
        assertEquals(Status.OK, recovered.status(), recovered.summary());
    }
}
