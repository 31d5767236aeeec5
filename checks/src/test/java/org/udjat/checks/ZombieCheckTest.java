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

class ZombieCheckTest {
    private static final String DEBIAN = "zombies/debian12-procps-4.0.2.txt";
    private final ZombieCheck check = new ZombieCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        DEBIAN + "                   | ZOMBIES OK - 3 zombie processes, 3 of them children of pid 25392 (reaper-never)",
        "zombies/busybox-1.35.txt  | ZOMBIES OK - 3 zombie processes, 3 of them children of pid 25392 (reaper-never)",
        "zombies/freebsd-14.1.txt  | ZOMBIES OK - 1 zombie process",
    })
    void readsRecordedOutputs(String fixture, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(Status.OK, o.status());
        assertEquals(summary, o.summary());
    }

    @Test
    void longOutputNamesZombiesAndTheirParents() {
        CheckOutcome o = check.parse(raw(DEBIAN), Settings.empty());
        assertEquals("zombie pid 25396 (sh), parent pid 25392 (reaper-never)\n"
                + "zombie pid 25399 (sh), parent pid 25392 (reaper-never)\n"
                + "zombie pid 25400 (sh), parent pid 25392 (reaper-never)", o.longOutput());
        assertEquals("zombie pid 881 (cron), parent pid 604 (cron)",
                check.parse(raw("zombies/freebsd-14.1.txt"), Settings.empty()).longOutput());
    }

    @Test
    void longOutputListsAFewAndCountsTheRest() {
        StringBuilder ps = new StringBuilder("9000\n  PID  PPID   UID USER     STAT COMMAND\n    1     0     0 root     Ss   init\n");
        for (int pid = 100; pid < 108; pid++) {
            ps.append("  ").append(pid).append("     1     0 root     Z    worker\n");
        }
        CheckOutcome o = check.parse(Fixtures.text(ps.toString()), Settings.empty());
        assertEquals("ZOMBIES WARNING - 8 zombie processes, 8 of them children of pid 1 (init)", o.summary());
        assertEquals(6, o.longOutput().lines().count());
        assertTrue(o.longOutput().endsWith("and 3 more"), o.longOutput());
    }

    @ParameterizedTest(name = "warn {0} crit {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // three zombies; the defaults are warn 5, crit 10
        "-    | -    | OK",
        "2    | -    | WARNING",
        "2    | 2:   | WARNING",
        "-    | 0    | CRITICAL",
        "~:3  | 3    | OK",
    })
    void thresholds(String warn, String crit, Status expected) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        if (warn != null) {
            map.put("warn", warn);
        }
        if (crit != null) {
            map.put("crit", crit);
        }
        Settings options = Settings.of(map);
        assertEquals(List.of(), check.validate(options));
        assertEquals(expected, check.parse(raw(DEBIAN), options).status());
    }

    @Test
    void perfdataCarriesTheDefaults() {
        PerfDatum p = check.parse(raw(DEBIAN), Settings.empty()).perfData().get(0);
        assertEquals("zombies", p.label());
        assertEquals(3.0, p.value());
        assertEquals("5", p.warn().text());
        assertEquals("10", p.crit().text());
        assertEquals(0.0, p.min());
    }

    @Test
    void aTableCutByTheOutputCapIsAlertedOnlyWhenCertain() {
        String text = raw(DEBIAN).text();
        RawOutput cut = new RawOutput(text.substring(0, text.indexOf("25401 25393")), 153, true);
        CheckOutcome o = check.parse(cut, options("warn", "1", "crit", "2"));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("ZOMBIES CRITICAL - at least 3 zombie processes, 3 of them children of pid 25392 (reaper-never)"
                + " (ps output cut at the output cap)", o.summary());
        assertEquals(List.of(), o.perfData());
        o = check.parse(cut, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertTrue(o.summary().endsWith("too few to decide; raise output_cap"), o.summary());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"zombies/empty.txt", "zombies/garbage.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("ZOMBIES UNKNOWN - could not read the output of ps", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aFailedPsIsUnknown() {
        CheckOutcome o = check.parse(new RawOutput(raw(DEBIAN).text(), 2, false), Settings.empty());
        assertEquals("ZOMBIES UNKNOWN - ps failed (exit 2)", o.summary());
    }

    @Test
    void validateCommandsAndOptions() {
        assertEquals(List.of(new ConfigProblem("warn", "expected a range like \"4\", \"10:20\", got \"5%\"")),
                check.validate(options("warn", "5%")));
        assertEquals("ZOMBIES UNKNOWN - bad options: crit: expected a range like \"4\", \"10:20\", got \"x\"",
                check.parse(raw(DEBIAN), options("crit", "x")).summary());
        assertEquals(Optional.of("echo $$; LC_ALL=C.UTF-8 ps -e -ww -o pid,ppid,uid,user,stat,comm"),
                check.command(Platform.LINUX, Settings.empty()));
        assertEquals(Optional.of("echo $$; ps -o pid,ppid,user,stat,comm"), check.command(Platform.BUSYBOX, Settings.empty()));
        assertEquals(Optional.of("echo $$; ps -ax -ww -o pid,ppid,uid,user,state,ucomm"),
                check.command(Platform.MACOS, Settings.empty()));
        assertEquals(Set.of("warn", "crit"), check.optionNames());
        assertEquals("zombies", check.name());
    }
}
