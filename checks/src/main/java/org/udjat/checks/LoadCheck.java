package org.udjat.checks;

import java.util.ArrayList;
import java.util.Collections;
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
import org.udjat.api.Status;
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * {@code load}: the 1, 5 and 15 minute load averages against {@code warn}/{@code crit}, each
 * either one range for all three averages or three ranges {@code "load1,load5,load15"} as in
 * check_load; with {@code per_cpu: true} the averages are divided by the CPU count before the
 * comparison. Stateless.
 */
@Extension
public final class LoadCheck implements Check {
    static final String PER_CPU = "per_cpu";
    private static final Set<Quantity> ACCEPTED = EnumSet.of(Quantity.NUMBER);
    private static final List<String> LABELS = List.of("load1", "load5", "load15");

    @Override
    public String name() {
        return "load";
    }

    @Override
    public Set<String> optionNames() {
        return Set.of(Thresholds.WARN, Thresholds.CRIT, PER_CPU);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String key : List.of(Thresholds.WARN, Thresholds.CRIT)) {
            try {
                ranges(options, key);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key, e.getMessage()));
            }
        }
        if (options.has(PER_CPU) && !(options.asMap().get(PER_CPU) instanceof Boolean)) {
            problems.add(new ConfigProblem(PER_CPU, "expected true or false, got \"" + options.asMap().get(PER_CPU) + "\""));
        }
        return problems;
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(switch (platform) {
            case LINUX -> "cat /proc/loadavg && getconf _NPROCESSORS_ONLN";
            // BusyBox has no getconf, and its nproc applet is optional
            case BUSYBOX -> "cat /proc/loadavg && grep -c ^processor /proc/cpuinfo";
            case FREEBSD, OPENBSD, MACOS -> "sysctl -n vm.loadavg hw.ncpu";
        });
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        List<Thresholds> limits;
        boolean perCpu;
        try {
            limits = limits(options);
            perCpu = options.bool(PER_CPU, false);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown("LOAD UNKNOWN - bad options: " + e.getMessage(), "");
        }
        Optional<LoadAverage> read = LoadAverage.parse(output.lines());
        if (read.isEmpty()) {
            return CheckOutcome.unknown("LOAD UNKNOWN - could not read the load average", output.text());
        }
        LoadAverage load = read.get();
        if (perCpu && load.cpus() == 0) {
            return CheckOutcome.unknown("LOAD UNKNOWN - per_cpu is set but the CPU count could not be read", output.text());
        }
        return outcome(load, limits, perCpu);
    }

    private static CheckOutcome outcome(LoadAverage load, List<Thresholds> limits, boolean perCpu) {
        double divisor = perCpu ? load.cpus() : 1;
        Status worst = Status.OK;
        String trigger = "";
        List<PerfDatum> perf = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double value = load.values().get(i);
            Thresholds t = limits.get(i);
            Status s = t.evaluate(value / divisor);
            if (s.compareTo(worst) > 0) {
                worst = s;
                trigger = " - " + Trigger.of(LABELS.get(i) + (perCpu ? " per CPU " + fmt(value / divisor) : ""), s, t);
            }
            perf.add(new PerfDatum(LABELS.get(i), value, "",
                    t.warn() == null ? null : t.warn().mapped(divisor, 0),
                    t.crit() == null ? null : t.crit().mapped(divisor, 0), 0.0, null));
        }
        String cpus = load.cpus() == 0 ? "" : " (" + load.cpus() + (load.cpus() == 1 ? " CPU)" : " CPUs)");
        String summary = "LOAD " + worst + " - load average " + fmt(load.load1()) + ", " + fmt(load.load5()) + ", "
                + fmt(load.load15()) + cpus + trigger;
        return new CheckOutcome(worst, summary, "", perf);
    }

    /** The thresholds of load1, load5 and load15. */
    private static List<Thresholds> limits(Settings options) {
        List<Threshold> warn = ranges(options, Thresholds.WARN);
        List<Threshold> crit = ranges(options, Thresholds.CRIT);
        List<Thresholds> limits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            limits.add(new Thresholds(warn.get(i), crit.get(i)));
        }
        return limits;
    }

    /**
     * One option's three ranges; nulls when absent. Accepts {@code "4"}, {@code "4,3,2"} and
     * a YAML list {@code [4, 3, 2]}.
     *
     * @throws IllegalArgumentException without the key in the message
     */
    static List<Threshold> ranges(Settings options, String key) {
        if (!options.has(key)) {
            return Collections.nCopies(3, null);
        }
        List<String> parts = new ArrayList<>();
        for (String s : options.strings(key)) {
            parts.addAll(List.of(s.split(",", -1)));
        }
        if (parts.size() != 1 && parts.size() != 3) {
            throw new IllegalArgumentException("expected one range for all three load averages or three for load1,load5,load15"
                    + " like \"4,3,2\", got " + parts.size() + " in \"" + String.join(",", parts).strip() + "\"");
        }
        List<Threshold> ranges = new ArrayList<>();
        for (String p : parts) {
            ranges.add(Threshold.parse(p, ACCEPTED));
        }
        return parts.size() == 1 ? Collections.nCopies(3, ranges.get(0)) : ranges;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
