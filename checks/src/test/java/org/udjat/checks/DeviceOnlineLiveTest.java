package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.DeviceGateway;
import org.udjat.testkit.ShellRunner;

/**
 * Runs device-online's Linux and BusyBox commands for real against a {@link DeviceGateway} on
 * 127.0.0.1 with the online list read from its file (json and lines) and from its HTTP side:
 * healthy gives OK with the counts; stuck gives CRITICAL naming the waiting connections once
 * outputs gathered {@code stuck_after} apart are parsed with the memory carried between them; a
 * restart brings it back to OK and the memory empties.
 */
class DeviceOnlineLiveTest {
    private static final int DEVICES = 4;
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private final DeviceOnlineCheck check = new DeviceOnlineCheck();
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

    /** How the online list is read: the source and format options for a gateway. */
    static List<String> sources() {
        return List.of("file-json", "file-lines", "url-json", "command-lines");
    }

    private Settings settings(String source) {
        Object from = switch (source) {
            case "file-json" -> Map.of("file", gateway.onlineJson().toString());
            case "file-lines" -> Map.of("file", gateway.onlineLines().toString());
            case "url-json" -> Map.of("url", gateway.url() + "/online");
            default -> Map.of("command", "cat " + gateway.onlineLines());
        };
        String format = source.endsWith("lines") ? "lines" : "json";
        return options("port", gateway.port(), "online_from", from, "format", format, "stuck_after", "5min",
                "warn_after", "2min");
    }

    @ParameterizedTest(name = "linux, {0}")
    @MethodSource("sources")
    void linux_healthyStuckRestarted(String source) {
        Settings o = settings(source);
        String command = check.command(Platform.LINUX, o).orElseThrow();
        healthyStuckRestarted(o, () -> ShellRunner.sh(command));
    }

    @ParameterizedTest(name = "busybox, {0}")
    @MethodSource("sources")
    void busybox_healthyStuckRestarted(String source, @TempDir Path bin) throws IOException {
        Settings o = settings(source);
        String command = check.command(Platform.BUSYBOX, o).orElseThrow();
        Applets.link(bin, List.of("date", "cat", "grep", "sh", "wget", "timeout"));
        try {
            healthyStuckRestarted(o, () -> ShellRunner.busybox(command, bin));
        } finally {
            Applets.unlink(bin);
        }
    }

    private void healthyStuckRestarted(Settings o, java.util.function.Supplier<RawOutput> run) {
        Function<Instant, RawOutput> at = t -> run.get().polledBetween(t, t.plusSeconds(1));

        CheckOutcome healthy = check.parse(at.apply(T0), o, Map.of());
        assertEquals(Status.OK, healthy.status(), healthy.summary() + "\n" + healthy.longOutput());
        assertEquals("DEVICE-ONLINE OK - " + DEVICES + " devices connected on port " + gateway.port() + ", " + DEVICES
                + " declared online", healthy.summary());
        assertEquals(List.of((double) DEVICES, (double) DEVICES, 0.0), values(healthy));
        assertEquals(Map.of(), healthy.memory());

        gateway.stuck();
        gateway.awaitConnected(DEVICES, Duration.ofSeconds(10));
        CheckOutcome first = check.parse(at.apply(T0.plusSeconds(60)), o, healthy.memory());
        assertEquals(Status.OK, first.status(), first.summary());
        assertTrue(first.summary().endsWith(", " + DEVICES + " waiting to come online"), first.summary());
        assertEquals(DEVICES, first.memory().size(), first.memory().toString());
        CheckOutcome late = check.parse(at.apply(T0.plusSeconds(60 + 150)), o, first.memory());
        assertEquals(Status.WARNING, late.status(), late.summary());
        CheckOutcome stuck = check.parse(at.apply(T0.plusSeconds(60 + 300)), o, late.memory());
        assertEquals(Status.CRITICAL, stuck.status(), stuck.summary());
        assertTrue(stuck.summary().startsWith("DEVICE-ONLINE CRITICAL - " + DEVICES + " connected but not online for over 5min: 127.0.0.1:"),
                stuck.summary());
        assertTrue(stuck.summary().contains("(5 min)"), stuck.summary());
        assertEquals(List.of((double) DEVICES, 0.0, (double) DEVICES), values(stuck));
        assertEquals(first.memory(), stuck.memory(), "the first time each was seen waiting is kept");

        gateway.restart();
        CheckOutcome recovered = check.parse(at.apply(T0.plusSeconds(60 + 360)), o, stuck.memory());
        assertEquals(Status.OK, recovered.status(), recovered.summary());
        assertEquals(List.of((double) DEVICES, (double) DEVICES, 0.0), values(recovered));
        assertEquals(Map.of(), recovered.memory());
    }

    private static List<Double> values(CheckOutcome o) {
        return o.perfData().stream().map(p -> p.value()).toList();
    }
}
