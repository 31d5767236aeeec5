package org.udjat.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.udjat.api.Status;
import org.udjat.api.Thresholds;

/**
 * {@code disk}: space on mounted filesystems from {@code df -P -k -T}. {@code warn}/{@code crit}
 * take a used percentage ({@code 90%}) or the space still available as a size range
 * ({@code 2GiB:}); see {@link UsageThresholds}. The status is the worst over the selected
 * filesystems ({@link FilesystemSelection}); a mount listed in {@code mounts} that df does not
 * show is CRITICAL. Stateless.
 */
@Extension
public final class DiskCheck implements Check {
    static final String MOUNTS = "mounts";
    static final String EXCLUDE_MOUNTS = "exclude_mounts";
    static final String EXCLUDE_TYPES = "exclude_types";
    /** Problems named in the summary; the rest are counted, and all are in the long output. */
    private static final int SUMMARY_ITEMS = 3;

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(Thresholds.WARN, Thresholds.CRIT, MOUNTS, EXCLUDE_MOUNTS, EXCLUDE_TYPES);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>(UsageThresholds.validate(options));
        for (String key : List.of(MOUNTS, EXCLUDE_MOUNTS)) {
            for (String m : options.strings(key)) {
                if (!m.startsWith("/")) {
                    problems.add(new ConfigProblem(key, "expected absolute mount points like \"/var\", got \"" + m + "\""));
                }
            }
        }
        for (String t : options.strings(EXCLUDE_TYPES)) {
            if (t.isBlank() || t.chars().anyMatch(Character::isWhitespace)) {
                problems.add(new ConfigProblem(EXCLUDE_TYPES, "expected filesystem types like \"nfs\", got \"" + t + "\""));
            }
        }
        return problems;
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return switch (platform) {
            // GNU df and BusyBox df both print the type column with -T; -P keeps one line per filesystem
            case LINUX, BUSYBOX -> Optional.of("df -P -k -T");
            // BSD and macOS df have no -T; their variant needs the type from mount(8) and is not written yet
            case FREEBSD, OPENBSD, MACOS -> Optional.empty();
        };
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        UsageThresholds limits;
        try {
            limits = UsageThresholds.read(options);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown("DISK UNKNOWN - bad options: " + e.getMessage(), "");
        }
        DfReport df = DfReport.parse(OutputLines.of(output));
        if (df.filesystems().isEmpty()) {
            return CheckOutcome.unknown("DISK UNKNOWN - could not read the output of df", output.text());
        }
        FilesystemSelection selection = new FilesystemSelection(options.strings(MOUNTS),
                options.strings(EXCLUDE_MOUNTS), options.strings(EXCLUDE_TYPES));
        Map<String, Filesystem> chosen = new LinkedHashMap<>();
        for (Filesystem fs : df.filesystems()) {
            if (selection.includes(fs)) {
                chosen.remove(fs.mount());
                chosen.put(fs.mount(), fs); // the last mount on a path is the one in use
            }
        }
        List<String> missing = selection.requiredMounts().stream().filter(m -> !chosen.containsKey(m)).toList();
        if (chosen.isEmpty() && missing.isEmpty()) {
            return CheckOutcome.unknown("DISK UNKNOWN - no filesystem left to check after the exclusions ("
                    + df.filesystems().size() + " in df output)", output.text());
        }
        return outcome(List.copyOf(chosen.values()), missing, df.otherLines(), limits);
    }

    private static CheckOutcome outcome(List<Filesystem> filesystems, List<String> missing, List<String> dfSaid,
            UsageThresholds limits) {
        List<Row> rows = new ArrayList<>();
        List<PerfDatum> perf = new ArrayList<>();
        for (String m : missing) {
            rows.add(new Row(Status.CRITICAL, 101, OutputLines.printable(m) + " not mounted"));
        }
        for (Filesystem fs : filesystems) {
            Usage u = fs.usage();
            rows.add(new Row(limits.evaluate(u), u.usedPercent(), describe(fs)));
            perf.add(new PerfDatum(fs.mount(), u.used(), Quantity.SIZE.unit(), limits.warnOnUsed(u), limits.critOnUsed(u),
                    0.0, u.size()));
        }
        // worst first, then fullest first: the summary names what needs attention
        rows.sort(Comparator.comparing(Row::status).reversed().thenComparing(Comparator.comparingDouble(Row::percent).reversed()));
        Status worst = rows.get(0).status();
        StringBuilder longOutput = new StringBuilder();
        rows.forEach(r -> longOutput.append(r.status()).append(": ").append(r.text()).append('\n'));
        dfSaid.forEach(l -> longOutput.append("df: ").append(OutputLines.printable(l)).append('\n'));
        return new CheckOutcome(worst, "DISK " + worst + " - " + summary(rows, worst), longOutput.toString().strip(), perf);
    }

    private static String summary(List<Row> rows, Status worst) {
        if (worst == Status.OK) {
            return rows.size() + (rows.size() == 1 ? " filesystem, " : " filesystems, fullest ") + rows.get(0).text();
        }
        List<Row> bad = rows.stream().filter(r -> r.status() != Status.OK).toList();
        String named = String.join(", ", bad.stream().limit(SUMMARY_ITEMS).map(Row::text).toList());
        return bad.size() > SUMMARY_ITEMS ? named + " and " + (bad.size() - SUMMARY_ITEMS) + " more" : named;
    }

    /** {@code / 95% used (1.2 GiB free of 20 GiB)}. */
    private static String describe(Filesystem fs) {
        Usage u = fs.usage();
        return OutputLines.printable(fs.mount()) + " " + Quantity.PERCENT.format(u.usedPercent())
                + " used (" + Quantity.SIZE.format(u.available()) + " free of " + Quantity.SIZE.format(u.size()) + ")";
    }

    /** One line of the result: a filesystem or a missing mount. */
    private record Row(Status status, double percent, String text) {
    }
}
