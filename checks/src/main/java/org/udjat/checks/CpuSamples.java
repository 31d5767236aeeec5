package org.udjat.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;

/**
 * Reads the two samples the cpu command takes one second apart and turns the difference into a
 * {@link CpuUsage}. The kernels' counters are ticks since boot: the first line of /proc/stat on
 * Linux ({@code cpu user nice system idle iowait irq softirq steal guest guest_nice}),
 * {@code kern.cp_time} on FreeBSD ({@code user nice sys intr idle}) and OpenBSD ({@code user,nice,
 * sys,spin,intr,idle}, without spin before 5.x). macOS has no such counters in sysctl, so there
 * {@code top -l 2} computes the percentages itself and the second of its samples is used, since
 * the first covers no interval of its own.
 *
 * @param usage   the result, or null when the output could not be used
 * @param problem why not, for the UNKNOWN summary; empty when there is a usage
 */
record CpuSamples(CpuUsage usage, String problem) {
    private static final Pattern PROC_STAT = Pattern.compile("cpu((?:\\s+\\d{1,19}){4,16})\\s*");
    private static final Pattern CP_TIME = Pattern.compile("kern\\.cp_time(?:: |=)\\s*(\\d{1,19}(?:[ ,]\\d{1,19}){4,5})\\s*");
    private static final String PCT = "(\\d{1,3}(?:[.,]\\d{1,4})?)%";
    /** {@code CPU usage: 6.45% user, 9.67% sys, 83.87% idle}; a de_DE login shell may print 6,45%. */
    private static final Pattern TOP = Pattern.compile(".*CPU usage: " + PCT + " user, " + PCT + " sys, " + PCT + " idle.*");
    private static final String[] LINUX_NAMES = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal",
        "guest", "guest_nice"};
    private static final String[] BSD5_NAMES = {"user", "nice", "sys", "intr", "idle"};
    private static final String[] BSD6_NAMES = {"user", "nice", "sys", "spin", "intr", "idle"};

    /** Reads the output of the cpu command of any platform; never throws. */
    static CpuSamples read(List<String> lines) {
        List<long[]> procStat = new ArrayList<>();
        List<long[]> cpTime = new ArrayList<>();
        List<Matcher> top = new ArrayList<>();
        for (String line : lines) {
            if (line.length() > RawOutput.MAX_LINE) {
                continue;
            }
            Matcher p = PROC_STAT.matcher(line.strip());
            Matcher c = CP_TIME.matcher(line.strip());
            Matcher t = TOP.matcher(line);
            if (p.matches()) {
                procStat.add(counters(p.group(1).strip().split("\\s+")));
            } else if (c.matches()) {
                cpTime.add(counters(c.group(1).split("[ ,]")));
            } else if (t.matches()) {
                top.add(t);
            }
        }
        if (!top.isEmpty()) {
            return fromTop(top);
        }
        if (!procStat.isEmpty()) {
            return fromTicks(procStat, true);
        }
        if (!cpTime.isEmpty()) {
            return fromTicks(cpTime, false);
        }
        return failed("could not read the CPU time counters");
    }

    private static CpuSamples fromTop(List<Matcher> samples) {
        if (samples.size() < 2) {
            return failed("top printed one sample only, which covers no interval of its own; the second is needed");
        }
        Matcher last = samples.get(samples.size() - 1);
        double idle = percent(last.group(3));
        return new CpuSamples(new CpuUsage(percent(last.group(1)), percent(last.group(2)), Double.NaN, Double.NaN, idle), "");
    }

    private static CpuSamples fromTicks(List<long[]> samples, boolean linux) {
        if (samples.size() < 2) {
            return failed("only one sample of the CPU time counters; two, one second apart, are needed");
        }
        long[] a = samples.get(0);
        long[] b = samples.get(1);
        if (a == null || b == null) {
            return failed("a CPU time counter is too large to be real");
        }
        if (a.length != b.length) {
            return failed("the two samples have " + a.length + " and " + b.length + " counters");
        }
        String[] names = linux ? LINUX_NAMES : a.length == 6 ? BSD6_NAMES : BSD5_NAMES;
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = b[i] - a[i];
            if (d[i] < 0) {
                return failed("the CPU time counter " + (i < names.length ? names[i] : "number " + (i + 1)) + " went backwards between the two samples (" + a[i]
                        + " then " + b[i] + "); the host may have rebooted or the counter wrapped");
            }
        }
        return linux ? linux(d) : bsd(d);
    }

    private static CpuSamples linux(long[] d) {
        // guest and guest_nice are already counted in user and nice
        int counted = Math.min(d.length, 8);
        double total = 0;
        for (int i = 0; i < counted; i++) {
            total += d[i];
        }
        if (total == 0) {
            return failed("the CPU time counters did not move between the two samples");
        }
        double pct = 100 / total;
        double irq = (d.length > 5 ? d[5] : 0) + (d.length > 6 ? d[6] : 0);
        return new CpuSamples(new CpuUsage((d[0] + d[1]) * pct, (d[2] + irq) * pct,
                d.length > 4 ? d[4] * pct : Double.NaN, d.length > 7 ? d[7] * pct : Double.NaN, d[3] * pct), "");
    }

    private static CpuSamples bsd(long[] d) {
        double total = 0;
        for (long v : d) {
            total += v;
        }
        if (total == 0) {
            return failed("the CPU time counters did not move between the two samples");
        }
        double pct = 100 / total;
        int idle = d.length - 1;
        double system = 0;
        for (int i = 2; i < idle; i++) {
            system += d[i]; // sys, intr, and spin where there is one
        }
        return new CpuSamples(new CpuUsage((d[0] + d[1]) * pct, system * pct, Double.NaN, Double.NaN, d[idle] * pct), "");
    }

    /** The counters, or null when one does not fit in a long (no real counter does). */
    private static long[] counters(String[] fields) {
        long[] values = new long[fields.length];
        try {
            for (int i = 0; i < fields.length; i++) {
                values[i] = Long.parseLong(fields[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return values;
    }

    private static double percent(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }

    private static CpuSamples failed(String problem) {
        return new CpuSamples(null, problem);
    }
}
