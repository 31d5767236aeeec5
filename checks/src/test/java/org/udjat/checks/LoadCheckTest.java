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

class LoadCheckTest {
    private final LoadCheck check = new LoadCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "load/linux-debian12.txt   | LOAD OK - load average 2.71, 1.02, 0.40 (2 CPUs)",
        "load/busybox-1.35.txt     | LOAD OK - load average 2.71, 1.02, 0.40 (2 CPUs)",
        "load/freebsd-sysctl.txt   | LOAD OK - load average 0.52, 0.40, 0.31 (4 CPUs)",
        "load/openbsd-sysctl.txt   | LOAD OK - load average 0.52, 0.40, 0.31 (4 CPUs)",
        "load/macos-sysctl.txt     | LOAD OK - load average 1.91, 2.05, 2.13 (8 CPUs)",
        "load/no-cpu-count.txt     | LOAD OK - load average 0.52, 0.40, 0.31",
    })
    void readsEveryPlatformsOutput(String fixture, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(Status.OK, o.status());
        assertEquals(summary, o.summary());
        assertEquals(List.of("load1", "load5", "load15"), o.perfData().stream().map(PerfDatum::label).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"load/garbage.txt", "load/empty.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("LOAD UNKNOWN - could not read the load average", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @ParameterizedTest(name = "warn {0} crit {1} per_cpu {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        // 2.71, 1.02, 0.40 on 2 CPUs; one range applies to all three averages
        "3       | 5       | false | OK",
        "2.5     | 5       | false | WARNING",
        "1       | 2       | false | CRITICAL",
        // three ranges: load1,load5,load15
        "3,1,1   | 9,9,9   | false | WARNING",
        "9,9,0.3 | 9,9,0.35| false | CRITICAL",
        "9,9,9   | 9,1,9   | false | CRITICAL",
        // per CPU: 1.355, 0.51, 0.20
        "1.5     | 2       | true  | OK",
        "1.3     | 2       | true  | WARNING",
        "1       | 1.3     | true  | CRITICAL",
        // any Nagios range
        "@2:3    | ~:10    | false | WARNING",
    })
    void appliesThresholds(String warn, String crit, boolean perCpu, Status expected) {
        Settings options = options("warn", warn, "crit", crit, "per_cpu", perCpu);
        assertEquals(List.of(), check.validate(options));
        assertEquals(expected, check.parse(raw("load/linux-debian12.txt"), options).status());
    }

    @Test
    void summaryNamesTheAverageThatTriggered() {
        CheckOutcome o = check.parse(raw("load/linux-debian12.txt"), options("warn", "9,1,9", "crit", "9,9,0.3"));
        assertEquals("LOAD CRITICAL - load average 2.71, 1.02, 0.40 (2 CPUs) - load15 triggers crit \"0.3\"", o.summary());
        o = check.parse(raw("load/linux-debian12.txt"), options("warn", 1.3, "per_cpu", true));
        assertEquals("LOAD WARNING - load average 2.71, 1.02, 0.40 (2 CPUs) - load1 per CPU 1.36 triggers warn \"1.3\"",
                o.summary());
    }

    @Test
    void perfdataCarriesTheRawLoadAndThresholdsScaledToIt() {
        CheckOutcome o = check.parse(raw("load/linux-debian12.txt"), options("warn", "1.5,1,0.5", "crit", 2, "per_cpu", true));
        PerfDatum load1 = o.perfData().get(0);
        assertEquals(2.71, load1.value());
        assertEquals("3", load1.warn().text());
        assertEquals("4", load1.crit().text());
        assertEquals(0.0, load1.min());
        assertEquals("1", o.perfData().get(2).warn().text());
        PerfDatum plain = check.parse(raw("load/linux-debian12.txt"), options("warn", "~:4")).perfData().get(1);
        assertEquals("~:4", plain.warn().text());
        assertEquals(null, plain.crit());
    }

    @Test
    void acceptsAYamlListOfThreeRanges() {
        Settings options = options("warn", List.of(3, 1, 1));
        assertEquals(List.of(), check.validate(options));
        assertEquals(Status.WARNING, check.parse(raw("load/linux-debian12.txt"), options).status());
    }

    @Test
    void validateReportsEveryBadOption() {
        assertEquals(List.of(
                new ConfigProblem("warn", "expected a range like \"4\", \"10:20\", got \"lots\""),
                new ConfigProblem("crit", "expected one range for all three load averages or three for load1,load5,load15"
                        + " like \"4,3,2\", got 2 in \"4,3\""),
                new ConfigProblem("per_cpu", "expected true or false, got \"yes\"")),
                check.validate(options("warn", "lots", "crit", "4,3", "per_cpu", "yes")));
        assertEquals(List.of(new ConfigProblem("warn", "expected a range like \"4\", \"10:20\", got \"90%\"")),
                check.validate(options("warn", "90%")));
    }

    @Test
    void badOptionsAtParseTimeGiveUnknownNotAnException() {
        CheckOutcome o = check.parse(raw("load/linux-debian12.txt"), options("warn", "4,,2"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("LOAD UNKNOWN - bad options: expected a range like \"4\", \"10:20\", got nothing", o.summary());
    }

    @Test
    void perCpuWithoutACpuCountIsUnknown() {
        CheckOutcome o = check.parse(raw("load/no-cpu-count.txt"), options("per_cpu", true));
        assertEquals(Status.UNKNOWN, o.status());
        assertTrue(o.longOutput().contains("getconf: not found"));
    }

    @Test
    void aCutOffCpuCountIsNotTrusted() {
        // "16" cut to "1" by the output cap would quietly make per-CPU load 16 times too high
        CheckOutcome o = check.parse(new RawOutput("0.52 0.40 0.31 1/87 4905\n1", 0, true), Settings.empty());
        assertEquals("LOAD OK - load average 0.52, 0.40, 0.31", o.summary());
    }

    @Test
    void hasACommandForEveryPlatform() {
        for (Platform p : Platform.values()) {
            assertTrue(check.command(p, Settings.empty()).isPresent(), p.key());
        }
        assertEquals(Optional.of("sysctl -n vm.loadavg hw.ncpu"), check.command(Platform.MACOS, Settings.empty()));
    }

    @Test
    void listsExactlyItsOptions() {
        assertEquals("load", check.name());
        assertEquals(Set.of("warn", "crit", "per_cpu"), check.optionNames());
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("{", "} } }", "1 2", "1.0 2.0 x", "99999999999999999999 1 1\n2", "\0\0\0", "1 2 3\n-4",
                "1e400 1 1", "\n\n\n")) {
            CheckOutcome o = check.parse(text(s), Settings.empty());
            assertTrue(o.status() == Status.UNKNOWN || o.summary().startsWith("LOAD OK"), s);
        }
    }
}
