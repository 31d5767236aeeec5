package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.ShellRunner;

/**
 * Runs the disk and inodes commands for real: the Linux variants with /bin/sh, the BusyBox
 * variants with {@code busybox sh} and only the df applet on PATH, and compares what they
 * measured for / with what the JDK and stat(1) say.
 */
class DiskInodesLiveTest {
    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");
    private static final Settings ROOT = options("mounts", "/");

    static Stream<Arguments> checks() {
        return Stream.of(Arguments.of(new DiskCheck()), Arguments.of(new InodesCheck()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void linuxCommandRunsAndParses(Check check) {
        RawOutput out = ShellRunner.sh(check.command(Platform.LINUX, Settings.empty()).orElseThrow());
        assertMeasured(check, out, Settings.empty());
        assertMeasured(check, out, ROOT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void busyboxCommandRunsWithOnlyTheDfApplet(Check check, @TempDir Path bin) throws IOException {
        String command = check.command(Platform.BUSYBOX, Settings.empty()).orElseThrow();
        assertTrue(ShellRunner.sh(BUSYBOX + " --list").text().lines().anyMatch("df"::equals), "busybox has no df");
        Files.createSymbolicLink(bin.resolve("df"), BUSYBOX);
        assertMeasured(check, ShellRunner.busybox(command, bin), Settings.empty());
        assertMeasured(check, ShellRunner.busybox(command, bin), ROOT);
        // the applet is really what runs: without it the command fails, and the check says so
        Files.delete(bin.resolve("df"));
        RawOutput without = ShellRunner.busybox(command, bin);
        assertEquals(127, without.exitCode(), without.text());
        assertTrue(without.text().contains("df: not found"), without.text());
        assertEquals(Status.UNKNOWN, check.parse(without, Settings.empty()).status());
    }

    @Test
    void diskSizeOfRootMatchesTheJdk() throws IOException {
        PerfDatum root = rootDatum(new DiskCheck(), ShellRunner.sh("df -P -k -T"));
        FileStore store = Files.getFileStore(Path.of("/"));
        // both are f_blocks * f_frsize; df rounds to whole KiB
        assertEquals(store.getTotalSpace(), root.max(), 1024);
        double usedByJdk = store.getTotalSpace() - store.getUnallocatedSpace();
        // the two readings are moments apart on a live system
        assertEquals(usedByJdk, root.value(), store.getTotalSpace() * 0.01);
    }

    @Test
    void inodeCountsOfRootMatchStat() {
        PerfDatum root = rootDatum(new InodesCheck(), ShellRunner.sh("df -P -i -T"));
        String[] stat = ShellRunner.sh("stat -f -c '%c %d' /").text().strip().split(" ");
        long total = Long.parseLong(stat[0]);
        long free = Long.parseLong(stat[1]);
        assertEquals(total, root.max());
        assertEquals(total - free, root.value(), 10_000);
    }

    /**
     * The OpenBSD and macOS variants join df with the mount table. Linux's df and mount print the
     * same formats as OpenBSD's ({@code dev on /path type ext4 (options)}), so the join runs here
     * for real and must find the types that df -T prints, for every mount point.
     */
    @Test
    void theMountTableJoinFindsTheTypesDfPrints() {
        Map<String, String> typed = types(ShellRunner.sh("df -P -k -T"));
        RawOutput joined = ShellRunner.sh(new DiskCheck().command(Platform.OPENBSD, Settings.empty()).orElseThrow());
        assertTrue(joined.text().contains("\n" + MountTable.SEPARATOR + "\n"), joined.text());
        assertEquals(typed, types(joined));
        assertFalse(typed.isEmpty());
        assertMeasured(new DiskCheck(), joined, Settings.empty());
        RawOutput inodes = ShellRunner.sh(MountTable.after("df -P -i"));
        assertMeasured(new InodesCheck(), inodes, ROOT);
    }

    private static Map<String, String> types(RawOutput out) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Filesystem fs : DfReport.parse(out.lines()).filesystems()) {
            types.put(fs.mount(), fs.type());
        }
        return types;
    }

    private static PerfDatum rootDatum(Check check, RawOutput out) {
        CheckOutcome o = check.parse(out, ROOT);
        assertNotEquals(Status.UNKNOWN, o.status(), o.summary() + "\n" + out.text());
        return o.perfData().stream().filter(p -> p.label().equals("/")).findFirst().orElseThrow();
    }

    private static void assertMeasured(Check check, RawOutput out, Settings options) {
        assertFalse(out.truncated());
        CheckOutcome o = check.parse(out, options);
        assertNotEquals(Status.UNKNOWN, o.status(), o.summary() + "\n" + out.text());
        assertFalse(o.perfData().isEmpty(), o.summary());
        assertTrue(o.summary().startsWith(check.name().toUpperCase(Locale.ROOT) + " "), o.summary());
        if (options.has("mounts")) {
            assertEquals(List.of("/"), o.perfData().stream().map(PerfDatum::label).toList());
        }
    }
}
