package org.udjat.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.testkit.Fixtures.options;
import static org.udjat.testkit.Fixtures.raw;
import static org.udjat.testkit.Fixtures.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

class FileCheckTest {
    /** The file the Debian and BusyBox fixtures were recorded with. */
    private static final String AWKWARD = "/tmp/udjat-rec/backup/db 2026-11-30 it's \"q\" ü.sql.gz";
    private static final String SPARSE = "file/debian12-gnu-3gib-sparse.txt";
    private final FileCheck check = new FileCheck();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // host 1796085120, mtime 1796073592: 11528 s; 1234567 B
        "file/debian12-gnu-file.txt      | FILE OK - " + AWKWARD + " is 3 h 12 min old, 1.2 MiB",
        "file/busybox-1.35-file.txt      | FILE OK - " + AWKWARD + " is 3 h 12 min old, 1.2 MiB",
        // 1796085120 - 1795989712 = 95408 s = 1 d 2 h 30 min 8 s; 3 GiB sparse
        SPARSE + "                       | FILE OK - " + AWKWARD + " is 1 d 2 h old, 3 GiB",
        // 1700003600 - 1699992800 = 10800 s
        "file/freebsd-14-file.txt        | FILE OK - " + AWKWARD + " is 3 h old, 1.2 MiB",
        // 1700003600 - 1699900000 = 103600 s = 1 d 4 h 46 min 40 s; 5 GiB
        "file/openbsd-7-file-5gib.txt    | FILE OK - " + AWKWARD + " is 1 d 4 h old, 5 GiB",
    })
    void readsTheAgeByTheHostsClockAndTheSize(String fixture, String summary) {
        CheckOutcome o = check.parse(raw(fixture), options("path", AWKWARD));
        assertEquals(summary, o.summary());
        assertEquals(Status.OK, o.status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "file/debian12-gnu-newest.txt  | /tmp/udjat-rec/backup | FILE OK - newest file in /tmp/udjat-rec/backup is"
                + " db 2026-11-30 it's \"q\" ü.sql.gz, 3 h 12 min old, 1.2 MiB",
        "file/busybox-1.35-newest.txt  | /tmp/udjat-rec/backup | FILE OK - newest file in /tmp/udjat-rec/backup is"
                + " db 2026-11-30 it's \"q\" ü.sql.gz, 3 h 12 min old, 1.2 MiB",
        "file/freebsd-14-newest.txt    | /backup               | FILE OK - newest file in /backup is db 2023-11-14.sql.gz,"
                + " 3 h old, 1.2 MiB",
    })
    void newestFileOfADirectory(String fixture, String dir, String summary) {
        CheckOutcome o = check.parse(raw(fixture), options("path", dir, "newest", true));
        assertEquals(summary, o.summary());
        assertTrue(o.longOutput().startsWith(dir + "/db "), o.longOutput());
    }

    @Test
    void anEmptyNewestFileFailsItsSizeThreshold() {
        CheckOutcome o = check.parse(raw("file/macos-14-newest-empty-file.txt"),
                options("path", "/Users/admin/Backups", "newest", true, "size_crit", "1MiB:", "age_warn", "26h"));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("FILE CRITICAL - newest file in /Users/admin/Backups is db-2023-11-14.sql.gz, 3 h old, 0 B"
                + " - size triggers crit \"1MiB:\"", o.summary());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "file/debian12-gnu-missing.txt                 | /tmp/udjat-rec/backup/db.sql.gz         | false",
        "file/busybox-1.35-missing.txt                 | /tmp/udjat-rec/backup/db.sql.gz         | false",
        "file/openbsd-7-missing.txt                    | /backup/db.sql.gz                       | false",
        "file/debian12-gnu-not-a-directory.txt         | /tmp/udjat-rec/big.img/db.sql.gz        | false",
        "file/debian12-gnu-newest-missing-directory.txt| /tmp/udjat-rec/nothing                  | true",
    })
    void aMissingFileIsCritical(String fixture, String path, boolean newest) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, options("path", path, "newest", newest));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("FILE CRITICAL - " + path + " does not exist", o.summary());
        assertEquals(raw.text().lines().skip(1).findFirst().orElseThrow(), o.longOutput());
        assertEquals(List.of(), o.perfData());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "file/debian12-gnu-empty-directory.txt", "file/busybox-1.35-empty-directory.txt"})
    void aDirectoryWithoutFilesIsCritical(String fixture) {
        CheckOutcome o = check.parse(raw(fixture), options("path", "/tmp/udjat-rec/empty", "newest", true));
        assertEquals(Status.CRITICAL, o.status());
        assertEquals("FILE CRITICAL - no regular file in /tmp/udjat-rec/empty", o.summary());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "file/debian12-gnu-permission-denied.txt  | false | FILE UNKNOWN - stat: cannot statx"
                + " '/tmp/udjat-rec/secret/db.sql.gz': Permission denied",
        "file/busybox-1.35-permission-denied.txt  | false | FILE UNKNOWN - stat: can't stat"
                + " '/tmp/udjat-rec/secret/db.sql.gz': Permission denied",
        "file/macos-14-permission-denied.txt      | true  | FILE UNKNOWN - stat: /Users/admin/Backups: stat: Permission denied",
        "file/debian12-gnu-unlistable-directory.txt | true | FILE UNKNOWN - ls: cannot open directory"
                + " '/tmp/udjat-rec/dropbox': Permission denied",
        "file/busybox-1.35-unlistable-directory.txt | true | FILE UNKNOWN - ls: can't open '/tmp/udjat-rec/dropbox':"
                + " Permission denied",
        "file/busybox-no-stat-applet.txt          | false | FILE UNKNOWN - sh: stat: not found",
    })
    void otherComplaintsAreUnknownWithTheirMessage(String fixture, boolean newest, String summary) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, options("path", "/tmp/udjat-rec/secret/db.sql.gz", "newest", newest));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals(summary, o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aNewestFileThatVanishedBeforeItsStatIsNotAMissingDirectory() {
        CheckOutcome o = check.parse(text("1700003600\n1700000000 4096 directory\n"
                + "stat: cannot statx '/backup/db.sql.gz': No such file or directory\n"),
                options("path", "/backup", "newest", true));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("FILE UNKNOWN - stat: cannot statx '/backup/db.sql.gz': No such file or directory", o.summary());
    }

    @Test
    void aDirectoryNeedsNewestAndNewestNeedsADirectory() {
        CheckOutcome o = check.parse(raw("file/debian12-gnu-directory.txt"), options("path", "/tmp/udjat-rec/backup"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("FILE UNKNOWN - /tmp/udjat-rec/backup is a directory; set newest: true to check the newest file"
                + " in it", o.summary());
        o = check.parse(raw("file/debian12-gnu-file.txt"), options("path", AWKWARD, "newest", true));
        assertEquals("FILE UNKNOWN - " + AWKWARD + " is a regular file, not a directory; newest: true looks for the"
                + " newest file in a directory", o.summary());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"file/garbage.txt", "file/empty.txt"})
    void unreadableOutputIsUnknownWithTheRawText(String fixture) {
        RawOutput raw = raw(fixture);
        CheckOutcome o = check.parse(raw, options("path", "/backup/db.sql.gz"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("FILE UNKNOWN - could not read the host's time from date +%s", o.summary());
        assertEquals(raw.text(), o.longOutput());
    }

    @Test
    void aStatLineCutByTheOutputCapIsNotRead() {
        // "12345" could be the start of any size
        CheckOutcome o = check.parse(new RawOutput("1796085120\n1796073592 12345", 0, true), options("path", "/b"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("FILE UNKNOWN - could not read the output of stat", o.summary());
        o = check.parse(text("1796085120\nnot stat output\n"), options("path", "/b"));
        assertEquals("FILE UNKNOWN - could not read the output of stat", o.summary());
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // the sparse file: 95408 s old (26.5 h), 3 GiB
        "24h   | 26h   | -      | -        | CRITICAL",
        "24h   | 27h   | -      | -        | WARNING",
        "27h   | -     | -      | -        | OK",
        "1d    | -     | -      | 2GiB     | CRITICAL",
        "-     | -     | 4GiB:  | -        | WARNING",
        "-     | -     | -      | @0:1MiB  | OK",
        "~:2d  | -     | 1GiB:  | 3GiB     | OK",
    })
    void ageAndSizeThresholds(String ageWarn, String ageCrit, String sizeWarn, String sizeCrit, Status expected) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", "/big.img");
        put(map, "age_warn", ageWarn);
        put(map, "age_crit", ageCrit);
        put(map, "size_warn", sizeWarn);
        put(map, "size_crit", sizeCrit);
        Settings options = Settings.of(map);
        assertEquals(List.of(), check.validate(options));
        assertEquals(expected, check.parse(raw(SPARSE), options).status());
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @Test
    void summaryNamesEveryThresholdThatTriggeredWorstFirst() {
        CheckOutcome o = check.parse(raw(SPARSE), options("path", "/big.img", "age_warn", "1d", "size_crit", "2GiB"));
        assertEquals("FILE CRITICAL - /big.img is 1 d 2 h old, 3 GiB - size triggers crit \"2GiB\", age triggers warn \"1d\"",
                o.summary());
    }

    @Test
    void perfdataHoldsAgeInSecondsAndSizeInBytesWithTheirRanges() {
        CheckOutcome o = check.parse(raw(SPARSE), options("path", "/big.img", "age_warn", "24h", "age_crit", "26h",
                "size_warn", "1MiB:"));
        PerfDatum age = o.perfData().get(0);
        PerfDatum size = o.perfData().get(1);
        assertEquals(new PerfDatum("age", 95408, "s", age.warn(), age.crit(), 0.0, null), age);
        assertEquals("86400", age.warn().text());
        assertEquals("93600", age.crit().text());
        assertEquals("size", size.label());
        assertEquals(3221225472.0, size.value());
        assertEquals("B", size.unit());
        assertEquals("1048576:", size.warn().text());
        assertEquals(null, size.crit());
    }

    @Test
    void aFileDatedInTheFutureCountsAsNew() {
        CheckOutcome o = check.parse(text("1700000000\n1700000300 10 regular file\n"), options("path", "/x", "age_crit", "1h"));
        assertEquals(Status.OK, o.status());
        assertEquals("FILE OK - /x is dated 5 min in the future, 10 B", o.summary());
        assertEquals(0.0, o.perfData().get(0).value());
    }

    @Test
    void validateReportsEveryBadOption() {
        assertEquals(List.of(
                new ConfigProblem("path", "expected an absolute path like \"/backup/db.sql.gz\", got \"backup/db.sql.gz\""),
                new ConfigProblem("age_warn", "expected a duration like \"500ms\", got \"26\""),
                new ConfigProblem("size_crit", "expected a size like \"2GiB\", got \"1h:\""),
                new ConfigProblem("newest", "expected true or false, got \"yes\"")),
                check.validate(options("path", "backup/db.sql.gz", "age_warn", "26", "size_crit", "1h:", "newest", "yes")));
        assertEquals(List.of(new ConfigProblem("path", "missing: the absolute path of the file, or of the directory with"
                + " newest: true, e.g. \"/backup/db.sql.gz\"")), check.validate(Settings.empty()));
        assertEquals(List.of(new ConfigProblem("path", "expected a path without control characters, got \"/backup/a?b\"")),
                check.validate(options("path", "/backup/a\nb")));
    }

    @Test
    void thePathReachesTheShellOnlyQuoted() {
        Settings options = options("path", "/backup/it's $(reboot) `x`.gz");
        assertEquals(Optional.of("date +%s; stat -L -c '%Y %s %F' -- '/backup/it'\\''s $(reboot) `x`.gz'"),
                check.command(Platform.LINUX, options));
        assertEquals(Optional.of("date +%s; stat -L -f '%m %z %HT' -- '/backup/it'\\''s $(reboot) `x`.gz'"),
                check.command(Platform.OPENBSD, options));
        String newest = check.command(Platform.BUSYBOX, options("path", "/backup", "newest", true)).orElseThrow();
        assertTrue(newest.startsWith("date +%s; d='/backup'; stat -L -c '%Y %s %F' -- \"$d\" && "), newest);
        assertTrue(check.command(Platform.MACOS, options("path", "/backup", "newest", true)).orElseThrow()
                .contains("stat -L -f '%m %z %N' -- \"$n\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> check.command(Platform.LINUX, options("path", "relative")));
        assertEquals("path: expected an absolute path like \"/backup/db.sql.gz\", got \"relative\"", e.getMessage());
    }

    @Test
    void badOptionsAtParseTimeGiveUnknown() {
        CheckOutcome o = check.parse(raw(SPARSE), options("path", "/big.img", "age_crit", "soon"));
        assertEquals(Status.UNKNOWN, o.status());
        assertEquals("FILE UNKNOWN - bad options: age_crit: expected a duration like \"500ms\", got \"soon\"", o.summary());
    }

    @Test
    void listsExactlyItsOptions() {
        assertEquals("file", check.name());
        assertEquals(Set.of("path", "age_warn", "age_crit", "size_warn", "size_crit", "newest"), check.optionNames());
    }

    @Test
    void neverThrowsOnHostileOutput() {
        for (String s : List.of("1", "1\n2 3", "1\n99999999999999999999 1 regular file", "-\n", "1\n1 1 \n",
                "1\n1 1 directory\n2 2 /x\n3 3 /y", "\0\0", "1\n-1 -1 regular file", "1\n" + "9".repeat(5000),
                "1\n999999999999999999 1 regular file",
                "999999999999999999\n-999999999999999999 999999999999999999 regular file")) {
            for (boolean newest : List.of(false, true)) {
                CheckOutcome o = check.parse(text(s), options("path", "/x", "newest", newest));
                assertTrue(o.summary().startsWith("FILE "), s);
            }
        }
    }
}
