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

class UptimeCheckTest {
    private final UptimeCheck check = new UptimeCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // 949.86 s up at 1796085140: booted 1796084190 = 2026-12-01 00:16:30 UTC; under the default warn "1h:"
        "uptime/debian12-linux.txt          | WARNING | 949.86        | UPTIME WARNING - up 15 min 49 s,"
                + " booted 2026-12-01 00:16 UTC - uptime triggers warn \"1h:\"",
        "uptime/busybox-1.35.txt            | WARNING | 949.86        | UPTIME WARNING - up 15 min 49 s,"
                + " booted 2026-12-01 00:16 UTC - uptime triggers warn \"1h:\"",
        // 1634320000 - 1634047554.237429
        "uptime/freebsd-13-sysctl.txt       | OK      | 272445.762571 | UPTIME OK - up 3 d 3 h, booted 2021-10-12 14:05 UTC",
        // 1232851514 - 1232765114.823118
        "uptime/macos-sysctl.txt            | OK      | 86399.176882  | UPTIME OK - up 23 h 59 min, booted 2009-01-24 02:45 UTC",
        // 1700003725 - 1700000000
        "uptime/openbsd-sysctl.txt          | OK      | 3725          | UPTIME OK - up 1 h 2 min, booted 2023-11-14 22:13 UTC",
        // the date in German after the numbers does not matter: 1700000900 - 1700000000.000123
        "uptime/freebsd-localized-date.txt  | WARNING | 899.999877    | UPTIME WARNING - up 14 min 59 s,"
                + " booted 2023-11-14 22:13 UTC - uptime triggers warn \"1h:\"",
        // 315569520.34 s = 3652 d 10 h 12 min; booted 1480515619.66 = 2016-11-30 14:20:19.66
        "uptime/linux-ten-years.txt         | OK      | 315569520.34  | UPTIME OK - up 3652 d 10 h, booted 2016-11-30 14:20 UTC",
    })
    void readsEveryPlatformsOutput(String fixture, Status status, double uptime, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(status, o.status());
        assertEquals(summary, o.summary());
        PerfDatum p = o.perfData().get(0);
        assertEquals("uptime", p.label());
        assertEquals(uptime, p.value(), 1e-6);
        assertEquals("s", p.unit());
        assertEquals(0.0, p.min());
    }

    @ParameterizedTest(name = "warn {0} crit {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // the FreeBSD host: up 272445.76 s, 3 d 3 h 40 min
        "1h:      | -      | OK",
        "4d:      | -      | WARNING",
        "4d:      | 3d:    | WARNING",
        "4d:      | 76h:   | CRITICAL",
        "0s:      | -      | OK",
        "~:2d     | -      | WARNING",
        "@3d:4d   | -      | WARNING",
    })
    void thresholdsOnTheUptime(String warn, String crit, Status expected) {
        Settings options = crit == null ? options("warn", warn) : options("warn", warn, "crit", crit);
        assertEquals(List.of(), check.validate(options));
        assertEquals(expected, check.parse(raw("uptime/freebsd-13-sysctl.txt"), options).status());
    }

    @Test
    void theDefaultWarnCatchesARebootWithinAnHourAndIsInThePerfdata() {
        PerfDatum p = check.parse(raw("uptime/debian12-linux.txt"), Settings.empty()).perfData().get(0);
        assertEquals("3600:", p.warn().text());
        assertEquals(null, p.crit());
        CheckOutcome o = check.parse(raw("uptime/debian12-linux.txt"), options("warn", "0s:", "crit", "10min:"));
        assertEquals("UPTIME OK - up 15 min 49 s, booted 2026-12-01 00:16 UTC", o.summary());
        o = check.parse(raw("uptime/debian12-linux.txt"), options("crit", "30min:"));
        assertEquals("UPTIME CRITICAL - up 15 min 49 s, booted 2026-12-01 00:16 UTC - uptime triggers crit \"30min:\"",
                o.summary());
    }

    @Test
    void withoutTheHostsClockLinuxStillHasItsUptimeButBsdHasNot() {
        CheckOutcome o = check.parse(text("7200.50 100.00\n"), Settings.empty());
        assertEquals(Status.OK, o.status());
        assertEquals("UPTIME OK - up 2 h", o.summary());
        RawOutput raw = raw("uptime/openbsd-no-date.txt");
        o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("UPTIME UNKNOWN - could not read the uptime", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aBootTimeAfterTheHostsClockIsUnknown() {
        CheckOutcome o = check.parse(text("1700000000\n1699999000\n"), Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("UPTIME UNKNOWN - the boot time lies 16 min 40 s after the host's clock; was the clock set back?",
                o.summary());
        // within the second the host's whole-second clock can lag behind
        assertEquals(Status.WARNING, check.parse(text("{ sec = 1700000000, usec = 900000 } x\n1700000000\n"),
                Settings.empty()).status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"uptime/no-proc.txt", "uptime/garbage.txt", "uptime/empty.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("UPTIME UNKNOWN - could not read the uptime", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aHostClockCutByTheOutputCapIsNotTrusted() {
        // "17960" is the start of 1796085140, and would move the boot time by 57 years
        CheckOutcome o = check.parse(new RawOutput("949.86 1332.28\n17960", 0, true), Settings.empty());
        assertEquals("UPTIME WARNING - up 15 min 49 s - uptime triggers warn \"1h:\"", o.summary());
    }

    @Test
    void validateAndCommands() {
        assertEquals(List.of(new ConfigProblem("warn", "expected a duration like \"500ms\", got \"3600:\""),
                new ConfigProblem("crit", "expected a duration like \"500ms\", got \"90%\"")),
                check.validate(options("warn", "3600:", "crit", "90%")));
        CheckOutcome o = check.parse(raw("uptime/debian12-linux.txt"), options("warn", "soon"));
        assertEquals("UPTIME UNKNOWN - bad options: warn: expected a duration like \"500ms\", got \"soon\"", o.summary());
        assertEquals(Optional.of("cat /proc/uptime && date +%s"), check.command(Platform.BUSYBOX, Settings.empty()));
        assertEquals(Optional.of("sysctl -n kern.boottime && date +%s"), check.command(Platform.OPENBSD, Settings.empty()));
        assertEquals("uptime", check.name());
        assertEquals(Set.of("warn", "crit"), check.optionNames());
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("{ sec = 99999999999999999999, usec = 1 }\n1", "1.5 2.5\n-", "{ sec = -5, usec = 0 }\n1",
                "999999999999.999999999 1\n9", "\0", "1e9 1\n1", "{ sec = 1, usec = 1 }\n999999999999999999",
                "1.00 1.00\n999999999999999999",
                "{ sec = -999999999999999999, usec = 999999 }\n999999999999999999")) {
            CheckOutcome o = check.parse(text(s), Settings.empty());
            assertTrue(o.summary().startsWith("UPTIME "), s);
        }
    }
}
