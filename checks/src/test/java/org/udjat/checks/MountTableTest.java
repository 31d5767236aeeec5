package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountTableTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        // OpenBSD, recorded format
        "/dev/sd0a on / type ffs (local)                                         | /                         | ffs",
        "/dev/sd0h on /home type ffs (local, nodev, nosuid)                      | /home                     | ffs",
        "server:/x on /mnt/nfs type nfs                                          | /mnt/nfs                  | nfs",
        // macOS and FreeBSD, recorded format
        "map auto_home on /System/Volumes/Data/home (autofs, automounted, nobrowse) | /System/Volumes/Data/home | autofs",
        "devfs on /dev (devfs)                                                   | /dev                      | devfs",
        "zroot/ROOT/default on / (zfs, local, noatime, nfsv4acls)                | /                         | zfs",
        "/dev/disk2s1 on /Volumes/My Disk (apfs, local, journaled)               | /Volumes/My Disk          | apfs",
        "/dev/disk7s1 on /Users/u/odd (dir) name (apfs, local, journaled)        | /Users/u/odd (dir) name   | apfs",
        "/dev/disk5s1 on /Users/u/work (apfs, local, nodev, nosuid, journaled, nobrowse, mounted by u) | /Users/u/work | apfs",
    })
    void findsTheTypeByMountPoint(String line, String mount, String type) {
        MountTable table = MountTable.parse(List.of(line));
        assertEquals(type, table.typeOf(mount));
    }

    @Test
    void aPrefixOfAnotherMountPointIsNotThatMountPoint() {
        MountTable table = MountTable.parse(List.of(
                "/dev/disk4s1 on /Volumes/Parallels Desktop 18 1 (hfs, local, read-only)",
                "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)"));
        assertEquals("", table.typeOf("/Volumes/Parallels Desktop 18"));
        assertEquals("", table.typeOf("/Volumes"));
        assertEquals("apfs", table.typeOf("/"));
    }

    @Test
    void theLastEntryForAPathIsTheOneInUse() {
        MountTable table = MountTable.parse(List.of("/dev/sd1a on /mnt type ffs (local)", "tmpfs on /mnt type tmpfs (local)"));
        assertEquals("tmpfs", table.typeOf("/mnt"));
    }

    @Test
    void linesThatAreNotEntriesAreIgnoredAndATableOfNoneIsEmpty() {
        assertTrue(MountTable.parse(List.of("sh: mount: not found", "", "mount: getmntinfo: Bad address")).isEmpty());
        assertEquals("", MountTable.parse(List.of()).typeOf("/"));
    }

    @Test
    void theCommandPrintsTheSeparatorBetweenDfAndMount() {
        assertEquals("df -P -k; echo '== mount =='; mount", MountTable.after("df -P -k"));
    }
}
