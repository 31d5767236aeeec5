package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.testkit.ShellRunner;

/** Runs the file check's Linux and BusyBox commands for real against files this test makes. */
class FileCheckLiveTest {
    private static final String AWKWARD = "db 2026-11-30 it's \"q\" $(ü) `x`.sql.gz";
    private final FileCheck check = new FileCheck();
    @TempDir
    Path root;
    private Path backup;
    private Path bin;

    @BeforeEach
    void makeFiles() throws IOException {
        // user nobody must reach the files of the permission tests
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        bin = Applets.link(Files.createDirectory(root.resolve("bin")), List.of("date", "stat", "ls"));
        backup = Files.createDirectory(root.resolve("backup"));
        Instant now = Instant.now();
        Files.write(backup.resolve(AWKWARD), new byte[1234]);
        age(backup.resolve(AWKWARD), now.minus(Duration.ofHours(3)));
        Files.write(backup.resolve("db-2026-11-29.sql.gz"), new byte[99]);
        age(backup.resolve("db-2026-11-29.sql.gz"), now.minus(Duration.ofHours(27)));
        // newer, but a dotfile (rsync's partial upload) and a directory do not count
        Files.write(backup.resolve(".db-2026-11-30.sql.gz.Xy12ab"), new byte[5]);
        age(backup.resolve(".db-2026-11-30.sql.gz.Xy12ab"), now.minus(Duration.ofMinutes(1)));
        Files.createDirectory(backup.resolve("old"));
    }

    @AfterEach
    void removeAppletLinks() throws IOException {
        Applets.unlink(bin);
    }

    private static void age(Path file, Instant modified) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private RawOutput run(Platform platform, Settings options) {
        String command = check.command(platform, options).orElseThrow();
        return platform == Platform.LINUX ? ShellRunner.sh(command) : ShellRunner.busybox(command, bin);
    }

    private CheckOutcome measure(Platform platform, Settings options) {
        RawOutput out = run(platform, options);
        assertFalse(out.truncated());
        return check.parse(out, options);
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"LINUX", "BUSYBOX"})
    void aFileWithSpacesQuotesAndUnicodeInItsName(Platform platform) {
        String path = backup.resolve(AWKWARD).toString();
        CheckOutcome o = measure(platform, options("path", path, "age_warn", "4h"));
        assertEquals("FILE OK - " + path + " is 3 h old, 1.2 KiB", o.summary());
        PerfDatum age = o.perfData().get(0);
        assertTrue(age.value() >= 3 * 3600 && age.value() < 3 * 3600 + 60, age.toString());
        assertEquals(1234.0, o.perfData().get(1).value());
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"LINUX", "BUSYBOX"})
    void aSparseFileOfThreeGibibytes(Platform platform) throws IOException {
        Path huge = root.resolve("huge backup.img");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        age(huge, Instant.now().minus(Duration.ofHours(30)));
        CheckOutcome o = measure(platform, options("path", huge.toString(), "age_crit", "26h", "size_warn", "4GiB:"));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("FILE CRITICAL - " + huge + " is 1 d 6 h old, 3 GiB - age triggers crit \"26h\", size triggers warn"
                + " \"4GiB:\"", o.summary());
        assertEquals(3221225472.0, o.perfData().get(1).value());
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"LINUX", "BUSYBOX"})
    void theNewestRegularFileOfADirectory(Platform platform) {
        CheckOutcome o = measure(platform, options("path", backup.toString(), "newest", true, "age_crit", "26h"));
        assertEquals(Status.OK, o.status());
        assertEquals("FILE OK - newest file in " + backup + " is " + AWKWARD + ", 3 h old, 1.2 KiB", o.summary());
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"LINUX", "BUSYBOX"})
    void aMissingFileAndAnEmptyDirectoryAreCritical(Platform platform) throws IOException {
        String missing = backup.resolve("db.sql.gz").toString();
        CheckOutcome o = measure(platform, options("path", missing));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("FILE CRITICAL - " + missing + " does not exist", o.summary());
        Path empty = Files.createDirectory(root.resolve("empty"));
        o = measure(platform, options("path", empty.toString(), "newest", true));
        assertEquals("FILE CRITICAL - no regular file in " + empty, o.summary());
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"LINUX", "BUSYBOX"})
    void permissionErrorsAreUnknownWithTheirMessage(Platform platform) throws IOException {
        Path secret = Files.createDirectory(root.resolve("secret"));
        Files.write(secret.resolve("db.sql.gz"), new byte[1]);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwx------"));
        Path dropbox = Files.createDirectory(root.resolve("dropbox"));
        Files.write(dropbox.resolve("a.gz"), new byte[1]);
        Files.setPosixFilePermissions(dropbox, PosixFilePermissions.fromString("rwx--x--x"));

        Settings options = options("path", secret.resolve("db.sql.gz").toString());
        CheckOutcome o = asNobody(platform, options);
        assertEquals(Status.UNKNOWN, o.status());
        assertTrue(o.summary().startsWith("FILE UNKNOWN - stat: ") && o.summary().endsWith(": Permission denied"), o.summary());

        options = options("path", dropbox.toString(), "newest", true);
        o = asNobody(platform, options);
        assertEquals(Status.UNKNOWN, o.status());
        assertTrue(o.summary().startsWith("FILE UNKNOWN - ls: ") && o.summary().endsWith(": Permission denied"), o.summary());
    }

    private CheckOutcome asNobody(Platform platform, Settings options) {
        String command = check.command(platform, options).orElseThrow();
        RawOutput out = ShellRunner.sh(platform == Platform.LINUX ? Applets.shAsNobody(command)
                : Applets.busyboxAsNobody(command, bin));
        return check.parse(out, options);
    }
}
