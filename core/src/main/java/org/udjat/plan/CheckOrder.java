package org.udjat.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.udjat.config.CheckRef;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;

/**
 * The checks of a config in evaluation order: every check after the checks it {@code depends_on},
 * otherwise in the order written. Dependencies that name no check are left out (a config from
 * {@code ConfigLoader} has none). Immutable.
 */
public final class CheckOrder {
    private final List<CheckRef> ordered;
    private final Map<CheckRef, List<CheckRef>> dependencies;

    private CheckOrder(List<CheckRef> ordered, Map<CheckRef, List<CheckRef>> dependencies) {
        this.ordered = List.copyOf(ordered);
        this.dependencies = dependencies;
    }

    /**
     * Orders the checks of a config.
     *
     * @throws IllegalArgumentException when dependencies form a cycle; a config from {@code ConfigLoader} never has one
     */
    public static CheckOrder of(Config config) {
        Map<CheckRef, List<CheckRef>> deps = new LinkedHashMap<>();
        for (HostSpec host : config.hostList()) {
            for (CheckSpec check : host.checks()) {
                List<CheckRef> targets = check.dependsOn().stream()
                        .map(d -> CheckRef.resolve(host.name(), d, config.hosts()))
                        .filter(r -> r.in(config.hosts()).isPresent()).distinct().toList();
                deps.put(new CheckRef(host.name(), check.name()), targets);
            }
        }
        List<CheckRef> ordered = new ArrayList<>();
        Set<CheckRef> done = new HashSet<>();
        Set<CheckRef> visiting = new HashSet<>();
        for (CheckRef c : deps.keySet()) {
            visit(c, deps, done, visiting, ordered);
        }
        return new CheckOrder(ordered, java.util.Collections.unmodifiableMap(deps));
    }

    private static void visit(CheckRef c, Map<CheckRef, List<CheckRef>> deps, Set<CheckRef> done,
                              Set<CheckRef> visiting, List<CheckRef> ordered) {
        if (done.contains(c)) {
            return;
        }
        if (!visiting.add(c)) {
            throw new IllegalArgumentException("depends_on forms a cycle through " + c);
        }
        for (CheckRef d : deps.getOrDefault(c, List.of())) {
            visit(d, deps, done, visiting, ordered);
        }
        visiting.remove(c);
        done.add(c);
        ordered.add(c);
    }

    /** Every check, dependencies first. */
    public List<CheckRef> checks() {
        return ordered;
    }

    /** The checks {@code check} depends on, resolved, in the order written. */
    public List<CheckRef> dependencies(CheckRef check) {
        return dependencies.getOrDefault(check, List.of());
    }
}
