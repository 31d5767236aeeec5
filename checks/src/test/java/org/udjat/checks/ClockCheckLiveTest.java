package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.ShellRunner;

/**
 * Runs the clock check's Linux and BusyBox commands for real and stamps the output with this
 * machine's clock taken just before and after, as the poller does: host and poller are the same
 * machine here, so the offset must be zero; a window shifted by an hour must show that hour.
 */
class ClockCheckLiveTest {
    private final ClockCheck check = new ClockCheck();

    @Test
    void linuxCommand() {
        assertSameClock(Platform.LINUX, null);
    }

    @Test
    void busyboxCommandWithOnlyDate(@TempDir Path dir) throws IOException {
        Path bin = Applets.link(dir, List.of("date"));
        try {
            assertSameClock(Platform.BUSYBOX, bin);
        } finally {
            Applets.unlink(bin);
        }
    }

    private void assertSameClock(Platform platform, Path bin) {
        String command = check.command(platform, Settings.empty()).orElseThrow();
        Instant started = Instant.now();
        RawOutput out = platform == Platform.LINUX ? ShellRunner.sh(command) : ShellRunner.busybox(command, bin);
        Instant ended = Instant.now();
        assertFalse(out.truncated());
        CheckOutcome o = check.parse(out.polledBetween(started, ended), Settings.empty());
        assertEquals(Status.OK, o.status(), o.summary() + "\n" + out.text());
        assertTrue(o.summary().startsWith("CLOCK OK - host clock agrees with the poller's to within "), o.summary());
        assertEquals(0.0, o.perfData().get(0).value());

        // the same output against a poller an hour ahead: the host is an hour behind, give or take the window
        Duration hour = Duration.ofHours(1);
        o = check.parse(out.polledBetween(started.plus(hour), ended.plus(hour)), Settings.empty());
        assertEquals(Status.CRITICAL, o.status());
        double offset = o.perfData().get(0).value();
        double window = Duration.between(started, ended).toNanos() / 1e9;
        assertTrue(offset <= -3600 + window + 1 && offset >= -3600 - window - 1, offset + " with window " + window);
    }
}
