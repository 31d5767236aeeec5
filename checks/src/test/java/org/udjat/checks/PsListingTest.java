package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.raw;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.udjat.api.RawOutput;

class PsListingTest {

    private static PsListing listing(String fixture) {
        return PsListing.parse(raw(fixture)).orElseThrow();
    }

    private static PsProcess pid(PsListing ps, long pid) {
        return ps.processes().stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
    }

    @Test
    void readsTheRecordedProcpsTableWithUidAndCommandLines() {
        PsListing ps = listing("process/debian12-procps-4.0.2.txt");
        assertEquals(25647, ps.self());
        assertTrue(ps.tableComplete());
        assertTrue(ps.argsComplete());
        assertEquals(new PsProcess(25614, 1, 4000777, "averyve+", "S", "nginx", "./nginx 900"), pid(ps, 25614));
        assertEquals(new PsProcess(25615, 1, 0, "root", "S", "my prog", "./my prog 900 0"), pid(ps, 25615));
        assertEquals("café ☕ x", pid(ps, 25388).comm());
        assertEquals("abcdefghijklmn?", pid(ps, 25389).comm());
        assertEquals("kworker/0:0-cgroup_pidlist_destroy", pid(ps, 9).comm());
        assertEquals("[sh] <defunct>", pid(ps, 25396).args());
        assertTrue(pid(ps, 25396).isZombie());
        assertEquals(3000, pid(ps, 25393).args().chars().filter(c -> c == 'y').count());
        assertEquals(List.of(), ps.otherLines());
    }

    @Test
    void readsBusyboxWithoutAUidColumn() {
        PsListing ps = listing("process/busybox-1.35.txt");
        assertEquals(25656, ps.self());
        PsProcess nginx = pid(ps, 25614);
        assertEquals(-1, nginx.uid());
        assertEquals("averyver", nginx.user());
        assertEquals("4000123", pid(ps, 25391).user());
        assertEquals("abcdefghijklmn\uFFFD", pid(ps, 25389).comm());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // the printed $$ and the subshell the command runs in; the first ps has exited by the time the
        // second lists the command lines, so it is left out with every process that did
        "process/debian12-procps-4.0.2.txt | 25647 25648",
        "process/busybox-1.35.txt          | 25656",
        "process/large-pids.txt            | 4187183 4187184",
        // the watchdog's sleep is a descendant too; the login shell above $$ is not
        "process/freebsd-14.1.txt          | 4242 4250 4251 4253",
        "process/openbsd-7.5.txt           | 31337 31340",
        "process/macos-14.txt              | 80123 80130",
        // the table alone, as the zombie check reads it, still has the first ps
        "zombies/debian12-procps-4.0.2.txt | 26438 26439 26440",
        "zombies/busybox-1.35.txt          | 26441 26442",
        "zombies/freebsd-14.1.txt          | 4242 4250 4251 4253 4254",
    })
    void theScriptsOwnProcessTreeIsFound(String fixture, String own) {
        PsListing ps = listing(fixture);
        Set<Long> expected = Set.copyOf(List.of(own.split(" ")).stream().map(Long::valueOf).toList());
        assertEquals(expected, ps.ownTree());
        assertEquals(ps.processes().size() - expected.size(), ps.others().size());
        assertTrue(ps.others().stream().noneMatch(p -> expected.contains(p.pid())));
    }

    @Test
    void pidZeroThatIsItsOwnParentEndsTheWalk() {
        PsListing ps = listing("process/freebsd-14.1.txt");
        assertEquals(0, pid(ps, 0).ppid());
        assertEquals("kernel", pid(ps, 0).comm());
        assertEquals("my daemon", pid(ps, 99999).comm());
        assertEquals("/usr/local/sbin/my daemon -f", pid(ps, 99999).args());
    }

    @Test
    void aListingCutInTheCommandLinesKeepsTheWholeTable() {
        String text = raw("process/debian12-procps-4.0.2.txt").text();
        String cut = text.substring(0, text.indexOf("25393 sh -c sleep 900") + 40);
        PsListing ps = PsListing.parse(new RawOutput(cut, 153, true)).orElseThrow();
        assertTrue(ps.tableComplete());
        assertFalse(ps.argsComplete());
        assertNull(pid(ps, 25393).args(), "a cut command line is not trusted");
        assertEquals("./reaper-never 900", pid(ps, 25392).args());
    }

    @Test
    void aListingCutInTheTableIsIncomplete() {
        String text = raw("process/debian12-procps-4.0.2.txt").text();
        String cut = text.substring(0, text.indexOf("25392     1"));
        PsListing ps = PsListing.parse(new RawOutput(cut, 153, true)).orElseThrow();
        assertFalse(ps.tableComplete());
        assertTrue(ps.processes().stream().noneMatch(p -> p.pid() == 25392));
    }

    @Test
    void aProcessThatExitedBetweenTheTwoListingsIsLeftOut() {
        String text = "100\n  PID  PPID   UID USER     STAT COMMAND\n    1     0     0 root     Ss   init\n"
                + "   50     1     0 root     S    gone\n  100     1     0 root     S    sh\n"
                + "  PID COMMAND\n    1 /sbin/init\n  100 sh\n  120 started-meanwhile\n";
        PsListing ps = PsListing.parse(new RawOutput(text, 0, false)).orElseThrow();
        assertEquals(List.of(1L, 100L), ps.processes().stream().map(PsProcess::pid).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"process/empty.txt", "process/garbage.txt", "process/old-busybox-no-o.txt"})
    void outputThatIsNoListingIsEmpty(String fixture) {
        assertEquals(Optional.empty(), PsListing.parse(raw(fixture)));
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("1", "1\nPID PPID", "1\nPID PPID UID USER STAT COMMAND\n", "99999999999\nPID PPID USER STAT C\n",
                "1\nPID PPID USER STAT COMMAND\n  1", "1\nPID PPID USER STAT COMMAND\n1 1 root S\nPID\nx y\n 5",
                "1\nPID PPID UID USER STAT COMMAND\n1 2 -3 root S x\n99999999999 1 0 r S y\n", "\0\n\0", "1\r\nPID PPID USER S C\r\n")) {
            Optional<PsListing> ps = PsListing.parse(new RawOutput(s, 0, false));
            ps.ifPresent(PsListing::others);
        }
    }
}
