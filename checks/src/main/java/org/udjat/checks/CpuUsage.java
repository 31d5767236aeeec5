package org.udjat.checks;

/**
 * How the CPUs spent the sampled interval, in percent of all CPU time. {@code user} includes nice
 * time, {@code system} includes interrupt time (and OpenBSD's spinning). On Linux {@code iowait}
 * and {@code steal} are separate; platforms without them report {@code NaN}.
 *
 * @param user   running programs, niced or not
 * @param system in the kernel, including interrupts
 * @param iowait idle while a disk request was outstanding (Linux), or NaN
 * @param steal  taken by the hypervisor for other guests (Linux), or NaN
 * @param idle   idle, without iowait
 */
record CpuUsage(double user, double system, double iowait, double steal, double idle) {

    /** Everything but idle: 100 - idle, so iowait and steal count as busy. */
    double busy() {
        return 100 - idle;
    }

    boolean hasIowait() {
        return !Double.isNaN(iowait);
    }

    boolean hasSteal() {
        return !Double.isNaN(steal);
    }
}
