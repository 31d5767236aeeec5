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
import org.junit.jupiter.params.provider.ValueSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.Fixtures;

class DiskCheckTest {
    private static final String AWKWARD = "disk/petabyte-and-awkward.txt";
    private final DiskCheck check = new DiskCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "disk/debian12-gnu-with-spaces.txt  | DISK OK - 1 filesystem, / 21.3% used (79.8 GiB free of 252 GiB)",
        "disk/busybox-1.35-with-spaces.txt  | DISK OK - 1 filesystem, / 21.3% used (79.8 GiB free of 252 GiB)",
        "disk/alpine-busybox-container.txt  | DISK OK - 2 filesystems, fullest /etc/hosts 60.3% used (22 GiB free of 58.4 GiB)",
        "disk/df-errors.txt                 | DISK OK - 1 filesystem, / 31.6% used (25.4 GiB free of 39.2 GiB)",
        "disk/freebsd-13.2-zfs.txt          | DISK OK - 12 filesystems, fullest /usr/ports 4.2% used (206 GiB free of 215 GiB)",
        "disk/openbsd-5.7.txt               | DISK OK - 3 filesystems, fullest /usr 12.7% used (2.4 GiB free of 2.9 GiB)",
        "disk/macos-14-apfs.txt             | DISK OK - 4 filesystems, fullest /System/Volumes/Data 91.8% used (34.2 GiB free of 460 GiB)",
    })
    void readsRecordedOutputsLeavingPseudoFilesystemsOut(String fixture, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(summary, o.summary());
        assertEquals(Status.OK, o.status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"disk/debian12-gnu-with-spaces.txt", "disk/busybox-1.35-with-spaces.txt"})
    void mountPointsWithSpacesAndLongDeviceNamesAreReadWhole(String fixture) {
        CheckOutcome o = check.parse(raw(fixture), options("mounts", List.of("/tmp/udjat mnt/a b"), "warn", "90%"));
        assertEquals("DISK WARNING - /tmp/udjat mnt/a b 92.8% used (148 KiB free of 2 MiB)", o.summary());
        PerfDatum p = o.perfData().get(0);
        assertEquals("/tmp/udjat mnt/a b", p.label());
        assertEquals(1900 * 1024.0, p.value());
        assertEquals("B", p.unit());
        assertEquals(2048 * 1024.0, p.max());
        List<Filesystem> all = DfReport.parse(raw(fixture).lines()).filesystems();
        assertEquals("a-very-long-device-name-that-would-wrap-in-non-posix-df-output:/export/data",
                all.get(all.size() - 1).device());
    }

    @Test
    void readsPetabyteFilesystemsAndDevicesWithSpaces() {
        DfReport df = DfReport.parse(raw(AWKWARD).lines());
        assertEquals(List.of(), df.otherLines());
        Filesystem lustre = df.filesystems().get(1);
        assertEquals(new Filesystem("10.0.0.7@tcp:10.0.0.8@tcp:/lustre", "lustre", 5497558138880L, 5222680231936L,
                274877906944L, "/lustre"), lustre);
        Filesystem sshfs = df.filesystems().get(3);
        assertEquals("user@host:/srv/my files", sshfs.device());
        assertEquals("fuse.sshfs", sshfs.type());
        assertEquals("/mnt/remote share", sshfs.mount());
    }

    @Test
    void summaryNamesTheWorstFilesystemsFirst() {
        CheckOutcome o = check.parse(raw(AWKWARD), options("warn", "90%", "crit", "99%"));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("DISK CRITICAL - /data/full 100% used (0 B free of 10 GiB),"
                + " /lustre 95% used (256 TiB free of 5 PiB), / 95% used (1007 MiB free of 19.6 GiB)", o.summary());
        // overlay and squashfs are left out by default
        assertEquals(List.of("/", "/lustre", "/tank/archive", "/mnt/remote share", "/boot/efi", "/data/full"),
                o.perfData().stream().map(PerfDatum::label).toList());
        assertTrue(o.longOutput().startsWith("CRITICAL: /data/full 100% used"), o.longOutput());
        assertTrue(o.longOutput().contains("OK: /boot/efi 1.2% used"), o.longOutput());
    }

    @ParameterizedTest(name = "warn {0} crit {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // / has 95% used and 1030864 KiB (~1007 MiB) available
        "96%       | 99%      | OK",
        "94%       | 99%      | WARNING",
        "90%       | 94.9%    | CRITICAL",
        "2GiB:     | 512MiB:  | WARNING",
        "2GiB:     | 1GiB:    | CRITICAL",
        "@0:1GiB   | -        | WARNING",
        "500MiB:   | -        | OK",
        "90%       | 1GiB:    | CRITICAL",
    })
    void thresholdsOnUsedPercentOrAvailableSize(String warn, String crit, Status expected) {
        Settings options = crit == null ? options("mounts", "/", "warn", warn) : options("mounts", "/", "warn", warn, "crit", crit);
        assertEquals(List.of(), check.validate(options));
        assertEquals(expected, check.parse(raw(AWKWARD), options).status());
    }

    @Test
    void perfdataThresholdsAreInUsedBytes() {
        // / : used 19480448 KiB, available 1030864 KiB, capacity 20511312 KiB = 21003583488 B
        CheckOutcome o = check.parse(raw(AWKWARD), options("mounts", "/", "warn", "90%", "crit", "512MiB:"));
        PerfDatum root = o.perfData().get(0);
        assertEquals(19480448 * 1024.0, root.value());
        assertEquals("18903225139.2", root.warn().text());
        assertEquals("~:20466712576", root.crit().text());
        assertEquals(0.0, root.min());
        assertEquals(20511312 * 1024.0, root.max());
    }

    @Test
    void selectionByMountTypeAndWildcard() {
        Settings options = options("exclude_types", List.of("lustre", "fuse.*"), "exclude_mounts", List.of("/data/*", "/boot/efi"));
        assertEquals(List.of("/", "/tank/archive"),
                check.parse(raw(AWKWARD), options).perfData().stream().map(PerfDatum::label).toList());
        // listing a pseudo filesystem's mount point includes it
        options = options("mounts", List.of("/snap/*", "/var/lib/docker/overlay2/abc/merged"));
        assertEquals(List.of("/var/lib/docker/overlay2/abc/merged", "/snap/core20/1974"),
                check.parse(raw(AWKWARD), options).perfData().stream().map(PerfDatum::label).toList());
    }

    @Test
    void aListedMountThatIsNotMountedIsCritical() {
        CheckOutcome o = check.parse(raw(AWKWARD), options("mounts", List.of("/", "/srv", "/nothing/*")));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("DISK CRITICAL - /srv not mounted", o.summary());
    }

    @Test
    void dfComplaintsAreKeptInTheLongOutput() {
        CheckOutcome o = check.parse(raw("disk/df-errors.txt"), Settings.empty());
        assertTrue(o.longOutput().contains("df: df: /mnt/nfs: Stale file handle"), o.longOutput());
        assertTrue(o.longOutput().contains("df: df: /run/user/1000/doc: Operation not permitted"), o.longOutput());
    }

    @Test
    void bindMountsOfOneFilesystemCountOncePerMountPoint() {
        String df = "Filesystem Type 1024-blocks Used Available Capacity Mounted on\n"
                + "rootfs rootfs 100 50 50 50% /\n/dev/sda1 ext4 100 90 10 90% /\n/dev/sda1 ext4 100 90 10 90% /\n";
        CheckOutcome o = check.parse(Fixtures.text(df), Settings.empty());
        assertEquals("DISK OK - 1 filesystem, / 90% used (10 KiB free of 100 KiB)", o.summary());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"disk/garbage-old-busybox.txt", "disk/empty.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("DISK UNKNOWN - could not read the output of df", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void onlyPseudoFilesystemsIsUnknown() {
        String df = "Filesystem Type 1024-blocks Used Available Capacity Mounted on\noverlay overlay 100 50 50 50% /\n";
        CheckOutcome o = check.parse(Fixtures.text(df), Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("DISK UNKNOWN - no filesystem left to check after the exclusions (1 in df output)", o.summary());
    }

    @Test
    void aLineCutByTheOutputCapIsDropped() {
        String df = "Filesystem Type 1024-blocks Used Available Capacity Mounted on\n/dev/sda1 ext4 100 50 50 50% /\n"
                + "/dev/sdb1 ext4 100 99 1 99% /srv/dat";
        CheckOutcome o = check.parse(new RawOutput(df, 0, true), Settings.empty());
        assertEquals(List.of("/"), o.perfData().stream().map(PerfDatum::label).toList());
    }

    @Test
    void validateReportsEveryBadOption() {
        assertEquals(List.of(
                new ConfigProblem("warn", "expected a percentage like \"90%\" or a size like \"2GiB\", got \"90\""),
                new ConfigProblem("crit", "a size applies to what is still available, and \"1GiB\" would not alert"
                        + " when nothing is left; write \"1GiB:\" to alert below that"),
                new ConfigProblem("mounts", "expected absolute mount points like \"/var\", got \"var\""),
                new ConfigProblem("exclude_mounts", "expected absolute mount points like \"/var\", got \"tmp\""),
                new ConfigProblem("exclude_types", "expected filesystem types like \"nfs\", got \"fuse sshfs\"")),
                check.validate(options("warn", 90, "crit", "1GiB", "mounts", List.of("/", "var"), "exclude_mounts", "tmp",
                        "exclude_types", List.of("nfs", "fuse sshfs"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "LINUX   | df -P -k -T",
        "BUSYBOX | df -P -k -T",
        "FREEBSD | df -P -k -T",
        "OPENBSD | df -P -k; echo '== mount =='; mount",
        "MACOS   | df -P -k; echo '== mount =='; mount",
    })
    void aCommandForEveryPlatform(Platform platform, String command) {
        assertEquals(Optional.of(command), check.command(platform, Settings.empty()));
        assertEquals(Set.of("warn", "crit", "mounts", "exclude_mounts", "exclude_types"), check.optionNames());
    }

    @Test
    void theDefaultSelectionOnEachBsdLeavesItsPseudoFilesystemsOut() {
        // FreeBSD: devfs, fdescfs, procfs, linprocfs, linsysfs and the Linux-compat tmpfs
        assertEquals(List.of("/", "/tmp", "/var/log", "/usr/ports", "/var/mail", "/var/tmp", "/compat", "/zroot",
                "/var/crash", "/usr/home", "/var/audit", "/usr/src"), labels(check.parse(raw("disk/freebsd-13.2-zfs.txt"),
                Settings.empty())));
        // macOS: devfs, autofs (map auto_home) and the helper volumes under /System/Volumes
        assertEquals(List.of("/", "/System/Volumes/Data", "/Volumes/Recovery", "/Volumes/DagninBackup"),
                labels(check.parse(raw("disk/macos-14-apfs.txt"), Settings.empty())));
        // OpenBSD: mfs
        assertEquals(List.of("/", "/tmp", "/srv/backup type b", "/mnt/my files", "/mnt/stick on desk"),
                labels(check.parse(raw("disk/openbsd-awkward-constructed.txt"), Settings.empty())));
    }

    @Test
    void macosHelperVolumesAreCheckedWhenListed() {
        CheckOutcome o = check.parse(raw("disk/macos-14-apfs.txt"), options("mounts", List.of("/System/Volumes/*")));
        assertEquals(List.of("/System/Volumes/VM", "/System/Volumes/Preboot", "/System/Volumes/Update",
                "/System/Volumes/Data", "/System/Volumes/Data/home"), labels(o));
        assertEquals("DISK OK - 5 filesystems, fullest /System/Volumes/Data 91.8% used (34.2 GiB free of 460 GiB)", o.summary());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "disk/freebsd-awkward-constructed.txt | /data/my files                   | 51540624  | 103081248",
        "disk/freebsd-awkward-constructed.txt | /mnt/remote share                | 52428800  | 104857600",
        "disk/openbsd-awkward-constructed.txt | /mnt/my files                    | 250167000 | 976490576",
        "disk/openbsd-awkward-constructed.txt | /srv/backup type b               | 5160735   | 10321470",
        "disk/openbsd-awkward-constructed.txt | /mnt/stick on desk               | 63472     | 63472",
        "disk/macos-awkward-constructed.txt   | /Volumes/My Disk                 | 976728    | 1953456",
        "disk/macos-awkward-constructed.txt   | /Volumes/Backup (old) on Tuesday | 460548    | 511720",
        "disk/macos-awkward-constructed.txt   | /Volumes/share                   | 250167000 | 976490576",
    })
    void mountPointsWithSpacesOnEveryPlatform(String fixture, String mount, long usedKib, long sizeKib) {
        CheckOutcome o = check.parse(raw(fixture), options("mounts", mount));
        assertEquals(Status.OK, o.status(), o.summary());
        PerfDatum p = o.perfData().get(0);
        assertEquals(mount, p.label());
        assertEquals(usedKib * 1024.0, p.value());
        assertEquals(sizeKib * 1024.0, p.max());
    }

    @Test
    void theMountTableGivesTypesEvenToDevicesAndPathsWithOnAndParentheses() {
        DfReport df = DfReport.parse(raw("disk/macos-awkward-constructed.txt").lines());
        assertEquals(List.of("apfs", "devfs", "apfs", "autofs", "apfs", "hfs", "smbfs", ""),
                df.filesystems().stream().map(Filesystem::type).toList());
        assertEquals("//guest@nas on lan/share", df.filesystems().get(6).device());
        assertEquals("map auto_home", df.filesystems().get(3).device());
        df = DfReport.parse(raw("disk/openbsd-awkward-constructed.txt").lines());
        assertEquals(List.of("ffs", "ffs", "mfs", "ffs", "nfs", "msdos"), df.filesystems().stream().map(Filesystem::type).toList());
    }

    @Test
    void aFilesystemMissingFromTheMountTableIsLeftOutAndNamed() {
        CheckOutcome o = check.parse(raw("disk/macos-awkward-constructed.txt"), Settings.empty());
        assertTrue(o.longOutput().endsWith("not in the mount table, so of unknown type and left out: /Volumes/Gone"),
                o.longOutput());
        // listed, it is checked all the same
        o = check.parse(raw("disk/macos-awkward-constructed.txt"), options("mounts", "/Volumes/Gone"));
        assertEquals("DISK OK - 1 filesystem, /Volumes/Gone 50% used (100 MiB free of 200 MiB)", o.summary());
    }

    @Test
    void rootPastItsReserveIsFullNotNegative() {
        for (String fixture : List.of("disk/freebsd-awkward-constructed.txt", "disk/openbsd-awkward-constructed.txt")) {
            CheckOutcome o = check.parse(raw(fixture), options("mounts", "/", "crit", "99%"));
            assertEquals(Status.CRITICAL, o.status(), fixture);
            assertTrue(o.summary().startsWith("DISK CRITICAL - / 100% used (0 B free of "), o.summary());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // cut off by the output cap before the mount table: the header says no type column
        "Filesystem  1024-blocks Used Available Capacity Mounted on\n"
                + "map auto_home 0 0 0 100% /System/Volumes/Data/home\n/dev/disk3s5 1000 500 500 50% /System/Volumes/Data\n",
        // mount failed
        "Filesystem  1024-blocks Used Available Capacity Mounted on\n"
                + "/dev/sd0a 1013006 58408 903948 6% /\n== mount ==\nsh: mount: not found\n",
    })
    void anUnreadableMountTableIsUnknown(String text) {
        CheckOutcome o = check.parse(Fixtures.text(text), Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("DISK UNKNOWN - could not read the mount table after df's output", o.summary());
        assertEquals(text, o.longOutput());
    }

    @Test
    void wrappedLinesOfNonPosixDfAreNeverCreditedToAFilesystem() {
        // recorded: GNU df without -P in a Spanish locale; every other line is untyped, so nothing is read
        RawOutput raw = raw("disk/centos6-es-wrapped-non-posix.txt");
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals("DISK UNKNOWN - could not read the output of df", o.summary());
        assertEquals(raw.text(), o.longOutput());
        // with types, the continuation line has the shape of a row but starts with blanks
        String typed = "Filesystem    Type  1K-blocks     Used Available Use% Mounted on\n"
                + "/dev/mapper/VolGroup-lv_root\n              ext4   51475068 49800000         0 100% /\n"
                + "/dev/sda1     ext4     495844    30193    440051   7% /boot\n";
        o = check.parse(Fixtures.text(typed), Settings.empty());
        assertEquals("DISK OK - 1 filesystem, /boot 6.4% used (430 MiB free of 484 MiB)", o.summary());
        assertEquals(List.of("/boot"), labels(o));
        assertTrue(o.longOutput().contains("df: /dev/mapper/VolGroup-lv_root"), o.longOutput());
    }

    @Test
    void aFailedCommandIsUnknownWithItsText() {
        RawOutput raw = new RawOutput("sh: 1: df: not found\n", 127, false);
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("DISK UNKNOWN - could not read the output of df", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    private static List<String> labels(CheckOutcome o) {
        return o.perfData().stream().map(PerfDatum::label).toList();
    }
}
