package org.udjat.example.raid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.udjat.api.CheckOutcome;
import org.udjat.api.PerfDatum;
import org.udjat.api.Status;
import org.udjat.api.Thresholds;

/**
 * Turns the arrays a host reported into the check's outcome: the status of each array, a
 * summary naming the problem arrays worst first, one long-output line per array, and perfdata.
 *
 * <p>An array's status is the worst of: what its own state implies (inactive or broken is
 * CRITICAL, a state unknown to the check UNKNOWN), the thresholds applied to its number of
 * missing members (by default any missing member is CRITICAL), and WARNING while a resync,
 * recovery or reshape runs or waits. A {@code check} or {@code repair} scrub of a healthy
 * array is routine and stays OK. Stateless.
 */
final class RaidReport {
    /** Problem arrays named in the summary before "and N more". */
    private static final int SHOWN = 3;

    private RaidReport() {
    }

    static CheckOutcome of(Scan scan, Thresholds limits) {
        List<Rated> rated = scan.arrays().stream().map(a -> new Rated(a, status(a, limits))).toList();
        Status worst = rated.stream().map(Rated::status).max(Comparator.naturalOrder()).orElse(Status.OK);
        List<Rated> problems = rated.stream().filter(r -> r.status() != Status.OK)
                .sorted(Comparator.comparing(Rated::status).reversed()).toList();
        String summary = "RAID " + worst + " - " + (problems.isEmpty() ? healthy(rated) : named(problems));
        List<String> longOutput = new ArrayList<>();
        for (Rated r : rated) {
            longOutput.add(r.status() + ": " + describe(r.array())
                    + (r.array().members().isEmpty() ? "" : "; members " + String.join(" ", r.array().members())));
        }
        if (!scan.note().isEmpty()) {
            longOutput.add(scan.note());
        }
        return new CheckOutcome(worst, summary, String.join("\n", longOutput), perfData(rated, limits));
    }

    /** The outcome when the host has no arrays: OK, or UNKNOWN when arrays were expected. */
    static CheckOutcome none(Scan scan, boolean expected) {
        String where = scan.note().isEmpty() ? "no arrays in " + scan.source() : scan.note();
        List<PerfDatum> perf = List.of(new PerfDatum("arrays", 0, "", null, null, 0.0, null),
                new PerfDatum("degraded", 0, "", null, null, 0.0, null));
        return expected
                ? new CheckOutcome(Status.UNKNOWN, "RAID UNKNOWN - no RAID arrays found, but expect_arrays is true", where, perf)
                : new CheckOutcome(Status.OK, "RAID OK - no RAID arrays", where, perf);
    }

    static Status status(RaidArray a, Thresholds limits) {
        Status s = a.state();
        if (a.missing() > 0) {
            s = worse(s, limits.evaluate(a.missing()));
        }
        if (a.sync() != null && !a.sync().routine()) {
            s = worse(s, Status.WARNING);
        }
        return s;
    }

    /** {@code md6 raid1 [2/1] [U_], degraded, recovery 8.5% (finish=17.0min)}. */
    static String describe(RaidArray a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.name() + (a.description().isEmpty() ? "" : " " + a.description()));
        if (!a.stateReason().isEmpty() && !a.description().equals(a.stateReason())) {
            parts.add(a.stateReason());
        }
        if (a.missing() > 0 && !a.description().contains("DEGRADED")) {
            parts.add("degraded");
        }
        if (a.sync() != null) {
            parts.add(a.sync().describe());
        }
        return String.join(", ", parts);
    }

    private static String healthy(List<Rated> rated) {
        String text = rated.size() + (rated.size() == 1 ? " array healthy" : " arrays healthy");
        List<String> scrubs = rated.stream().filter(r -> r.array().sync() != null)
                .map(r -> r.array().name() + " " + r.array().sync().describe()).toList();
        return scrubs.isEmpty() ? text : text + ", " + String.join(", ", scrubs);
    }

    private static String named(List<Rated> problems) {
        List<String> shown = problems.stream().limit(SHOWN).map(r -> describe(r.array())).toList();
        int more = problems.size() - shown.size();
        return String.join("; ", shown) + (more > 0 ? "; and " + more + " more" : "");
    }

    private static List<PerfDatum> perfData(List<Rated> rated, Thresholds limits) {
        long down = rated.stream().filter(r -> r.array().missing() > 0 || r.array().state() == Status.CRITICAL).count();
        List<PerfDatum> perf = new ArrayList<>();
        perf.add(new PerfDatum("arrays", rated.size(), "", null, null, 0.0, null));
        perf.add(new PerfDatum("degraded", down, "", null, null, 0.0, null));
        for (Rated r : rated) {
            RaidArray a = r.array();
            if (a.redundant()) {
                perf.add(new PerfDatum(a.name() + "_missing", a.missing(), "", limits.warnRange(), limits.critRange(),
                        0.0, a.slots() > 0 ? (double) a.slots() : null));
            }
            if (a.sync() != null && !Double.isNaN(a.sync().percent())) {
                perf.add(new PerfDatum(a.name() + "_sync", a.sync().percent(), "%", null, null, 0.0, 100.0));
            }
        }
        return perf;
    }

    private static Status worse(Status a, Status b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** An array with the status it was given. */
    private record Rated(RaidArray array, Status status) {
    }
}
