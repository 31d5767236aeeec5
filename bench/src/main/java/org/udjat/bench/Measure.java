package org.udjat.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Wall and CPU seconds of a piece of work: this JVM's threads and the child processes it reaped. */
record Measure(double wall, double cpu) {

    /** Work that may throw anything. */
    interface Work {
        void run() throws Exception;
    }

    static Measure run(ProcCpu cpu, Work work) throws Exception {
        double c0 = cpu.self();
        long t0 = System.nanoTime();
        work.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Measure(wall, cpu.self() - c0);
    }

    static Measure median(List<Measure> all) {
        List<Measure> sorted = all.stream().sorted(Comparator.comparingDouble(Measure::wall)).toList();
        return sorted.get(sorted.size() / 2);
    }

    void print(String what, int count) {
        System.out.printf(Locale.ROOT, "  %-78s %7.2f s wall %7.2f s CPU %7.1f us/value%n", what, wall, cpu,
                wall * 1e6 / count);
    }
}
