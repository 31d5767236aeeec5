package org.udjat.evaluate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.udjat.api.Status;
import org.udjat.config.CheckRef;

/**
 * Works out, within one cycle, which problems are caused by something they depend on, and what
 * the root causes are. Subjects must be recorded dependencies first (parents before children).
 *
 * <p>A host that is down is UNREACHABLE when <em>all</em> its parents are down or unreachable
 * (one working path is enough to blame the host itself). A check with a problem is suppressed
 * when <em>any</em> check it depends on has a problem, or the host of such a check is down. The
 * root of a suppressed dependency is its own root, so a dead router behind a dead switch names
 * the router. A problem counts as soon as it is seen, SOFT included: a parent that failed once
 * already explains its children failing in the same cycle. Not thread-safe; one per cycle.
 */
final class Suppressor {
    /** Current status of every recorded subject ({@code gw1}, {@code db1/postgres}). */
    private final Map<String, Status> status = new HashMap<>();
    /** Root causes of every suppressed subject; absent when not suppressed. */
    private final Map<String, Set<String>> roots = new HashMap<>();
    /** How each root cause reads: {@code gw1 DOWN}. */
    private final Map<String, String> labels = new HashMap<>();

    /** The root causes of a host with {@code current} status and these parents; empty when not suppressed. */
    Set<String> hostRoots(Status current, List<String> parents) {
        Set<String> found = new TreeSet<>();
        if (current == Status.OK || parents.isEmpty()) {
            return found;
        }
        for (String p : parents) {
            if (status.getOrDefault(p, Status.OK) == Status.OK) {
                return new TreeSet<>();
            }
            found.addAll(rootsOf(p));
        }
        return found;
    }

    /** The root causes of a check with {@code current} status and these dependencies; empty when not suppressed. */
    Set<String> checkRoots(Status current, List<CheckRef> dependencies) {
        Set<String> found = new TreeSet<>();
        if (current == Status.OK) {
            return found;
        }
        for (CheckRef d : dependencies) {
            if (status.getOrDefault(d.host(), Status.OK) != Status.OK) {
                found.addAll(rootsOf(d.host()));
            } else if (status.getOrDefault(d.toString(), Status.OK) != Status.OK) {
                found.addAll(rootsOf(d.toString()));
            }
        }
        return found;
    }

    /**
     * Records a subject's outcome for the subjects that depend on it.
     *
     * @param label how it reads as a root cause, e.g. {@code gw1 DOWN}
     */
    void record(String subject, Status current, Set<String> rootCauses, String label) {
        status.put(subject, current);
        labels.put(subject, label);
        if (!rootCauses.isEmpty()) {
            roots.put(subject, Set.copyOf(rootCauses));
        }
    }

    private Set<String> rootsOf(String subject) {
        Set<String> r = roots.get(subject);
        return r == null ? Set.of(subject) : r;
    }

    /** {@code gw1 DOWN, gw2 DOWN}, or null for no root causes. */
    String describe(Set<String> rootCauses) {
        if (rootCauses.isEmpty()) {
            return null;
        }
        return String.join(", ", new TreeSet<>(rootCauses).stream().map(r -> labels.getOrDefault(r, r)).toList());
    }

    /** How many recorded subjects each root cause suppresses. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        roots.values().forEach(rs -> rs.forEach(r -> counts.merge(r, 1, Integer::sum)));
        return counts;
    }
}
