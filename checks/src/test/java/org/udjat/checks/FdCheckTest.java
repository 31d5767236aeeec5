package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class FdCheckTest {
    private final FdCheck check = new FdCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fds/debian12.txt                  | OK       | FDS OK - 850 of 2466186 file descriptors in use (0%)",
        "fds/busybox-1.35.txt              | OK       | FDS OK - 838 of 2466186 file descriptors in use (0%)",
        "fds/linux-file-max-long-max.txt   | OK       | FDS OK - 1344 of 9223372036854775807 file descriptors in use (0%)",
        // 4096 allocated, 1024 of them free
        "fds/linux-2.4-free-entries.txt    | OK       | FDS OK - 3072 of 131072 file descriptors in use (2.3%)",
        "fds/freebsd.txt                   | OK       | FDS OK - 143 of 64305 file descriptors in use (0.2%)",
        "fds/openbsd.txt                   | OK       | FDS OK - 167 of 7030 file descriptors in use (2.4%)",
        "fds/macos-near-full.txt           | CRITICAL | FDS CRITICAL - 275146 of 276480 file descriptors in use (99.5%)",
    })
    void readsEveryPlatformsOutput(String fixture, Status status, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(status, o.status());
        assertEquals(summary, o.summary());
    }

    @ParameterizedTest(name = "warn {0} crit {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // 275146 of 276480 in use, 99.5%
        "99%      | 99.9%    | WARNING",
        "99.6%    | 99.9%    | OK",
        "270000   | 280000   | WARNING",
        "200000   | 275000   | CRITICAL",
        "90%      | 280000   | WARNING",
        "~:       | ~:       | OK",
    })
    void thresholdsOnPercentOrCount(String warn, String crit, Status expected) {
        Settings options = options("warn", warn, "crit", crit);
        assertEquals(List.of(), check.validate(options));
        assertEquals(expected, check.parse(raw("fds/macos-near-full.txt"), options).status());
    }

    @Test
    void perfdataIsTheCountInUseWithTheLimitAndRangesOnTheCount() {
        PerfDatum p = check.parse(raw("fds/freebsd.txt"), Settings.empty()).perfData().get(0);
        assertEquals("used", p.label());
        assertEquals(143.0, p.value());
        assertEquals("51444", p.warn().text());
        assertEquals("57874.5", p.crit().text());
        assertEquals(0.0, p.min());
        assertEquals(64305.0, p.max());
        p = check.parse(raw("fds/freebsd.txt"), options("warn", "50000", "crit", "60000")).perfData().get(0);
        assertEquals("50000", p.warn().text());
        assertEquals("60000", p.crit().text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fds/empty.txt", "fds/garbage.txt", "fds/no-proc.txt", "fds/sysctl-unknown-oid.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("FDS UNKNOWN - could not read the open file count and limit", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aZeroLimitOrACutNumberIsNotRead() {
        assertEquals(Status.UNKNOWN, check.parse(Fixtures.text("10\t0\t0\n"), Settings.empty()).status());
        assertEquals(Status.UNKNOWN, check.parse(Fixtures.text("99999999999999999999\t0\t5\n"), Settings.empty()).status());
        // "64305" cut to "64" by the output cap would make the table look full
        assertEquals(Status.UNKNOWN, check.parse(new RawOutput("kern.openfiles: 143\nkern.maxfiles: 64", 0, true),
                Settings.empty()).status());
    }

    @Test
    void validateCommandsAndOptions() {
        assertEquals(List.of(new ConfigProblem("warn", "expected a range like \"4\", \"10:20\" or a percentage like \"90%\","
                + " got \"2GiB\"")), check.validate(options("warn", "2GiB")));
        assertEquals("FDS UNKNOWN - bad options: crit: expected a range like \"4\", \"10:20\" or a percentage like \"90%\","
                + " got \"x\"", check.parse(raw("fds/debian12.txt"), options("crit", "x")).summary());
        assertEquals(Optional.of("cat /proc/sys/fs/file-nr"), check.command(Platform.LINUX, Settings.empty()));
        assertEquals(Optional.of("cat /proc/sys/fs/file-nr"), check.command(Platform.BUSYBOX, Settings.empty()));
        assertEquals(Optional.of("sysctl kern.openfiles kern.maxfiles"), check.command(Platform.FREEBSD, Settings.empty()));
        assertEquals(Optional.of("sysctl kern.nfiles kern.maxfiles"), check.command(Platform.OPENBSD, Settings.empty()));
        assertEquals(Optional.of("sysctl kern.num_files kern.maxfiles"), check.command(Platform.MACOS, Settings.empty()));
        assertEquals(Set.of("warn", "crit"), check.optionNames());
        assertEquals("fds", check.name());
    }
}
