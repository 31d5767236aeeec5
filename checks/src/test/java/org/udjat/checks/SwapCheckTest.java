package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;
import static org.udjat.testkit.Fixtures.text;

import java.util.List;
import java.util.Map;
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

class SwapCheckTest {
    private final SwapCheck check = new SwapCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // SwapTotal 8388604 kB, SwapFree 6291452 kB
        "swap/linux-swap-in-use.txt             | SWAP OK - 25% used (2 GiB of 8 GiB), 6 GiB free",
        // 16056 of 1048576 KiB
        "swap/freebsd-one-device.txt            | SWAP OK - 1.5% used (15.7 MiB of 1 GiB), 1008 MiB free",
        // 419840 + 1048576 KiB; the Total line is not counted twice
        "swap/freebsd-pfsense-two-devices.txt   | SWAP OK - 0% used (0 B of 1.4 GiB), 1.4 GiB free",
        "swap/openbsd-6.1.txt                   | SWAP OK - 0% used (0 B of 67.6 MiB), 67.6 MiB free",
        "swap/openbsd-old-format.txt            | SWAP OK - 0% used (0 B of 67.6 MiB), 67.6 MiB free",
        "swap/openbsd-in-use.txt                | SWAP OK - 25% used (256 MiB of 1 GiB), 768 MiB free",
        // 377.25 of 1024 MiB
        "swap/macos.txt                         | SWAP OK - 36.8% used (377 MiB of 1 GiB), 647 MiB free",
        "swap/macos-de_DE.txt                   | SWAP OK - 36.8% used (377 MiB of 1 GiB), 647 MiB free",
    })
    void readsEveryPlatformsOutput(String fixture, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(summary, o.summary());
        assertEquals(List.of("used", "total", "used_pct"), o.perfData().stream().map(PerfDatum::label).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"swap/debian12-no-swap.txt", "swap/busybox-1.35-no-swap.txt", "swap/freebsd-no-swap.txt",
        "swap/openbsd-no-swap.txt", "swap/macos-no-swap.txt"})
    void noSwapIsOkWhateverTheThresholds(String fixture) {
        CheckOutcome o = check.parse(raw(fixture), options("warn", "50%", "crit", "1GiB:"));
        assertEquals(Status.OK, o.status());
        assertEquals("SWAP OK - no swap", o.summary());
        Map<String, Double> values = new java.util.HashMap<>();
        o.perfData().forEach(p -> values.put(p.label(), p.value()));
        assertEquals(Map.of("used", 0.0, "total", 0.0, "used_pct", 0.0), values);
    }

    @ParameterizedTest(name = "warn {0} crit {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // linux-swap-in-use: 25% used, 6 GiB free
        "30%     | 50%     | OK",
        "20%     | 50%     | WARNING",
        "10%     | 20%     | CRITICAL",
        "7GiB:   | 4GiB:   | WARNING",
        "7GiB:   | 6.5GiB: | CRITICAL",
    })
    void thresholdsOnUsedPercentOrFreeSize(String warn, String crit, Status expected) {
        Settings options = options("warn", warn, "crit", crit);
        assertEquals(List.of(), check.validate(options));
        assertEquals(expected, check.parse(raw("swap/linux-swap-in-use.txt"), options).status());
    }

    @Test
    void perfdataInBytesAndPercent() {
        CheckOutcome o = check.parse(raw("swap/openbsd-in-use.txt"), options("warn", "50%", "crit", "128MiB:"));
        PerfDatum used = o.perfData().get(0);
        assertEquals(262144 * 1024.0, used.value());
        assertEquals(1048576 * 1024.0, used.max());
        assertEquals("536870912", used.warn().text());
        assertEquals("~:939524096", used.crit().text());
        assertEquals("~:87.5", o.perfData().get(2).crit().text());
    }

    @Test
    void severalDevicesAreListedInTheLongOutput() {
        assertEquals("/dev/gptid/286a4064-d329-11e7-a: 0 B used of 410 MiB\n/dev/md2: 0 B used of 1 GiB",
                check.parse(raw("swap/freebsd-pfsense-two-devices.txt"), Settings.empty()).longOutput());
        assertEquals("", check.parse(raw("swap/freebsd-one-device.txt"), Settings.empty()).longOutput());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"swap/garbage.txt", "swap/empty.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("SWAP UNKNOWN - could not read the swap figures (SwapTotal/SwapFree, swapinfo, swapctl or vm.swapusage)",
                o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aFailedCommandIsUnknownNotNoSwap() {
        // a failing swapctl must not read as "no swap"
        RawOutput failed = new RawOutput("swapctl: SWAP_STATS: Operation not permitted\n", 1, false);
        assertEquals(Status.UNKNOWN, check.parse(failed, Settings.empty()).status());
        RawOutput cut = new RawOutput("vm.swapusage: total = 1024.00M  used = 377.25M  fr", 0, true);
        assertEquals(Status.UNKNOWN, check.parse(cut, Settings.empty()).status());
    }

    @Test
    void commandsOptionsAndValidation() {
        assertEquals("swap", check.name());
        assertEquals(Set.of("warn", "crit"), check.optionNames());
        assertEquals(Optional.of("cat /proc/meminfo"), check.command(Platform.LINUX, Settings.empty()));
        assertEquals(Optional.of("cat /proc/meminfo"), check.command(Platform.BUSYBOX, Settings.empty()));
        assertEquals(Optional.of("swapinfo -k"), check.command(Platform.FREEBSD, Settings.empty()));
        assertEquals(Optional.of("swapctl -s -k"), check.command(Platform.OPENBSD, Settings.empty()));
        assertEquals(Optional.of("sysctl vm.swapusage"), check.command(Platform.MACOS, Settings.empty()));
        assertEquals(List.of(new ConfigProblem("crit", "a size applies to what is still available, and \"1GiB\" would not"
                + " alert when nothing is left; write \"1GiB:\" to alert below that")), check.validate(options("crit", "1GiB")));
        CheckOutcome o = check.parse(raw("swap/macos.txt"), options("warn", "lots"));
        assertEquals("SWAP UNKNOWN - bad options: warn: expected a percentage like \"90%\" or a size like \"2GiB\", got \"lots\"",
                o.summary());
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("vm.swapusage: total = 99999999999999.99T  used = 1.00M  free = 0.00M",
                "vm.swapusage: total = 1.00M  used = 2.00M  free = 0.00M", "total: 1 1K-blocks allocated, 5 used, 0 available",
                "Device 1K-blocks Used Avail Capacity\n/dev/x 999999999999999 1 1 0%", "SwapTotal: 1 kB\nSwapFree: 5 kB",
                "\0")) {
            CheckOutcome o = check.parse(text(s), options("warn", "90%"));
            assertTrue(o.status() == Status.UNKNOWN || o.summary().startsWith("SWAP "), s);
        }
    }
}
