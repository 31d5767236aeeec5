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

class InodesCheckTest {
    private static final String OPENBSD = "inodes/openbsd-constructed.txt";
    private final InodesCheck check = new InodesCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "inodes/debian12-gnu-with-spaces.txt   | INODES OK - 1 filesystem, / 2.5% used (16365297 free of 16777216 inodes)",
        "inodes/busybox-1.35-with-spaces.txt   | INODES OK - 1 filesystem, / 2.5% used (16365294 free of 16777216 inodes)",
        "inodes/freebsd-13.2-zfs.txt           | INODES OK - 12 filesystems, fullest /usr/ports 0.2% used (432411328 free of 433173968 inodes)",
        "inodes/openbsd-constructed.txt        | INODES OK - 4 filesystems, fullest /srv/mail spool 100% used (2 free of 64000 inodes)",
        "inodes/macos-13-parallels.txt         | INODES OK - 4 filesystems, fullest /System/Volumes/Data 0.2% used (2261152880 free of 2265161327 inodes)",
        "inodes/macos-exfat-and-old-apfs.txt   | INODES OK - 2 filesystems, fullest /System/Volumes/Data 0.6% used (933177520 free of 938456574 inodes)",
        "inodes/df-errors-constructed.txt      | INODES OK - 1 filesystem, / 10% used (2359296 free of 2621440 inodes)",
    })
    void readsOutputsOfEveryPlatformLeavingPseudoFilesystemsOut(String fixture, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(summary, o.summary());
        assertEquals(Status.OK, o.status());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "inodes/debian12-gnu-with-spaces.txt | /tmp/udjat mnt/a b              | 1    | 1000",
        "inodes/busybox-1.35-with-spaces.txt | /tmp/udjat mnt/a b              | 1    | 1000",
        "inodes/openbsd-constructed.txt      | /srv/mail spool                 | 63998 | 64000",
        "inodes/macos-13-parallels.txt       | /Volumes/Parallels Desktop 18   | 1286 | 4294967279",
        "inodes/macos-13-parallels.txt       | /Volumes/Parallels Desktop 18 1 | 1258 | 4294967279",
        "inodes/freebsd-13.2-zfs.txt         | /compat/linux/dev/shm           | 1    | 2147483647",
    })
    void mountPointsWithSpacesAndCountsAbove2To31(String fixture, String mount, long used, long total) {
        CheckOutcome o = check.parse(raw(fixture), options("mounts", mount));
        PerfDatum p = o.perfData().get(0);
        assertEquals(List.of(mount), o.perfData().stream().map(PerfDatum::label).toList());
        assertEquals(used, p.value());
        assertEquals("", p.unit());
        assertEquals(0.0, p.min());
        assertEquals(total, p.max());
    }

    @Test
    void aFreeCountAbove2To63IsReadNotDropped() {
        CheckOutcome o = check.parse(raw("inodes/macos-exfat-and-old-apfs.txt"), options("mounts", "/Volumes/Mojave", "crit", "90%"));
        assertEquals(Status.OK, o.status());
        assertEquals(1973180.0, o.perfData().get(0).value());
        assertEquals(9223372036854775807.0, o.perfData().get(0).max());
    }

    @Test
    void filesystemsWithoutInodeCountsAreSkippedAndNamed() {
        CheckOutcome o = check.parse(raw("inodes/df-errors-constructed.txt"), Settings.empty());
        assertEquals(List.of("/"), o.perfData().stream().map(PerfDatum::label).toList());
        assertEquals("""
                OK: / 10% used (2359296 free of 2621440 inodes)
                skipped, no inode counts: /srv (btrfs), /boot/efi (vfat), /mnt/odd (fuse.odd)
                df: df: /mnt/nfs: Stale file handle
                df: df: /run/user/1000/doc: Operation not permitted""", o.longOutput());
        // a tmpfs without an inode limit (GNU prints 0 0 0 -, BusyBox 0 0 0 0%) and exFAT (1 used, 0 free)
        for (String fixture : List.of("inodes/debian12-gnu-with-spaces.txt", "inodes/busybox-1.35-with-spaces.txt")) {
            o = check.parse(raw(fixture), options("mounts", List.of("/", "/tmp/udjat mnt/noinodes")));
            assertTrue(o.longOutput().endsWith("skipped, no inode counts: /tmp/udjat mnt/noinodes (tmpfs)"), o.longOutput());
        }
        o = check.parse(raw("inodes/macos-exfat-and-old-apfs.txt"), Settings.empty());
        assertTrue(o.longOutput().endsWith("skipped, no inode counts: /Volumes/Crucial X9 (exfat)"), o.longOutput());
    }

    @Test
    void whenEveryFilesystemLacksInodeCountsTheCheckIsOkWithoutPerfdata() {
        CheckOutcome o = check.parse(raw("inodes/df-errors-constructed.txt"), options("mounts", List.of("/srv", "/boot/efi")));
        assertEquals(Status.OK, o.status());
        assertEquals("INODES OK - no filesystem with inode counts (2 report none)", o.summary());
        assertEquals(List.of(), o.perfData());
        assertTrue(o.longOutput().startsWith("skipped, no inode counts: /srv (btrfs), /boot/efi (vfat)"), o.longOutput());
    }

    @ParameterizedTest(name = "warn {0} crit {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // /usr: 28814 used, 376816 free, 7.1% used
        "8%        | 9%        | OK",
        "7%        | 9%        | WARNING",
        "5%        | 7%        | CRITICAL",
        "400000:   | 300000:   | WARNING",
        "400000:   | 380000:   | CRITICAL",
        "@0:380000 | -         | WARNING",
        "300000:   | -         | OK",
        "5%        | 380000:   | CRITICAL",
    })
    void thresholdsOnUsedPercentOrFreeCount(String warn, String crit, Status expected) {
        Settings options = crit == null ? options("mounts", "/usr", "warn", warn) : options("mounts", "/usr", "warn", warn, "crit", crit);
        assertEquals(List.of(), check.validate(options));
        assertEquals(expected, check.parse(raw(OPENBSD), options).status());
    }

    @Test
    void perfdataThresholdsAreInUsedInodes() {
        // /usr: 28814 used + 376816 free = 405630
        CheckOutcome o = check.parse(raw(OPENBSD), options("mounts", "/usr", "warn", "90%", "crit", "10000:"));
        PerfDatum usr = o.perfData().get(0);
        assertEquals(28814.0, usr.value());
        assertEquals("365067", usr.warn().text());
        assertEquals("~:395630", usr.crit().text());
        assertEquals(405630.0, usr.max());
    }

    @Test
    void summaryNamesTheWorstFirstAndTheLongOutputEveryFilesystem() {
        CheckOutcome o = check.parse(raw(OPENBSD), options("warn", "5%", "crit", "99%"));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("INODES CRITICAL - /srv/mail spool 100% used (2 free of 64000 inodes), /usr 7.1% used (376816 free of"
                + " 405630 inodes)", o.summary());
        assertEquals("""
                CRITICAL: /srv/mail spool 100% used (2 free of 64000 inodes)
                WARNING: /usr 7.1% used (376816 free of 405630 inodes)
                OK: / 1.2% used (141262 free of 142974 inodes)
                OK: /home 0% used (254971 free of 254974 inodes)""", o.longOutput());
    }

    @Test
    void selectionAsForDiskWithWildcardsAndMissingMounts() {
        Settings options = options("exclude_mounts", List.of("/srv/*"), "exclude_types", "ffs");
        CheckOutcome o = check.parse(raw(OPENBSD), options);
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("INODES UNKNOWN - no filesystem left to check after the exclusions (5 in df output)", o.summary());
        o = check.parse(raw(OPENBSD), options("mounts", List.of("/", "/var", "/srv/*", "/tmp")));
        assertEquals("INODES CRITICAL - /var not mounted", o.summary());
        // listed, the mfs is checked although its type is a pseudo type
        assertEquals(List.of("/", "/tmp", "/srv/mail spool"), o.perfData().stream().map(PerfDatum::label).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"inodes/garbage-old-busybox.txt", "inodes/empty.txt", "inodes/rhel6-fr-wrapped-non-posix.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("INODES UNKNOWN - could not read the output of df", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aFailedOrCutCommandIsUnknownOrKeepsOnlyWholeLines() {
        RawOutput failed = new RawOutput("sh: 1: df: not found\n", 127, false);
        assertEquals("INODES UNKNOWN - could not read the output of df", check.parse(failed, Settings.empty()).summary());
        String text = raw("inodes/df-errors-constructed.txt").text();
        // cut inside the root line: "/dev/sda1 ext4 2621440 262144 2359" would read as 2359 free
        RawOutput cut = new RawOutput(text.substring(0, text.indexOf("2359296") + 4), 0, true);
        assertEquals("INODES UNKNOWN - could not read the output of df", check.parse(cut, Settings.empty()).summary());
        // cut in the mount table: the filesystems whose entries were lost are left out and named
        String mac = raw("inodes/macos-13-parallels.txt").text();
        cut = new RawOutput(mac.substring(0, mac.indexOf("/dev/disk4s1 on") + 20), 0, true);
        CheckOutcome o = check.parse(cut, Settings.empty());
        assertEquals(List.of("/", "/System/Volumes/Data"), o.perfData().stream().map(PerfDatum::label).toList());
        assertTrue(o.longOutput().endsWith("not in the mount table, so of unknown type and left out: "
                + "/Volumes/Parallels Desktop 18, /Volumes/Parallels Desktop 18 1"), o.longOutput());
    }

    @Test
    void validateReportsEveryBadOption() {
        // threshold problems come as UsageThresholds finds them: the unreadable first, then the ones that never alert
        assertEquals(List.of(
                new ConfigProblem("crit", "expected a range like \"4\", \"10:20\" or a percentage like \"90%\", got \"1GiB:\""),
                new ConfigProblem("warn", "a number applies to what is still available, and \"90\" would not alert when nothing"
                        + " is left; write \"90:\" to alert below that, or \"90%\" for a used percentage"),
                new ConfigProblem("mounts", "expected absolute mount points like \"/var\", got \"var\""),
                new ConfigProblem("exclude_types", "expected filesystem types like \"nfs\", got \"\"")),
                check.validate(options("warn", 90, "crit", "1GiB:", "mounts", List.of("/", "var"), "exclude_types", "")));
        assertEquals(List.of(new ConfigProblem("warn", "a number applies to what is still available, and \"@10:20\" would not"
                + " alert when nothing is left; write \"10000:\" to alert below that")), check.validate(options("warn", "@10:20")));
        CheckOutcome bad = check.parse(raw(OPENBSD), options("warn", "lots"));
        assertEquals(Status.UNKNOWN, bad.status());
        assertEquals("INODES UNKNOWN - bad options: warn: expected a range like \"4\", \"10:20\" or a percentage like \"90%\","
                + " got \"lots\"", bad.summary());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "LINUX   | df -P -i -T",
        "BUSYBOX | df -P -i -T",
        "FREEBSD | df -k -i -T",
        "OPENBSD | df -k -i; echo '== mount =='; mount",
        "MACOS   | df -k -i; echo '== mount =='; mount",
    })
    void aCommandForEveryPlatform(Platform platform, String command) {
        assertEquals(Optional.of(command), check.command(platform, Settings.empty()));
        assertEquals(Set.of("warn", "crit", "mounts", "exclude_mounts", "exclude_types"), check.optionNames());
    }
}
