package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.checks.Fixtures.options;
import static org.udjat.checks.Fixtures.raw;

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

class DiskCheckTest {
    private static final String AWKWARD = "disk/petabyte-and-awkward.txt";
    private final DiskCheck check = new DiskCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "disk/debian12-gnu-with-spaces.txt  | DISK OK - 1 filesystem, / 21.3% used (79.8 GiB free of 252 GiB)",
        "disk/busybox-1.35-with-spaces.txt  | DISK OK - 1 filesystem, / 21.3% used (79.8 GiB free of 252 GiB)",
        "disk/alpine-busybox-container.txt  | DISK OK - 2 filesystems, fullest /etc/hosts 60.3% used (22 GiB free of 58.4 GiB)",
        "disk/df-errors.txt                 | DISK OK - 1 filesystem, / 31.6% used (25.4 GiB free of 39.2 GiB)",
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
        List<Filesystem> all = DfReport.parse(OutputLines.of(raw(fixture))).filesystems();
        assertEquals("a-very-long-device-name-that-would-wrap-in-non-posix-df-output:/export/data",
                all.get(all.size() - 1).device());
    }

    @Test
    void readsPetabyteFilesystemsAndDevicesWithSpaces() {
        DfReport df = DfReport.parse(OutputLines.of(raw(AWKWARD)));
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

    @Test
    void commandsOnlyWhereTheOutputFormatIsKnown() {
        assertEquals(Optional.of("df -P -k -T"), check.command(Platform.LINUX, Settings.empty()));
        assertEquals(Optional.of("df -P -k -T"), check.command(Platform.BUSYBOX, Settings.empty()));
        for (Platform p : List.of(Platform.FREEBSD, Platform.OPENBSD, Platform.MACOS)) {
            assertEquals(Optional.empty(), check.command(p, Settings.empty()), p.key());
        }
        assertEquals(Set.of("warn", "crit", "mounts", "exclude_mounts", "exclude_types"), check.optionNames());
    }
}
