package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;
import static org.udjat.testkit.Fixtures.text;

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

class CpuCheckTest {
    private final CpuCheck check = new CpuCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // deltas user 163, system 8, idle 26, iowait 1, steal 6 of 204; busybox: 107, 9, 76, 0, 5 of 197
        "cpu/debian12.txt              | CPU OK - 87.3% busy (user 79.9%, system 3.9%, iowait 0.5%, steal 2.9%)",
        "cpu/busybox-1.35.txt          | CPU OK - 61.4% busy (user 54.3%, system 4.6%, iowait 0%, steal 2.5%)",
        // deltas 10000, 0, 2000, 6000, 1000, 0, 0, 1000 of 20000
        "cpu/linux-large-counters.txt  | CPU OK - 70% busy (user 50%, system 10%, iowait 5%, steal 5%)",
        // deltas 30, 0, 20, 150 of 200: no iowait or steal on Linux 2.4
        "cpu/linux-2.4-four-fields.txt | CPU OK - 25% busy (user 15%, system 10%)",
        // deltas 300, 0, 100, 20, 360 of 780
        "cpu/freebsd.txt               | CPU OK - 53.8% busy (user 38.5%, system 15.4%)",
        // deltas 60, 0, 20, 10 (spin), 4, 88 of 182
        "cpu/openbsd-6-fields.txt      | CPU OK - 51.6% busy (user 33%, system 18.7%)",
        // deltas 50, 0, 10, 0, 40 of 100
        "cpu/openbsd-5-fields.txt      | CPU OK - 60% busy (user 50%, system 10%)",
        // the second sample: 6.45% user, 9.67% sys, 83.87% idle
        "cpu/macos-top.txt             | CPU OK - 16.1% busy (user 6.5%, system 9.7%)",
        "cpu/macos-top-de_DE.txt       | CPU OK - 16.1% busy (user 6.5%, system 9.7%)",
    })
    void readsEveryPlatformsOutput(String fixture, String summary) {
        assertEquals(summary, check.parse(raw(fixture), Settings.empty()).summary());
    }

    @Test
    void perfdataInPercentWithTheRangesOfEachValue() {
        CheckOutcome o = check.parse(raw("cpu/linux-large-counters.txt"),
                options("warn", "80%", "crit", "95%", "iowait_warn", "10", "steal_crit", "20%"));
        assertEquals(List.of("user", "system", "iowait", "steal", "idle", "busy"),
                o.perfData().stream().map(PerfDatum::label).toList());
        assertEquals(List.of(50.0, 10.0, 5.0, 5.0, 30.0, 70.0), o.perfData().stream().map(PerfDatum::value).toList());
        PerfDatum busy = o.perfData().get(5);
        assertEquals("80", busy.warn().text());
        assertEquals("95", busy.crit().text());
        assertEquals("%", busy.unit());
        assertEquals(0.0, busy.min());
        assertEquals(100.0, busy.max());
        assertEquals("10", o.perfData().get(2).warn().text());
        assertEquals("20", o.perfData().get(3).crit().text());
        assertEquals(null, o.perfData().get(0).warn());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // linux-large-counters: busy 70%, iowait 5%, steal 5%
        "warn=80%,crit=95%                | CPU OK - 70% busy (user 50%, system 10%, iowait 5%, steal 5%)",
        "warn=60%,crit=95%                | CPU WARNING - 70% busy (user 50%, system 10%, iowait 5%, steal 5%) - busy triggers warn \"60%\"",
        "warn=60%,crit=65                 | CPU CRITICAL - 70% busy (user 50%, system 10%, iowait 5%, steal 5%) - busy triggers crit \"65\"",
        "iowait_warn=4%,iowait_crit=10%   | CPU WARNING - 70% busy (user 50%, system 10%, iowait 5%, steal 5%) - iowait triggers warn \"4%\"",
        "warn=60%,steal_crit=4%           | CPU CRITICAL - 70% busy (user 50%, system 10%, iowait 5%, steal 5%) - steal triggers crit \"4%\"",
    })
    void theWorstOfBusyIowaitAndStealDecides(String written, String summary) {
        Object[] kv = written.replace('=', ',').split(",");
        Settings options = options(kv);
        assertEquals(List.of(), check.validate(options));
        assertEquals(summary, check.parse(raw("cpu/linux-large-counters.txt"), options).summary());
    }

    @Test
    void iowaitAndStealThresholdsAreIgnoredWithANoteWhereThePlatformHasNone() {
        CheckOutcome o = check.parse(raw("cpu/freebsd.txt"), options("iowait_crit", "1%", "steal_warn", "1%"));
        assertEquals(Status.OK, o.status());
        assertEquals("iowait_warn/iowait_crit ignored: this platform's counters have no iowait\n"
                + "steal_warn/steal_crit ignored: this platform's counters have no steal time", o.longOutput());
        assertEquals(List.of("user", "system", "idle", "busy"), o.perfData().stream().map(PerfDatum::label).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cpu/linux-backwards.txt        | CPU UNKNOWN - the CPU time counter idle went backwards between the two samples"
            + " (75013 then 74990); the host may have rebooted or the counter wrapped",
        "cpu/linux-no-change.txt        | CPU UNKNOWN - the CPU time counters did not move between the two samples",
        "cpu/busybox-without-sleep.txt  | CPU UNKNOWN - only one sample of the CPU time counters; two, one second apart, are needed",
        "cpu/macos-top-one-sample.txt   | CPU UNKNOWN - top printed one sample only, which covers no interval of its own;"
            + " the second is needed",
        "cpu/garbage.txt                | CPU UNKNOWN - could not read the CPU time counters",
        "cpu/empty.txt                  | CPU UNKNOWN - could not read the CPU time counters",
    })
    void unusableSamplesAreUnknownWithTheReasonAndTheRawText(String fixture, String summary) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals(summary, o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aSecondSampleCutByTheOutputCapIsNotUsed() {
        // "cpu  29822 0 5838 75" cut from "... 75078 ..." would read as idle going backwards
        RawOutput cut = new RawOutput("cpu  29723 0 5817 75013 551 0 203 760 0 0\ncpu  29822 0 5838 75", 0, true);
        assertEquals("CPU UNKNOWN - only one sample of the CPU time counters; two, one second apart, are needed",
                check.parse(cut, Settings.empty()).summary());
    }

    @Test
    void samplesOfDifferentShapesOrImpossibleSizeAreUnknown() {
        assertEquals("CPU UNKNOWN - the two samples have 5 and 6 counters", check.parse(
                text("kern.cp_time=1,2,3,4,5\nkern.cp_time=1,2,3,4,5,6\n"), Settings.empty()).summary());
        assertEquals("CPU UNKNOWN - a CPU time counter is too large to be real", check.parse(
                text("cpu  9999999999999999999 0 0 1\ncpu  9999999999999999999 0 0 2\n"), Settings.empty()).summary());
    }

    @Test
    void moreCountersThanTodaysKernelsHaveAreTolerated() {
        // a future kernel adding a field after guest_nice: the first eight still make the total
        CheckOutcome o = check.parse(text("cpu  100 0 100 700 50 0 0 50 0 0 7\ncpu  200 0 200 1400 100 0 0 100 0 0 9\n"),
                Settings.empty());
        assertEquals("CPU OK - 30% busy (user 10%, system 10%, iowait 5%, steal 5%)", o.summary());
        assertEquals("CPU UNKNOWN - the CPU time counter number 11 went backwards between the two samples (9 then 7);"
                + " the host may have rebooted or the counter wrapped", check.parse(
                text("cpu  100 0 100 700 50 0 0 50 0 0 9\ncpu  200 0 200 1400 100 0 0 100 0 0 7\n"), Settings.empty()).summary());
    }

    @Test
    void commandsTakeTwoSamplesOneSecondApart() {
        assertEquals(Optional.of("head -n 1 /proc/stat && sleep 1 && head -n 1 /proc/stat"),
                check.command(Platform.LINUX, Settings.empty()));
        assertEquals(check.command(Platform.LINUX, Settings.empty()), check.command(Platform.BUSYBOX, Settings.empty()));
        assertEquals(Optional.of("sysctl kern.cp_time && sleep 1 && sysctl kern.cp_time"),
                check.command(Platform.FREEBSD, Settings.empty()));
        assertEquals(check.command(Platform.FREEBSD, Settings.empty()), check.command(Platform.OPENBSD, Settings.empty()));
        assertEquals(Optional.of("top -l 2 -n 0 -s 1"), check.command(Platform.MACOS, Settings.empty()));
    }

    @Test
    void validateReportsEveryBadOption() {
        assertEquals("cpu", check.name());
        assertEquals(Set.of("warn", "crit", "iowait_warn", "iowait_crit", "steal_warn", "steal_crit"), check.optionNames());
        assertEquals(List.of(
                new ConfigProblem("warn", "expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"busy\""),
                new ConfigProblem("iowait_crit", "expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"1GiB\""),
                new ConfigProblem("steal_warn", "range \"20:10\" starts above its end")),
                check.validate(options("warn", "busy", "crit", "95%", "iowait_crit", "1GiB", "steal_warn", "20:10")));
        assertEquals("CPU UNKNOWN - bad options: iowait_crit: expected a range like \"4\", \"10:20\" or a percentage like"
                + " \"90%\", got \"1GiB\"", check.parse(raw("cpu/debian12.txt"), options("iowait_crit", "1GiB")).summary());
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("cpu 1 2 3\ncpu 1 2 3", "cpu  -1 0 0 0\ncpu 1 0 0 0", "kern.cp_time: 1 2 3 4 5 6 7",
                "CPU usage: 999.99% user, 0% sys, 0% idle\nCPU usage: 100% user, 0% sys, 0% idle", "kern.cp_time=,,,,",
                "cpu  0 0 0 0\ncpu  0 0 0 0", "\0\n\0")) {
            CheckOutcome o = check.parse(text(s), options("warn", "90%", "iowait_warn", "5%"));
            assertTrue(o.summary().startsWith("CPU "), s);
        }
    }
}
