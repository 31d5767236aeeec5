package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;
import static org.udjat.testkit.Fixtures.text;

import java.math.BigDecimal;
import java.time.Instant;
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

class ClockCheckTest {
    private final ClockCheck check = new ClockCheck();

    /** An instant from seconds since the epoch written with up to nine decimals. */
    private static Instant at(String seconds) {
        BigDecimal s = new BigDecimal(seconds);
        long whole = s.longValue();
        return Instant.ofEpochSecond(whole, s.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValueExact());
    }

    private CheckOutcome parse(String fixture, String started, String ended, Settings options) {
        return check.parse(raw(fixture).polledBetween(at(started), at(ended)), options);
    }

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource(delimiter = '|', value = {
        // GNU date: 1796085140.918839127, nanoseconds
        "clock/debian12-gnu.txt          | 1796085140.818839127 | 1796085141.118839127 | 0            | OK       |"
                + " CLOCK OK - host clock agrees with the poller's to within 300ms",
        "clock/debian12-gnu.txt          | 1796085130           | 1796085130.5         | 10.418839127 | OK       |"
                + " CLOCK OK - host clock 10.42s ahead of the poller's",
        "clock/debian12-gnu.txt          | 1796085216           | 1796085216.25        | -75.081160872| WARNING  |"
                + " CLOCK WARNING - host clock 1 min 15 s behind the poller's - offset triggers warn \"60s\"",
        "clock/debian12-gnu.txt          | 1796077940.418839127 | 1796077940.918839127 | 7200         | CRITICAL |"
                + " CLOCK CRITICAL - host clock 2 h ahead of the poller's - offset triggers crit \"120s\"",
        // BusyBox without FEATURE_DATE_NANO: whole seconds, so the host's clock read 1796085140 to 1796085141
        "clock/busybox-1.35-glibc.txt    | 1796085140.6         | 1796085140.7         | 0            | OK       |"
                + " CLOCK OK - host clock agrees with the poller's to within 1.1s",
        "clock/alpine-busybox-musl.txt   | 1796085140.6         | 1796085140.7         | 0            | OK       |"
                + " CLOCK OK - host clock agrees with the poller's to within 1.1s",
        "clock/busybox-1.35-glibc.txt    | 1796085142.25        | 1796085142.5         | -1.25        | OK       |"
                + " CLOCK OK - host clock 1.25s behind the poller's",
        // BSD and macOS date: whole seconds
        "clock/freebsd-date.txt          | 1699999880           | 1699999880.4         | 119.6        | WARNING  |"
                + " CLOCK WARNING - host clock 1 min 59 s ahead of the poller's - offset triggers warn \"60s\"",
        "clock/macos-date.txt            | 1232851514.2         | 1232851514.9         | 0            | OK       |"
                + " CLOCK OK - host clock agrees with the poller's to within 1.7s",
        "clock/macos-date.txt            | 1232851515           | 1232851515           | 0            | OK       |"
                + " CLOCK OK - host clock agrees with the poller's to within 1s",
    })
    void offsetIsHowFarTheHostsTimeLiesOutsideThePollWindow(String fixture, String started, String ended, double offset,
            Status status, String summary) {
        CheckOutcome o = parse(fixture, started, ended, Settings.empty());
        assertEquals(summary, o.summary());
        assertEquals(status, o.status());
        PerfDatum p = o.perfData().get(0);
        assertEquals("offset", p.label());
        assertEquals(offset, p.value(), 1e-9);
        assertEquals("s", p.unit());
    }

    @Test
    void theLongOutputGivesTheWindowAndTheUncertainty() {
        CheckOutcome o = parse("clock/busybox-1.35-glibc.txt", "1796085140.6", "1796085140.7", Settings.empty());
        assertEquals("host time 1796085140 (2026-12-01T00:32:20Z)\n"
                + "poller window 2026-12-01T00:32:20.600Z to 2026-12-01T00:32:20.700Z (100ms)\n"
                + "the true offset lies between -700ms and +400ms; uncertainty 1.1s: the window plus 1 s, since the host"
                + " printed whole seconds", o.longOutput());
        o = parse("clock/debian12-gnu.txt", "1796085130", "1796085130.5", Settings.empty());
        assertTrue(o.longOutput().endsWith("the true offset lies between +10.42s and +10.92s; uncertainty 500ms: the window"),
                o.longOutput());
    }

