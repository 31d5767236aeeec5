package org.udjat.checks;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pf4j.Extension;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Platform;
import org.udjat.api.Quantity;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.api.Text;
import org.udjat.api.Thresholds;

/**
 * {@code zombies}: the number of processes that have exited but were not reaped by their parent
 * (state {@code Z} in ps), against {@code warn} (default {@code 5}: more than five) and
 * {@code crit} (default {@code 10}). A zombie holds only a process table slot; many of them mean
 * a parent that never waits for its children, so the summary names the parent with the most.
 * Stateless.
 */
@Extension
public final class ZombieCheck extends ThresholdCheck<Thresholds> {
    static final String DEFAULT_WARN = "5";
    static final String DEFAULT_CRIT = "10";
    /** Zombies listed in the long output. */
    private static final int LISTED = 5;

    public ZombieCheck() {
        super("zombies", WarnCrit.withDefaults(EnumSet.of(Quantity.NUMBER), DEFAULT_WARN, DEFAULT_CRIT));
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(PsCommand.table(platform));
    }

    @Override
    CheckOutcome parse(RawOutput output, Thresholds limits, Settings options) {
        Optional<PsListing> read = PsListing.parse(output);
        if (read.isEmpty() || read.get().processes().isEmpty()) {
            return CheckOutcome.unknown("ZOMBIES UNKNOWN - could not read the output of ps", output.text());
        }
        if (!output.truncated() && output.exitCode() != 0) {
            return CheckOutcome.unknown("ZOMBIES UNKNOWN - ps failed (exit " + output.exitCode() + ")", output.text());
        }
        PsListing ps = read.get();
        List<PsProcess> zombies = ps.others().stream().filter(PsProcess::isZombie).toList();
        CountBounds count = ps.tableComplete() ? new CountBounds(zombies.size(), zombies.size())
                : CountBounds.atLeast(zombies.size());
        Map<Long, PsProcess> byPid = ps.processes().stream()
                .collect(Collectors.toMap(PsProcess::pid, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        String longOutput = longOutput(zombies, byPid, ps, count);
        String what = (count.exact() ? "" : "at least ") + zombies.size() + (zombies.size() == 1 ? " zombie process" : " zombie processes")
                + worstParent(zombies, byPid);
        if (!count.exact()) {
            Optional<Status> settled = count.settled(limits);
            if (settled.isEmpty()) {
                return CheckOutcome.unknown("ZOMBIES UNKNOWN - " + what + " in the part of the ps output that fit the"
                        + " output cap, too few to decide; raise output_cap", longOutput);
            }
            return new CheckOutcome(settled.get(), "ZOMBIES " + settled.get() + " - " + what
                    + " (ps output cut at the output cap)", longOutput, List.of());
        }
        Status status = limits.evaluate(zombies.size());
        PerfDatum perf = new PerfDatum("zombies", zombies.size(), "", limits.warnRange(), limits.critRange(), 0.0, null);
        return new CheckOutcome(status, "ZOMBIES " + status + " - " + what, longOutput, List.of(perf));
    }

    /** {@code , 7 of them children of pid 812 (buggyd)} when several zombies share a parent; else empty. */
    private static String worstParent(List<PsProcess> zombies, Map<Long, PsProcess> byPid) {
        Map<Long, Long> perParent = zombies.stream().collect(Collectors.groupingBy(PsProcess::ppid, LinkedHashMap::new,
                Collectors.counting()));
        return perParent.entrySet().stream().max(Map.Entry.comparingByValue()).filter(e -> e.getValue() > 1)
                .map(e -> ", " + e.getValue() + " of them children of " + parent(e.getKey(), byPid)).orElse("");
    }

    private static String longOutput(List<PsProcess> zombies, Map<Long, PsProcess> byPid, PsListing ps, CountBounds count) {
        StringBuilder b = new StringBuilder();
        Map<Long, Long> siblings = zombies.stream().collect(Collectors.groupingBy(PsProcess::ppid, Collectors.counting()));
        // the parents with the most zombies first: they are the ones to look at
        zombies.stream().sorted(Comparator.comparing((PsProcess z) -> -siblings.get(z.ppid())).thenComparingLong(PsProcess::ppid)
                .thenComparingLong(PsProcess::pid)).limit(LISTED)
                .forEach(z -> b.append("zombie pid ").append(z.pid()).append(" (").append(Text.printable(z.comm()))
                        .append("), parent ").append(parent(z.ppid(), byPid)).append('\n'));
        if (zombies.size() > LISTED) {
            b.append("and ").append(zombies.size() - LISTED).append(" more\n");
        }
        if (!count.exact()) {
            b.append("the process table was cut at the output cap\n");
        }
        ps.otherLines().forEach(l -> b.append("ps: ").append(Text.printable(l)).append('\n'));
        return b.toString().strip();
    }

    /** {@code pid 812 (buggyd)}, or just the pid when the parent is not in the listing. */
    private static String parent(long ppid, Map<Long, PsProcess> byPid) {
        PsProcess p = byPid.get(ppid);
        return "pid " + ppid + (p == null ? "" : " (" + Text.printable(p.comm()) + ")");
    }
}
