package org.udjat.checks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
import org.udjat.api.Text;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * {@code process}: how many processes match a name, a command-line pattern and a user
 * ({@link ProcessFilter}), against Nagios ranges on that count. {@code count} (default
 * {@code 1:}, at least one) is the critical range, and {@code crit} another name for it;
 * {@code warn} optionally adds a warning range. The listing comes from ps on every platform
 * ({@link PsCommand}); the udjat script's own processes, ps included, are never counted.
 * Stateless.
 */
@Extension
public final class ProcessCheck implements Check {
    static final String COUNT = "count";
    static final String DEFAULT_COUNT = "1:";
    private static final Set<Quantity> ACCEPTED = EnumSet.of(Quantity.NUMBER);
    /** Matching processes shown in the long output. */
    private static final int LISTED = 10;

    @Override
    public String name() {
        return "process";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(ProcessFilter.NAME, ProcessFilter.ARGS, ProcessFilter.USER, COUNT, Thresholds.WARN, Thresholds.CRIT);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>(ProcessFilter.validate(options));
        problems.addAll(Thresholds.validate(options, ACCEPTED));
        options.string(COUNT).ifPresent(c -> {
            try {
                Threshold.parse(c, ACCEPTED);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(COUNT, e.getMessage()));
            }
        });
        if (options.has(COUNT) && options.has(Thresholds.CRIT)) {
            problems.add(new ConfigProblem(COUNT, "count is another name for crit; give only one of them"));
        }
        return problems;
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(PsCommand.tableAndArgs(platform));
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        ProcessFilter filter;
        Thresholds limits;
        try {
            List<ConfigProblem> problems = validate(options);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(problems.get(0).key() + ": " + problems.get(0).message());
            }
            filter = ProcessFilter.read(options);
            limits = thresholds(options);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown("PROCESS UNKNOWN - bad options: " + e.getMessage(), "");
        }
        Optional<PsListing> read = PsListing.parse(output);
        if (read.isEmpty() || read.get().processes().isEmpty()) {
            return CheckOutcome.unknown("PROCESS UNKNOWN - could not read the output of ps", output.text());
        }
        if (!output.truncated() && output.exitCode() != 0) {
            return CheckOutcome.unknown("PROCESS UNKNOWN - ps failed (exit " + output.exitCode() + ")", output.text());
        }
        PsListing ps = read.get();
        List<PsProcess> matched = new ArrayList<>();
        long undecided = 0;
        for (PsProcess p : ps.others()) {
            Boolean m = filter.matches(p);
            if (m == null) {
                undecided++;
            } else if (m) {
                matched.add(p);
            }
        }
        CountBounds count = ps.tableComplete() ? new CountBounds(matched.size(), matched.size() + undecided)
                : CountBounds.atLeast(matched.size());
        return outcome(count, matched, ps, filter, limits, options);
    }

    private static CheckOutcome outcome(CountBounds count, List<PsProcess> matched, PsListing ps, ProcessFilter filter,
            Thresholds limits, Settings options) {
        String what = describe(count, filter);
        String longOutput = longOutput(matched, ps, count);
        if (!count.exact()) {
            Optional<Status> settled = count.settled(limits);
            if (settled.isEmpty()) {
                return CheckOutcome.unknown("PROCESS UNKNOWN - " + what + " in the part of the ps output that fit the"
                        + " output cap, too few to decide; raise output_cap", longOutput);
            }
            return new CheckOutcome(settled.get(), "PROCESS " + settled.get() + " - " + what + trigger(settled.get(), limits,
                    options) + " (ps output cut at the output cap)", longOutput, List.of());
        }
        Status status = limits.evaluate(count.low());
        PerfDatum perf = new PerfDatum("procs", count.low(), "", limits.warnRange(), limits.critRange(), 0.0, null);
        return new CheckOutcome(status, "PROCESS " + status + " - " + what + trigger(status, limits, options), longOutput,
                List.of(perf));
    }

    /** {@code 2 processes named "nginx"}, or {@code at least 3 processes ...} when the count is a lower bound. */
    private static String describe(CountBounds count, ProcessFilter filter) {
        String n = (count.exact() ? "" : "at least ") + count.low() + (count.low() == 1 ? " process" : " processes");
        String criteria = filter.describe();
        return criteria.isEmpty() ? n : n + " " + criteria;
    }

    /** {@code  (count "1:")}: the range that raised a non-OK status, under the key the operator wrote. */
    private static String trigger(Status status, Thresholds limits, Settings options) {
        if (status == Status.OK) {
            return "";
        }
        boolean crit = status == Status.CRITICAL;
        String key = crit ? (options.has(Thresholds.CRIT) ? Thresholds.CRIT : COUNT) : Thresholds.WARN;
        return " (" + key + " \"" + (crit ? limits.crit() : limits.warn()).text() + "\")";
    }

    private static String longOutput(List<PsProcess> matched, PsListing ps, CountBounds count) {
        StringBuilder b = new StringBuilder();
        matched.stream().limit(LISTED).forEach(p -> b.append("pid ").append(p.pid()).append(" ppid ").append(p.ppid())
                .append(" user ").append(Text.printable(p.user())).append(": ")
                .append(Text.printable(p.args() == null ? p.comm() : p.args())).append('\n'));
        if (matched.size() > LISTED) {
            b.append("and ").append(matched.size() - LISTED).append(" more\n");
        }
        if (!count.exact()) {
            b.append(count.high() == Long.MAX_VALUE ? "the process table was cut at the output cap"
                    : (count.high() - count.low()) + " processes could not be matched: their command lines were cut"
                            + " at the output cap").append('\n');
        }
        ps.otherLines().forEach(l -> b.append("ps: ").append(Text.printable(l)).append('\n'));
        return b.toString().strip();
    }

    /**
     * The thresholds on the count: {@code count} or {@code crit} (default {@code 1:}) and {@code warn}.
     *
     * @throws IllegalArgumentException naming the key
     */
    static Thresholds thresholds(Settings options) {
        Threshold warn = Thresholds.read(options, Thresholds.WARN, ACCEPTED);
        Threshold crit = Thresholds.read(options, Thresholds.CRIT, ACCEPTED);
        if (crit == null) {
            try {
                crit = Threshold.parse(options.string(COUNT, DEFAULT_COUNT), ACCEPTED);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(COUNT + ": " + e.getMessage(), e);
            }
        }
        return new Thresholds(warn, crit);
    }
}