    @ParameterizedTest(name = "warn {0} crit {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // the FreeBSD host is at least 119.6 s ahead
        "60s     | 120s    | WARNING  | -60:60   | -120:120",
        "2min    | 5min    | OK       | -120:120 | -300:300",
        "~:30s   | 100s    | CRITICAL | -30:30   | -100:100",
        "@0:5s   | -       | OK       | @-5:5    | -120:120",
        "10s:    | 1h      | OK       | -        | -3600:3600",
        "500ms   | 119.5s  | CRITICAL | -0.5:0.5 | -119.5:119.5",
    })
    void thresholdsOnTheAbsoluteOffsetAreSymmetricInThePerfdata(String warn, String crit, Status expected, String warnRange,
            String critRange) {
        Settings options = crit == null ? options("warn", warn) : options("warn", warn, "crit", crit);
        assertEquals(List.of(), check.validate(options));
        CheckOutcome o = parse("clock/freebsd-date.txt", "1699999880", "1699999880.4", options);
        assertEquals(expected, o.status());
        PerfDatum p = o.perfData().get(0);
        assertEquals(warnRange, p.warn() == null ? null : p.warn().text());
        assertEquals(critRange, p.crit() == null ? null : p.crit().text());
    }

    @Test
    void aHostBehindIsJudgedByItsDistanceToo() {
        CheckOutcome o = parse("clock/debian12-gnu.txt", "1796085300", "1796085300.1", options("warn", "~:150s", "crit", "170s"));
        // 1796085300 - 1796085140.918839128 = 159.08 s behind
        assertEquals("CLOCK WARNING - host clock 2 min 39 s behind the poller's - offset triggers warn \"~:150s\"", o.summary());
    }

    @Test
    void withoutThePollersTimeThereIsNothingToCompare() {
        RawOutput raw = raw("clock/debian12-gnu.txt");
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("CLOCK UNKNOWN - no poller time to compare with", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"clock/garbage.txt", "clock/empty.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture).polledBetween(at("1700000000"), at("1700000001"));
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("CLOCK UNKNOWN - could not read the host's time", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aTimeCutByTheOutputCapIsNotRead() {
        // "179608514" is a tenth of the real time
        RawOutput raw = new RawOutput("179608514", 0, true).polledBetween(at("1796085140"), at("1796085141"));
        assertEquals("CLOCK UNKNOWN - could not read the host's time", check.parse(raw, Settings.empty()).summary());
    }

    @Test
    void aHostClockAtTheEpochIsFarBehind() {
        // a board that lost its real-time clock boots in 1970
        CheckOutcome o = check.parse(text("42.5\n").polledBetween(at("1700000000"), at("1700000000.2")), Settings.empty());
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("CLOCK CRITICAL - host clock 19675 d 22 h behind the poller's - offset triggers crit \"120s\"", o.summary());
    }

    @Test
    void validateAndCommands() {
        assertEquals(List.of(new ConfigProblem("warn", "expected a duration like \"500ms\", got \"60\"")),
                check.validate(options("warn", 60)));
        CheckOutcome o = check.parse(raw("clock/macos-date.txt"), options("crit", "x"));
        assertEquals("CLOCK UNKNOWN - bad options: crit: expected a duration like \"500ms\", got \"x\"", o.summary());
        assertEquals(Optional.of("date +%s.%N"), check.command(Platform.LINUX, Settings.empty()));
        assertEquals(Optional.of("date +%s.%N"), check.command(Platform.BUSYBOX, Settings.empty()));
        for (Platform p : List.of(Platform.FREEBSD, Platform.OPENBSD, Platform.MACOS)) {
            assertEquals(Optional.of("date +%s"), check.command(p, Settings.empty()), p.key());
        }
        assertEquals("clock", check.name());
        assertEquals(Set.of("warn", "crit"), check.optionNames());
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("-999999999999.999999999", "999999999999", "1.2.3", ".5", "1.", "1.%N.%N", "\0", "-",
                "99999999999999999999")) {
            CheckOutcome o = check.parse(text(s).polledBetween(at("1700000000"), at("1700000001")), Settings.empty());
            assertTrue(o.summary().startsWith("CLOCK "), s);
        }
    }
}
