package org.udjat.cli;

import java.util.ArrayList;
import java.util.List;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;

/**
 * The problems of a status that can be acknowledged: hosts not UP and checks not OK once HARD, and
 * whatever is UNSTABLE. A SOFT problem is not confirmed yet, so nobody has been paged for it.
 */
final class OpenProblems {
    private OpenProblems() {
    }

    /**
     * One open problem.
     *
     * @param host  the host
     * @param check the check, or null for the host itself
     * @param state {@code DOWN}, {@code CRITICAL}, {@code OK UNSTABLE}...
     */
    record Problem(String host, String check, String state) {
        String subject() {
            return check == null ? host : host + "/" + check;
        }
    }

    /** Every open problem, hosts before their checks, in status order. */
    static List<Problem> of(Snapshot snapshot) {
        List<Problem> open = new ArrayList<>();
        for (HostState h : snapshot.hosts()) {
            if (isOpen(!h.state().equals("UP"), h.detail())) {
                open.add(new Problem(h.host(), null, state(h.state(), h.detail())));
            }
            for (CheckState c : h.checks()) {
                if (isOpen(!c.status().name().equals("OK"), c.detail())) {
                    open.add(new Problem(h.host(), c.check(), state(c.status().name(), c.detail())));
                }
            }
        }
        return open;
    }

    /** The state of a subject in the status with SOFT/HARD, e.g. {@code WARNING SOFT 1/3}; null when not there. */
    static String describe(Snapshot snapshot, String host, String check) {
        for (HostState h : snapshot.hosts()) {
            if (!h.host().equals(host)) {
                continue;
            }
            if (check == null) {
                return withType(h.state(), h.detail());
            }
            for (CheckState c : h.checks()) {
                if (c.check().equals(check)) {
                    return withType(c.status().name(), c.detail());
                }
            }
        }
        return null;
    }

    /** Not fine and HARD (or of an older status that did not record the type), or UNSTABLE. */
    private static boolean isOpen(boolean problem, StateDetail d) {
        return d == null ? problem : d.unstable() || problem && d.type() != StateType.SOFT;
    }

    private static String state(String state, StateDetail d) {
        return d != null && d.unstable() ? state + " UNSTABLE" : state;
    }

    private static String withType(String state, StateDetail d) {
        if (d == null || d.type() == null) {
            return state;
        }
        return state + " " + (d.type() == StateType.SOFT ? "SOFT " + d.attempt() + "/" + d.attempts() : "HARD");
    }
}
