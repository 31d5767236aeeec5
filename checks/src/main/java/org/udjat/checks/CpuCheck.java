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
import org.udjat.api.Threshold;
import org.udjat.api.Thresholds;

/**
 * {@code cpu}: how busy the CPUs were over one second, from two samples of the kernel's CPU time
 * counters taken one second apart on the host (see {@link CpuSamples}), so the check adds a second
 * to the host's script. {@code warn}/{@code crit} apply to the busy percentage (100 - idle);
 * {@code iowait_warn}/{@code iowait_crit} and {@code steal_warn}/{@code steal_crit} to Linux's
 * iowait and steal, and are ignored, with a note, where the platform has no such counter. Stateless.
 */
@Extension
public final class CpuCheck implements Check {
    static final String IOWAIT_WARN = "iowait_warn";
    static final String IOWAIT_CRIT = "iowait_crit";
    static final String STEAL_WARN = "steal_warn";
    static final String STEAL_CRIT = "steal_crit";
    private static final Set<Quantity> ACCEPTED = EnumSet.of(Quantity.PERCENT, Quantity.NUMBER);
    private static final List<String> THRESHOLD_KEYS = List.of(Thresholds.WARN, Thresholds.CRIT, IOWAIT_WARN, IOWAIT_CRIT,
            STEAL_WARN, STEAL_CRIT);

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public Set<String> optionNames() {
        return Set.copyOf(THRESHOLD_KEYS);
    }

    @Override
    public List<ConfigProblem> validate(Settings options) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (String key : THRESHOLD_KEYS) {
            Optional<String> text = options.string(key);
            try {
                if (text.isPresent()) {
                    Threshold.parse(text.get(), ACCEPTED);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key, e.getMessage()));
            }
        }
        return problems;
    }

    @Override
    public Optional<String> command(Platform platform, Settings options) {
        return Optional.of(switch (platform) {
            // head and sleep are BusyBox applets too, so one command serves both
            case LINUX, BUSYBOX -> "head -n 1 /proc/stat && sleep 1 && head -n 1 /proc/stat";
            case FREEBSD, OPENBSD -> "sysctl kern.cp_time && sleep 1 && sysctl kern.cp_time";
            // macOS has no kern.cp_time; top's second sample covers the one second between the two
            case MACOS -> "top -l 2 -n 0 -s 1";
        });
    }

    @Override
    public CheckOutcome parse(RawOutput output, Settings options) {
        Thresholds busy;
        Thresholds iowait;
        Thresholds steal;
        try {
            busy = Thresholds.read(options, ACCEPTED);
            iowait = thresholds(options, IOWAIT_WARN, IOWAIT_CRIT);
            steal = thresholds(options, STEAL_WARN, STEAL_CRIT);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.unknown("CPU UNKNOWN - bad options: " + e.getMessage(), "");
        }
        CpuSamples read = CpuSamples.read(output.lines());
        if (read.usage() == null) {
            return CheckOutcome.unknown("CPU UNKNOWN - " + read.problem(), output.text());
        }
        return outcome(read.usage(), busy, iowait, steal);
    }

    private static CheckOutcome outcome(CpuUsage u, Thresholds busy, Thresholds iowait, Thresholds steal) {
        Verdict verdict = new Verdict().consider("busy", u.busy(), busy);
        List<String> notes = new ArrayList<>();
        StringBuilder parts = new StringBuilder("user " + pct(u.user()) + ", system " + pct(u.system()));
        List<PerfDatum> perf = new ArrayList<>();
        perf.add(datum("user", u.user(), Thresholds.NONE));
        perf.add(datum("system", u.system(), Thresholds.NONE));
        if (u.hasIowait()) {
            verdict.consider("iowait", u.iowait(), iowait);
            parts.append(", iowait ").append(pct(u.iowait()));
            perf.add(datum("iowait", u.iowait(), iowait));
        } else if (iowait.warn() != null || iowait.crit() != null) {
            notes.add(IOWAIT_WARN + "/" + IOWAIT_CRIT + " ignored: this platform's counters have no iowait");
        }
        if (u.hasSteal()) {
            verdict.consider("steal", u.steal(), steal);
            parts.append(", steal ").append(pct(u.steal()));
            perf.add(datum("steal", u.steal(), steal));
        } else if (steal.warn() != null || steal.crit() != null) {
            notes.add(STEAL_WARN + "/" + STEAL_CRIT + " ignored: this platform's counters have no steal time");
        }
        perf.add(datum("idle", u.idle(), Thresholds.NONE));
        perf.add(datum("busy", u.busy(), busy));
        String summary = "CPU " + verdict.status + " - " + pct(u.busy()) + " busy (" + parts + ")" + verdict.trigger;
        return new CheckOutcome(verdict.status, summary, String.join("\n", notes), perf);
    }

    private static Thresholds thresholds(Settings options, String warnKey, String critKey) {
        return new Thresholds(Thresholds.read(options, warnKey, ACCEPTED), Thresholds.read(options, critKey, ACCEPTED));
    }

    private static PerfDatum datum(String label, double value, Thresholds t) {
        return new PerfDatum(label, value, "%", t.warnRange(), t.critRange(), 0.0, 100.0);
    }

    private static String pct(double v) {
        return Quantity.PERCENT.format(v);
    }

    /** The worst status so far and what raised it, e.g. {@code  - iowait triggers crit "20%"}. */
    private static final class Verdict {
        private Status status = Status.OK;
        private String trigger = "";

        Verdict consider(String label, double value, Thresholds t) {
            Status s = t.evaluate(value);
            if (s.compareTo(status) > 0) {
                status = s;
                trigger = " - " + Trigger.of(label, s, t);
            }
            return this;
        }
    }
}
