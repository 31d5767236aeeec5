package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;

import java.util.List;
import java.util.Optional;
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

class MemoryCheckTest {
    private final MemoryCheck check = new MemoryCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "memory/debian12-kernel.txt              | MEMORY OK - 3.6% used (876 MiB of 23.5 GiB), 22.7 GiB available",
        "memory/busybox-embedded-256mib.txt      | MEMORY OK - 95% used (236 MiB of 248 MiB), 12.5 MiB available",
        "memory/linux-2.6.32-no-memavailable.txt | MEMORY OK - 50.2% used (1007 MiB of 2 GiB), 999 MiB available",
    })
    void readsRecordedOutputs(String fixture, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(Status.OK, o.status());
        assertEquals(summary, o.summary());
    }

    @Test
    void fallsBackToFreeBuffersAndCachedOnOldKernels() {
        CheckOutcome o = check.parse(raw("memory/linux-2.6.32-no-memavailable.txt"), Settings.empty());
        assertEquals((123456 + 200000 + 700000) * 1024.0, o.perfData().get(1).value() - o.perfData().get(0).value());
        assertTrue(o.longOutput().contains("MemAvailable is missing"), o.longOutput());
    }

    @ParameterizedTest(name = "warn {0} crit {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // the embedded box: 95% used, 12.5 MiB available
        "96%     | 99%     | OK",
        "90%     | 99%     | WARNING",
        "90%     | 94%     | CRITICAL",
        "16MiB:  | 8MiB:   | WARNING",
        "16MiB:  | 13MiB:  | CRITICAL",
    })
    void thresholdsOnUsedPercentOrAvailableSize(String warn, String crit, Status expected) {
        Settings options = options("warn", warn, "crit", crit);
        assertEquals(List.of(), check.validate(options));
        assertEquals(expected, check.parse(raw("memory/busybox-embedded-256mib.txt"), options).status());
    }

    @Test
    void perfdataInBytesAndPercent() {
        CheckOutcome o = check.parse(raw("memory/busybox-embedded-256mib.txt"), options("warn", "90%", "crit", "8MiB:"));
        PerfDatum used = o.perfData().get(0);
        PerfDatum total = o.perfData().get(1);
        PerfDatum pct = o.perfData().get(2);
        assertEquals(List.of("used", "total", "used_pct"), o.perfData().stream().map(PerfDatum::label).toList());
        assertEquals((253952 - 12800) * 1024.0, used.value());
        assertEquals(253952 * 1024.0, total.value());
        assertEquals(253952 * 1024.0, used.max());
        assertEquals("234042163.2", used.warn().text());
        assertEquals("~:251658240", used.crit().text());
        assertEquals("%", pct.unit());
        assertEquals("90", pct.warn().text());
        assertEquals("~:96.7741935483871", pct.crit().text());
        assertEquals(100.0, pct.max());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"memory/garbage.txt", "memory/empty.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void memTotalAloneIsNotEnough() {
        assertEquals(Status.UNKNOWN, check.parse(Fixtures.text("MemTotal: 1000 kB\nMemFree: 10 kB\n"), Settings.empty()).status());
        assertEquals(Status.UNKNOWN, check.parse(Fixtures.text("MemTotal: 0 kB\nMemAvailable: 0 kB\n"), Settings.empty()).status());
    }

    @Test
    void validateAndCommands() {
        assertEquals(List.of(new ConfigProblem("warn", "expected a percentage like \"90%\" or a size like \"2GiB\", got \"lots\"")),
                check.validate(options("warn", "lots")));
        assertEquals(Set.of("warn", "crit"), check.optionNames());
        assertEquals(Optional.of("cat /proc/meminfo"), check.command(Platform.BUSYBOX, Settings.empty()));
        CheckOutcome o = check.parse(raw("memory/debian12-kernel.txt"), options("crit", "lots"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("MEMORY UNKNOWN - bad options: crit: expected a percentage like \"90%\" or a size like \"2GiB\","
                + " got \"lots\"", o.summary());
    }
}
