package org.udjat.example.raid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pf4j.DefaultPluginManager;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.Fixtures;

/** The raid check against recorded outputs of every platform it has a variant for. */
class RaidCheckTest {
    private static final String MANY = "linux/node-exporter-many-arrays.txt";
    private final RaidCheck check = new RaidCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "linux/raid1-clean.txt            | OK       | RAID OK - 1 array healthy",
        "linux/raid10-clean.txt           | OK       | RAID OK - 1 array healthy",
        "linux/raid10-check.txt           | OK       | RAID OK - 3 arrays healthy, md2 check 94.3% (finish=101.6min)",
        "linux/raid1-degraded.txt         | CRITICAL | RAID CRITICAL - md0 raid1 [2/1] [U_], degraded",
        "linux/raid5-degraded.txt         | CRITICAL | RAID CRITICAL - md0 raid5 [4/3] [UUU_], degraded",
        "linux/raid5-recovery.txt         | CRITICAL | RAID CRITICAL - md0 raid5 [4/3] [UUU_], degraded, recovery 0% (finish=256.8min)",
        "freebsd/gmirror-complete.txt     | OK       | RAID OK - 1 array healthy",
        "freebsd/graid-optimal.txt        | OK       | RAID OK - 1 array healthy",
        "freebsd/gmirror-synchronizing.txt| CRITICAL | RAID CRITICAL - mirror/gm0 DEGRADED, synchronizing 64%",
        "freebsd/graid-rebuild.txt        | CRITICAL | RAID CRITICAL - raid/r0 DEGRADED, rebuild 28%",
    })
    void readsRecordedArrays(String fixture, Status status, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(summary, o.summary());
        assertEquals(status, o.status());
    }

    @Test
    void namesTheWorstArraysFirstAndCountsTheRest() {
        CheckOutcome o = check.parse(raw(MANY), Settings.empty());
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("RAID CRITICAL - md4 raid1 [2/2] [UU], inactive; md6 raid1 [2/1] [U_], degraded, recovery 8.5%"
                + " (finish=17.0min); md7 raid6 [4/3] [U_UU], degraded; and 4 more", o.summary());
    }

    @Test
    void longOutputHasOneLinePerArrayInTheOrderListed() {
        List<String> lines = check.parse(raw(MANY), Settings.empty()).longOutput().lines().toList();
        assertEquals(List.of(
                "OK: md3 raid6 [8/8] [UUUUUUUU]; members sda1[8] sdh1[7] sdg1[6] sdf1[5] sde1[11] sdd1[3] sdc1[10] sdb1[9]",
                "OK: md127 raid1 [2/2] [UU]; members sdi2[0] sdj2[1]",
                "OK: md0 raid1 [2/2] [UU]; members sdi1[0] sdj1[1]",
                "CRITICAL: md4 raid1 [2/2] [UU], inactive; members sda3[0] sdb3[1]",
                "CRITICAL: md6 raid1 [2/1] [U_], degraded, recovery 8.5% (finish=17.0min); members sdb2[2] sda2[0]",
                "WARNING: md8 raid1 [2/2] [UU], resync 8.5% (finish=17.0min); members sdb1[1] sda1[0]",
                "CRITICAL: md7 raid6 [4/3] [U_UU], degraded; members sdb1[0] sde1[3] sdd1[2] sdc1[1]",
                "WARNING: md9 raid1 [4/4] [UUUU], resync DELAYED; members sdc2[2] sdd2[3] sdb2[1] sda2[0]",
                "OK: md10 raid0; members sda1[0] sdb1[1]",
                "WARNING: md11 raid1 [2/2] [UU] (auto-read-only), resync PENDING; members sdb2[0] sdc2[1]",
                "OK: md12 raid0; members sdc2[0] sdd2[1]",
                "CRITICAL: md219, inactive; members sdb[2](S) sdc[1](S) sda[0](S)"), lines);
    }

    @Test
    void aResyncAloneIsAWarningWithItsProgress() {
        String mdstat = "Personalities : [raid1]\n" + Fixtures.read(MANY).lines()
                .dropWhile(l -> !l.startsWith("md8 ")).takeWhile(l -> !l.isBlank())
                .reduce("", (a, b) -> a + b + "\n") + "\nunused devices: <none>\n";
        CheckOutcome o = check.parse(Fixtures.text(mdstat), Settings.empty());
        assertEquals(Status.WARNING, o.status());
        assertEquals("RAID WARNING - md8 raid1 [2/2] [UU], resync 8.5% (finish=17.0min)", o.summary());
    }

    @Test
    void perfdataCountsArraysAndGraphsMissingMembersAndProgress() {
        CheckOutcome o = check.parse(raw(MANY), Settings.empty());
        List<String> labels = o.perfData().stream().map(PerfDatum::label).toList();
        assertEquals(List.of("arrays", "degraded", "md3_missing", "md127_missing", "md0_missing", "md4_missing",
                "md6_missing", "md6_sync", "md8_missing", "md8_sync", "md7_missing", "md9_missing", "md11_missing"), labels);
        assertEquals(12.0, o.perfData().get(0).value());
        assertEquals(4.0, o.perfData().get(1).value(), "md4 and md219 inactive, md6 and md7 degraded");
        PerfDatum md6 = o.perfData().get(labels.indexOf("md6_missing"));
        assertEquals(1.0, md6.value());
        assertNull(md6.warn());
        assertEquals("0", md6.crit().text());
        assertEquals(0.0, md6.min());
        assertEquals(2.0, md6.max());
        PerfDatum sync = o.perfData().get(labels.indexOf("md6_sync"));
        assertEquals(8.5, sync.value());
        assertEquals("%", sync.unit());
        assertEquals(100.0, sync.max());
    }

    @Test
    void freebsdMirrorPerfdataHasNoMaximumSinceGmirrorStatusDoesNotTellIt() {
        CheckOutcome o = check.parse(raw("freebsd/gmirror-synchronizing.txt"), Settings.empty());
        assertEquals(List.of("arrays", "degraded", "mirror/gm0_missing", "mirror/gm0_sync"),
                o.perfData().stream().map(PerfDatum::label).toList());
        assertEquals(1.0, o.perfData().get(2).value());
        assertNull(o.perfData().get(2).max());
        assertEquals(64.0, o.perfData().get(3).value());
        assertEquals("CRITICAL: mirror/gm0 DEGRADED, synchronizing 64%; members ada1 (ACTIVE) ada0 (SYNCHRONIZING, 64%)\n"
                + "graid: the kernel class is not loaded, so there are no graid arrays", o.longOutput());
    }

    @ParameterizedTest(name = "{0} exit {1}")
    @CsvSource(delimiter = '|', value = {
        "linux/no-arrays-no-personalities.txt  | 0 | no arrays in /proc/mdstat",
        "linux/no-arrays-ubuntu.txt      | 0 | no arrays in /proc/mdstat",
        "linux/debian12-no-proc-mdstat.txt     | 1 | no /proc/mdstat: the md driver is not loaded",
        "linux/busybox-1.35-no-proc-mdstat.txt | 1 | no /proc/mdstat: the md driver is not loaded",
        "freebsd/no-arrays.txt                 | 0 | no arrays in gmirror status and graid status",
        "freebsd/no-classes-loaded.txt         | 0 | gmirror: the kernel class is not loaded, so there are no gmirror arrays;"
                + " graid: the kernel class is not loaded, so there are no graid arrays",
    })
    void noArraysIsOkUnlessArraysAreExpected(String fixture, int exitCode, String longOutput) {
        CheckOutcome o = check.parse(raw(fixture, exitCode), Settings.empty());
        assertEquals(Status.OK, o.status());
        assertEquals("RAID OK - no RAID arrays", o.summary());
        assertEquals(longOutput, o.longOutput());
        assertEquals(List.of("arrays", "degraded"), o.perfData().stream().map(PerfDatum::label).toList());
        assertEquals(0.0, o.perfData().get(0).value());

        CheckOutcome expected = check.parse(raw(fixture, exitCode), options("expect_arrays", true));
        assertEquals(Status.UNKNOWN, expected.status());
        assertEquals("RAID UNKNOWN - no RAID arrays found, but expect_arrays is true", expected.summary());
        assertEquals(longOutput, expected.longOutput());
    }

    @ParameterizedTest(name = "{0} exit {1}")
    @CsvSource(delimiter = '|', value = {
        "linux/empty.txt                      | 0   | could not read /proc/mdstat: no \"Personalities\" line",
        "linux/garbage-proc-version.txt       | 0   | could not read /proc/mdstat: no \"Personalities\" line",
        "linux/invalid-array-line.txt         | 0   | could not read this line of /proc/mdstat: \"mdf1: testman actve\"",
        "linux/busybox-1.35-no-cat-applet.txt | 127 | cat /proc/mdstat failed (exit 127)",
        "linux/raid1-clean.txt                | 2   | cat /proc/mdstat failed (exit 2)",
    })
    void unreadableOutputIsUnknownWithTheRawText(String fixture, int exitCode, String problem) {
        RawOutput out = raw(fixture, exitCode);
        CheckOutcome o = check.parse(out, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("RAID UNKNOWN - " + problem, o.summary());
        assertEquals(out.text(), o.longOutput());
    }

    @Test
    void outputCutByTheCapIsUnknownSinceAnArrayMayBeMissing() {
        String full = Fixtures.read("linux/raid10-check.txt");
        // cut inside md0's status line: md0 and its state are lost
        String cut = full.substring(0, full.indexOf("[2/2] [UU]\n      bitmap") + 4);
        RawOutput out = new RawOutput(cut, 0, true);
        CheckOutcome o = check.parse(out, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("RAID UNKNOWN - /proc/mdstat ends before its \"unused devices\" line (output truncated)", o.summary());
        assertEquals(cut, o.longOutput());

        String geom = Fixtures.read("freebsd/gmirror-synchronizing.txt");
        RawOutput cutGeom = new RawOutput(geom.substring(0, geom.indexOf("graid exit")), 0, true);
        assertEquals("RAID UNKNOWN - expected the output of gmirror status and graid status, each with its exit status"
                + " (output truncated)", check.parse(cutGeom, Settings.empty()).summary());
    }

    @Test
    void aRedundantArrayWithoutMemberStatusIsUnreadable() {
        String mdstat = "Personalities : [raid1]\nmd0 : active raid1 sdb1[1] sda1[0]\n      244005888 blocks super 1.2\n\n"
                + "unused devices: <none>\n";
        assertEquals("RAID UNKNOWN - could not read /proc/mdstat: no member status ([n/m] [UU]) for md0",
                check.parse(Fixtures.text(mdstat), Settings.empty()).summary());
    }

    @Test
    void aFailedDeviceOnAFullArrayIsAWarning() {
        String mdstat = "Personalities : [raid1]\nmd0 : active raid1 sdc1[2](F) sdb1[1] sda1[0]\n"
                + "      244005888 blocks super 1.2 [2/2] [UU]\n\nunused devices: <none>\n";
        CheckOutcome o = check.parse(Fixtures.text(mdstat), Settings.empty());
        assertEquals(Status.WARNING, o.status());
        assertEquals("RAID WARNING - md0 raid1 [2/2] [UU], 1 failed device", o.summary());
    }

    @Test
    void anUnknownGeomStateIsUnknownForThatArray() {
        String geom = "      Name    Status  Components\nmirror/gm0  SLEEPING  ada1 (ACTIVE)\ngmirror exit 0\ngraid exit 0\n";
        CheckOutcome o = check.parse(Fixtures.text(geom), Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("RAID UNKNOWN - mirror/gm0 SLEEPING, state SLEEPING unknown to this check", o.summary());
    }

    @ParameterizedTest(name = "{0}: warn {1} crit {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // one of four raid5 members missing
        "linux/raid5-degraded.txt      | -  | -  | CRITICAL",
        "linux/raid5-degraded.txt      | 0  | 1  | WARNING",
        "linux/raid5-degraded.txt      | 0  | -  | WARNING",
        "linux/raid5-degraded.txt      | 0  | 0  | CRITICAL",
        // a recovery keeps at least WARNING whatever the thresholds say about one missing member
        "linux/raid5-recovery.txt      | 0  | 1  | WARNING",
        "freebsd/graid-rebuild.txt     | 0  | 1  | WARNING",
        "linux/raid1-clean.txt         | 0  | 1  | OK",
    })
    void thresholdsApplyToMissingMembers(String fixture, String warn, String crit, Status expected) {
        Settings options = warn == null ? Settings.empty()
                : crit == null ? options("warn", warn) : options("warn", warn, "crit", crit);
        assertEquals(List.of(), check.validate(options));
        assertEquals(expected, check.parse(raw(fixture), options).status());
    }

    @Test
    void validateReportsEveryBadOption() {
        assertEquals(List.of(
                new ConfigProblem("warn", "expected a range like \"4\", \"10:20\", got \"lots\""),
                new ConfigProblem("expect_arrays", "expected true or false, got \"yes\"")),
                check.validate(options("warn", "lots", "expect_arrays", "yes")));
        assertEquals(List.of(new ConfigProblem("crit", "expected a range like \"4\", \"10:20\", got \"50%\"")),
                check.validate(options("crit", "50%")));
    }

    @Test
    void validateRejectsThresholdsThatCannotBeMeant() {
        assertEquals(List.of(new ConfigProblem("crit", "with crit \"1\" an array missing one member would be OK;"
                + " write warn: 0 to be warned of it")), check.validate(options("crit", "1")));
        assertEquals(List.of(new ConfigProblem("warn", "with warn \"1:\" every healthy array (0 missing members) would"
                + " alert; write a range like \"0\" or \"1\"")), check.validate(options("warn", "1:")));
        assertEquals(List.of(), check.validate(options("expect_arrays", true)));
    }

    @Test
    void badOptionsAtParseTimeGiveUnknownNotAnException() {
        CheckOutcome o = check.parse(raw("linux/raid1-clean.txt"), options("warn", "lots"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("RAID UNKNOWN - bad options: warn: expected a range like \"4\", \"10:20\", got \"lots\"", o.summary());
        assertEquals(Status.UNKNOWN, check.parse(raw("linux/raid1-clean.txt"), options("expect_arrays", "yes")).status());
    }

    @Test
    void commandsPerPlatformNeedNoOptionsAndTwoPlatformsHaveNone() {
        Settings any = options("warn", "0", "crit", "1", "expect_arrays", true);
        assertEquals(Optional.of("cat /proc/mdstat"), check.command(Platform.LINUX, any));
        assertEquals(Optional.of("cat /proc/mdstat"), check.command(Platform.BUSYBOX, Settings.empty()));
        assertEquals(Optional.of("gmirror status; echo \"gmirror exit $?\"; graid status; echo \"graid exit $?\""),
                check.command(Platform.FREEBSD, any));
        assertEquals(Optional.empty(), check.command(Platform.OPENBSD, any));
        assertEquals(Optional.empty(), check.command(Platform.MACOS, any));
        assertEquals("raid", check.name());
        assertEquals(Set.of("warn", "crit", "expect_arrays"), check.optionNames());
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("{", "Personalities :\nmd0 : active", "Personalities :\nmd0 : active raid1\nunused devices:",
                "Personalities :\nmd0 : active raid5 a[0]\n  1 blocks [9999/99999] [U]\nunused devices:",
                "Personalities :\nmd0 : active raid1 a[0]\n  [2/1] [U_]\n  recovery = 999.999% finish=\nunused devices:",
                "Personalities :\n   \t\0\nmd\0 : inactive\0\nunused devices:", "gmirror exit 0\ngraid exit 0\ngmirror exit 0",
                "      Name    Status  Components\nx\ngmirror exit 0\ngraid exit 0",
                "  Name  Status  Components\n  a  b\ngmirror exit 0\ngraid exit 999", "gmirror exit 9999\ngraid exit 0",
                "x".repeat(10_000) + "\ngmirror exit 0\ngraid exit 0", "Personalities :\n" + "y".repeat(10_000))) {
            CheckOutcome o = check.parse(Fixtures.text(s), Settings.empty());
            assertTrue(o.summary().startsWith("RAID "), o.summary());
        }
    }

    @Test
    void pf4jFindsTheCheckThroughTheIndexItsAnnotationProcessorWrote(@TempDir Path noPlugins) {
        List<String> names = new DefaultPluginManager(noPlugins).getExtensions(Check.class).stream().map(Check::name).toList();
        assertTrue(names.contains("raid"), names.toString());
    }
}
