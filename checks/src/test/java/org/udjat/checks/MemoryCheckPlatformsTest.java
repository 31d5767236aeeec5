package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;
import static org.udjat.testkit.Fixtures.text;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;

/** The memory check on FreeBSD, OpenBSD and macOS, and the awkward outputs of every platform. */
class MemoryCheckPlatformsTest {
    private final MemoryCheck check = new MemoryCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // (free 652931 + inactive 92430) pages * 4096 + ARC 27319539336 - c_min 1070177280, of hw.physmem
        "memory/freebsd-13-zfs.txt            | MEMORY OK - 14.4% used (4.6 GiB of 31.9 GiB), 27.3 GiB available",
        // (free 30542 + inactive 479673 + cache 17437) * 4096
        "memory/freebsd-10-no-zfs.txt         | MEMORY OK - 32.6% used (997 MiB of 3 GiB), 2 GiB available",
        // (free 424148 + inactive 629) * 4096 of hw.physmem 2146758656
        "memory/openbsd-4.4.txt               | MEMORY OK - 19% used (388 MiB of 2 GiB), 1.6 GiB available",
        // (free 20009 + file-backed 276967 + purgeable 108545) * 4096 of 8 GiB
        "memory/macos-intel-8gib.txt          | MEMORY OK - 80.7% used (6.5 GiB of 8 GiB), 1.5 GiB available",
        // (free 3489 + file-backed 168702 + purgeable 8018) * 16384 of 16 GiB
        "memory/macos-apple-silicon-16k.txt   | MEMORY OK - 82.8% used (13.3 GiB of 16 GiB), 2.7 GiB available",
        // estimate: (free 150234 + speculative 12011 + inactive 230113) * 4096 of 4 GiB
        "memory/macos-10.8-no-file-backed.txt | MEMORY OK - 62.6% used (2.5 GiB of 4 GiB), 1.5 GiB available",
        "memory/linux-6tib.txt                | MEMORY OK - 80% used (4.8 TiB of 6 TiB), 1.2 TiB available",
    })
    void readsEveryPlatformsOutput(String fixture, String summary) {
        CheckOutcome o = check.parse(raw(fixture), Settings.empty());
        assertEquals(summary, o.summary());
        assertEquals(List.of("used", "total", "used_pct"), o.perfData().stream().map(PerfDatum::label).toList());
    }

    @Test
    void zfsArcAboveItsMinimumCountsAsAvailable() {
        CheckOutcome o = check.parse(raw("memory/freebsd-13-zfs.txt"), options("warn", "80%"));
        // without the ARC, 91% of this host would look used and the warning would fire
        assertEquals(Status.OK, o.status());
        assertEquals("available = free 2.5 GiB + inactive 361 MiB + ZFS ARC above its minimum 24.4 GiB (ARC 25.4 GiB)",
                o.longOutput());
        assertEquals(34243719168.0, o.perfData().get(1).value());
    }

    @Test
    void eachPlatformSaysHowAvailableWasWorkedOut() {
        assertEquals("available = free 119 MiB + inactive 1.8 GiB + cache 68.1 MiB",
                check.parse(raw("memory/freebsd-10-no-zfs.txt"), Settings.empty()).longOutput());
        assertEquals("available = free 1.6 GiB + inactive 2.5 MiB",
                check.parse(raw("memory/openbsd-4.4.txt"), Settings.empty()).longOutput());
        assertEquals("available = free 78.2 MiB + file-backed 1.1 GiB + purgeable 424 MiB",
                check.parse(raw("memory/macos-intel-8gib.txt"), Settings.empty()).longOutput());
        assertTrue(check.parse(raw("memory/macos-10.8-no-file-backed.txt"), Settings.empty()).longOutput()
                .startsWith("vm_stat has no \"File-backed pages\" (OS X before 10.9): available estimated"));
    }

    @Test
    void vmStatsPageSizeWinsOverHwPagesize() {
        // an x86 sysctl under Rosetta may say 4096 while vm_stat counts 16 KiB pages
        String out = "hw.memsize: 17179869184\nhw.pagesize: 4096\nMach Virtual Memory Statistics: (page size of 16384 bytes)\n"
                + "Pages free: 65536.\nPages purgeable: 0.\nFile-backed pages: 65536.\n";
        assertEquals("MEMORY OK - 87.5% used (14 GiB of 16 GiB), 2 GiB available",
                check.parse(text(out), Settings.empty()).summary());
    }

    @Test
    void openBsdWithoutPhysmemFallsBackToPagesManaged() {
        String out = "sysctl: top level name hw in hw.physmem is invalid\n   4096 bytes per page\n   1000 pages managed\n"
                + "    100 pages free\n    150 pages inactive\n";
        CheckOutcome o = check.parse(text(out), Settings.empty());
        assertEquals("MEMORY OK - 75% used (2.9 MiB of 3.9 MiB), 1000 KiB available", o.summary());
        assertTrue(o.longOutput().endsWith("total is the pages managed, hw.physmem is missing"), o.longOutput());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hw.memsize: 17179869184\\nhw.pagesize: 16384\\nsh: vm_stat: command not found | hw.memsize and the page counts of vm_stat",
        "hw.physmem: 34243719168\\nhw.pagesize: 4096\\nvm.stats.vm.v_free_count: 652931 | hw.physmem, hw.pagesize and the page counts from sysctl",
        "hw.physmem=2146758656\\nvmstat: not found                                      | hw.physmem and the page counts of vmstat -s",
        "sh: cat: not found                                                            | MemTotal and MemAvailable from /proc/meminfo",
    })
    void missingFiguresAreUnknownNamingWhatWasExpected(String output, String expected) {
        RawOutput raw = text(output.replace("\\n", "\n"));
        CheckOutcome o = check.parse(raw, Settings.empty());
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("MEMORY UNKNOWN - could not read " + expected, o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aCountCutByTheOutputCapIsNotReadAsASmallerOne() {
        String out = "hw.physmem: 34243719168\nhw.pagesize: 4096\nvm.stats.vm.v_free_count: 652931\n"
                + "vm.stats.vm.v_inactive_count: 92";
        assertEquals(Status.UNKNOWN, check.parse(new RawOutput(out, 0, true), Settings.empty()).status());
        // the same text, not cut, is read
        assertEquals(Status.OK, check.parse(new RawOutput(out, 0, false), Settings.empty()).status());
    }

    @Test
    void hasACommandForEveryPlatform() {
        for (Platform p : Platform.values()) {
            assertTrue(check.command(p, Settings.empty()).isPresent(), p.key());
        }
        assertEquals(Optional.of("sysctl hw.memsize hw.pagesize; vm_stat"), check.command(Platform.MACOS, Settings.empty()));
        assertEquals(Optional.of("sysctl hw.physmem; vmstat -s"), check.command(Platform.OPENBSD, Settings.empty()));
        assertTrue(check.command(Platform.FREEBSD, Settings.empty()).orElseThrow().startsWith("sysctl hw.physmem hw.pagesize "));
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("hw.physmem: 99999999999999999999\nhw.pagesize: 4096", "hw.memsize: -1\nPages free: 1.",
                "Mach Virtual Memory Statistics: (page size of 0 bytes)\nhw.memsize: 1\nPages free: 1.\nFile-backed pages: 1.",
                "   0 bytes per page\n 0 pages free\n 0 pages inactive", "MemTotal: 1 kB\nMemAvailable: 99999999 kB",
                "\0\0", "hw.physmem: 0\nhw.pagesize: 0\nvm.stats.vm.v_free_count: 0\nvm.stats.vm.v_inactive_count: 0")) {
            CheckOutcome o = check.parse(text(s), options("warn", "90%", "crit", "1GiB:"));
            assertTrue(o.status() == Status.UNKNOWN || o.summary().startsWith("MEMORY "), s);
        }
    }
}
