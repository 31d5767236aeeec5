package org.udjat.checks;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.ConfigProblem;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.api.Status;
import org.udjat.api.Text;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * {@code file}: the age and size of one file, or of the newest regular file in a directory
 * ({@code newest: true}), e.g. to see that last night's backup is there and not empty. The
 * command prints the host's own clock next to stat's mtime, so the age does not depend on the
 * poller's clock. A missing file is CRITICAL; any other complaint of stat or ls (permission
 * denied) is UNKNOWN with its message. The path is the one option text that reaches the remote
 * shell, and only through {@link Shell#quote}. Stateless.
 */
@Extension
public final class FileCheck implements Check {
    static final String PATH = "path";
    static final String AGE_WARN = "age_warn";
    static final String AGE_CRIT = "age_crit";
    static final String SIZE_WARN = "size_warn";
    static final String SIZE_CRIT = "size_crit";
    static final String NEWEST = "newest";
    private static final Set<Quantity> DURATION = EnumSet.of(Quantity.DURATION);
    private static final Set<Quantity> SIZE = EnumSet.of(Quantity.SIZE);
    /** GNU and BusyBox stat: mtime, size, type of the path itself. */
    private static final String GNU_STAT = "stat -L -c '%Y %s %F'";
    private static final String GNU_STAT_NAME = "stat -L -c '%Y %s %n'";
    /** BSD and macOS stat: the same fields; {@code %HT} is the type in words ({@code Regular File}). */
    private static final String BSD_STAT = "stat -L -f '%m %z %HT'";
    private static final String BSD_STAT_NAME = "stat -L -f '%m %z %N'";

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(PATH, AGE_WARN, AGE_CRIT, SIZE_WARN, SIZE_CRIT, NEWEST);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        pathProblem(options).ifPresent(m -> problems.add(new ConfigProblem(PATH, m)));
        for (String key : List.of(AGE_WARN, AGE_CRIT, SIZE_WARN, SIZE_CRIT)) {
            String text = options.string(key).orElse(null);
            try {
                if (text != null) {
                    Threshold.parse(text, key.startsWith("age") ? DURATION : SIZE);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key, e.getMessage()));
            }
        }
        if (options.has(NEWEST) && !(options.asMap().get(NEWEST) instanceof Boolean)) {
            problems.add(new ConfigProblem(NEWEST, "expected true or false, got \"" + options.asMap().get(NEWEST) + "\""));
        }
        return problems;
    }

    /** What is wrong with {@code path}, if anything. */
    private static Optional<String> pathProblem(Settings options) {
        Optional<String> path = options.string(PATH);
        if (path.isEmpty() || path.get().isEmpty()) {
            return Optional.of("missing: the absolute path of the file, or of the directory with newest: true,"
                    + " e.g. \"/backup/db.sql.gz\"");
        }
        String p = path.get();
        if (p.codePoints().anyMatch(Character::isISOControl)) {
            // a newline or NUL in a path is a YAML slip far more often than a real file name
            return Optional.of("expected a path without control characters, got \"" + Text.printable(p) + "\"");
        }
        if (!p.startsWith("/")) {
            return Optional.of("expected an absolute path like \"/backup/db.sql.gz\", got \"" + p + "\"");
        }
        return Optional.empty();
    }

    /**
     * The command: {@code date +%s}, then stat of the path; with {@code newest: true} also a loop
     * over the directory's entries (not dotfiles, which are often partial uploads such as rsync's
     * temporary files, and not subdirectories) that keeps the newest regular file by
     * {@code test -nt}, then stat of that file, or {@code ls} so a directory that cannot be read
     * says why.
     *
     * @throws IllegalArgumentException when {@code path} is missing or not absolute, which
     *         {@link #validate} reports first
     */
    @Override
    public Optional<String> command(Platform platform, Settings options) {
        pathProblem(options).ifPresent(m -> {
            throw new IllegalArgumentException(PATH + ": " + m);
        });
        String path = Shell.quote(options.string(PATH).orElseThrow());
        boolean bsd = platform == Platform.FREEBSD || platform == Platform.OPENBSD || platform == Platform.MACOS;
        String stat = bsd ? BSD_STAT : GNU_STAT;
        if (!newest(options)) {
            return Optional.of("date +%s; " + stat + " -- " + path);
        }
        return Optional.of("date +%s; d=" + path + "; " + stat + " -- \"$d\" && { n=; for f in \"$d\"/*; do"
                + " if [ -f \"$f\" ] && { [ -z \"$n\" ] || [ \"$f\" -nt \"$n\" ]; }; then n=$f; fi; done;"
                + " if [ -n \"$n\" ]; then " + (bsd ? BSD_STAT_NAME : GNU_STAT_NAME) + " -- \"$n\";"
                + " else ls -- \"$d\" >/dev/null; fi; }");
    }

    private static boolean newest(Settings options) {
        return options.asMap().get(NEWEST) instanceof Boolean b && b;
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        Thresholds age;
        Thresholds size;
        boolean newest;
        String path;
        try {
            pathProblem(options).ifPresent(m -> {
                throw new IllegalArgumentException(PATH + ": " + m);
            });
            path = Text.printable(options.string(PATH).orElseThrow());
            age = new Thresholds(Thresholds.read(options, AGE_WARN, DURATION), Thresholds.read(options, AGE_CRIT, DURATION));
            size = new Thresholds(Thresholds.read(options, SIZE_WARN, SIZE), Thresholds.read(options, SIZE_CRIT, SIZE));
            newest = options.bool(NEWEST, false);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown("FILE UNKNOWN - bad options: " + e.getMessage(), "");
        }
        StatReport report = StatReport.parse(output.lines());
        if (report.hostTime().isEmpty()) {
            return CheckOutcome.unknown("FILE UNKNOWN - could not read the host's time from date +%s", output.text());
        }
        if (report.target().isEmpty()) {
            return failure(report, path, output, true);
        }
        StatReport.Entry target = report.target().get();
        if (!newest && target.isDirectory()) {
            return CheckOutcome.unknown("FILE UNKNOWN - " + path + " is a directory; set newest: true to check the"
                    + " newest file in it", output.text());
        }
        if (newest && !target.isDirectory()) {
            return CheckOutcome.unknown("FILE UNKNOWN - " + path + " is a " + target.rest().toLowerCase(Locale.ROOT)
                    + ", not a directory; newest: true looks for the newest file in a directory", output.text());
        }
        return newest ? newestFile(report, path, age, size, output)
                : outcome(path + " is ", target, report.hostTime().getAsLong(), age, size, path);
    }

    /** The directory was there: its newest file, none (CRITICAL), or why it could not be listed. */
    private static CheckOutcome newestFile(StatReport report, String path, Thresholds age, Thresholds size,
            RawOutput output) {
        if (report.newest().isEmpty()) {
            return report.complaints().isEmpty()
                    ? new CheckOutcome(Status.CRITICAL, "FILE CRITICAL - no regular file in " + path,
                            "dotfiles and subdirectories are not looked at", List.of())
                    : failure(report, path, output, false);
        }
        StatReport.Entry file = report.newest().get();
        String name = file.rest().substring(file.rest().lastIndexOf('/') + 1);
        return outcome("newest file in " + path + " is " + Text.printable(name) + ", ", file,
                report.hostTime().getAsLong(), age, size, Text.printable(file.rest()));
    }

    /**
     * stat or ls complained: the path is missing (CRITICAL), or something else went wrong
     * (UNKNOWN). A file of the directory that vanished between the loop and its stat is not a
     * missing path, so that is UNKNOWN too.
     */
    private static CheckOutcome failure(StatReport report, String path, RawOutput output, boolean aboutPath) {
        if (aboutPath && report.saysMissing()) {
            return new CheckOutcome(Status.CRITICAL, "FILE CRITICAL - " + path + " does not exist",
                    Text.printable(String.join("\n", report.complaints())), List.of());
        }
        List<String> said = report.complaints().stream().filter(c -> c.contains(": ")).toList();
        if (said.isEmpty()) {
            return CheckOutcome.unknown("FILE UNKNOWN - could not read the output of stat", output.text());
        }
        return CheckOutcome.unknown("FILE UNKNOWN - " + Text.printable(said.get(0)), output.text());
    }

    private static CheckOutcome outcome(String subject, StatReport.Entry file, long hostTime, Thresholds age,
            Thresholds size, String shownPath) {
        long ahead = file.mtime() - hostTime;
        // a file dated in the future (clock skew, a copy that kept a future mtime) counts as brand new
        double ageSeconds = Math.max(0, hostTime - file.mtime());
        Status ageStatus = age.evaluate(ageSeconds);
        Status sizeStatus = size.evaluate((double) file.size());
        Status status = ageStatus.compareTo(sizeStatus) >= 0 ? ageStatus : sizeStatus;
        String when = ahead > 0 ? "dated " + Elapsed.of(ahead) + " in the future" : Elapsed.of(ageSeconds) + " old";
        String summary = "FILE " + status + " - " + subject + when + ", " + Quantity.SIZE.format(file.size())
                + triggers(ageStatus, age, sizeStatus, size);
        String longOutput = shownPath + "\nmodified " + utc(file.mtime()) + ", host time " + utc(hostTime)
                + "\nsize " + file.size() + " B";
        List<PerfDatum> perf = List.of(
                new PerfDatum("age", ageSeconds, Quantity.DURATION.unit(), age.warnRange(), age.critRange(), 0.0, null),
                new PerfDatum("size", file.size(), Quantity.SIZE.unit(), size.warnRange(), size.critRange(), 0.0, null));
        return new CheckOutcome(status, summary, longOutput, perf);
    }

    /** A time in seconds since the epoch as {@code 2026-11-30T05:14:02Z}; the host may print any number. */
    private static String utc(long seconds) {
        try {
            return Instant.ofEpochSecond(seconds).toString();
        } catch (DateTimeException e) {
            return seconds + " (out of range)";
        }
    }

    /** {@code  - age triggers crit "26h", size triggers warn "1MiB:"}, worst first; empty when all is OK. */
    private static String triggers(Status ageStatus, Thresholds age, Status sizeStatus, Thresholds size) {
        List<String> parts = new ArrayList<>();
        for (Status s : List.of(Status.CRITICAL, Status.WARNING)) {
            if (ageStatus == s) {
                parts.add(Trigger.of("age", s, age));
            }
            if (sizeStatus == s) {
                parts.add(Trigger.of("size", s, size));
            }
        }
        return parts.isEmpty() ? "" : " - " + String.join(", ", parts);
    }
}
