package org.udjat.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.udjat.config.HostReader.ParsedHost;

/**
 * Checks the {@code depends_on} of every check: each entry must name a check of the config
 * ({@code postgres} on the same host, or {@code db1/postgres}), and following dependencies must
 * never lead back to where it started. Every problem is reported with its path; a cycle with
 * every check on it ({@code web1/app -> db1/postgres -> web1/app}).
 */
final class DependencyChecker {
    private final Map<String, HostSpec> hosts = new LinkedHashMap<>();
    private final CheckReader reader;
    private final ErrorCollector errors;
    /** Each check's resolved dependencies with the entry that named them, in config order. */
    private final Map<CheckRef, List<Edge>> edges = new LinkedHashMap<>();
    private final Set<CheckRef> done = new HashSet<>();
    private final Set<String> reported = new HashSet<>();

    private record Edge(CheckRef target, ValueReader.Item item) {
    }

    private DependencyChecker(Map<String, ParsedHost> parsed, CheckReader reader, ErrorCollector errors) {
        parsed.forEach((name, h) -> hosts.put(name, h.spec()));
        this.reader = reader;
        this.errors = errors;
    }

    /** Reports unknown targets and cycles, each once. */
    static void check(Map<String, ParsedHost> parsed, CheckReader reader, ErrorCollector errors) {
        DependencyChecker checker = new DependencyChecker(parsed, reader, errors);
        checker.resolveAll();
        new ArrayList<>(checker.edges.keySet()).forEach(c -> checker.visit(c, new ArrayList<>(), new HashMap<>()));
    }

    private void resolveAll() {
        for (HostSpec host : hosts.values()) {
            for (CheckSpec check : host.checks()) {
                CheckRef from = new CheckRef(host.name(), check.name());
                List<Edge> out = new ArrayList<>();
                for (ValueReader.Item item : reader.dependencyItems(check)) {
                    CheckRef target = CheckRef.resolve(host.name(), item.value(), hosts);
                    if (target.in(hosts).isEmpty()) {
                        reportUnknown(from, item, target);
                    } else {
                        out.add(new Edge(target, item));
                    }
                }
                edges.put(from, out);
            }
        }
    }

    private void reportUnknown(CheckRef from, ValueReader.Item item, CheckRef target) {
        String written = item.value();
        int slash = written.indexOf('/');
        String prefix = from + " depends on \"" + written + "\": ";
        String message;
        if (slash > 0 && !hosts.containsKey(written.substring(0, slash))) {
            message = prefix + Suggester.unknown("host", written.substring(0, slash), hosts.keySet(), false);
        } else {
            List<String> names = hosts.get(target.host()).checks().stream().map(CheckSpec::name).toList();
            message = prefix + "host " + target.host() + " has no check \"" + target.check() + "\""
                    + Suggester.closest(target.check(), names).map(g -> "; did you mean \"" + g + "\"?").orElse("");
        }
        if (reported.add(item.path() + message)) {
            errors.add(item.node(), item.path(), message);
        }
    }

    /** Depth-first along dependencies; a check already on the path closes a cycle. */
    private void visit(CheckRef at, List<CheckRef> path, Map<CheckRef, Integer> onPath) {
        if (done.contains(at)) {
            return;
        }
        onPath.put(at, path.size());
        path.add(at);
        for (Edge e : edges.getOrDefault(at, List.of())) {
            Integer start = onPath.get(e.target());
            if (start != null) {
                report(new ArrayList<>(path.subList(start, path.size())));
            } else {
                visit(e.target(), path, onPath);
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(at);
        done.add(at);
    }

    private void report(List<CheckRef> cycle) {
        // start at the check written first, so the message does not depend on the walk order
        List<CheckRef> order = new ArrayList<>(edges.keySet());
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (order.indexOf(cycle.get(i)) < order.indexOf(cycle.get(first))) {
                first = i;
            }
        }
        List<CheckRef> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
        rotated.addAll(cycle.subList(0, first));
        List<String> names = new ArrayList<>(rotated.stream().map(CheckRef::toString).toList());
        if (!reported.add(String.join(" ", names))) {
            return;
        }
        CheckRef next = rotated.size() > 1 ? rotated.get(1) : rotated.get(0);
        ValueReader.Item at = edges.get(rotated.get(0)).stream().filter(e -> e.target().equals(next))
                .findFirst().orElseThrow().item();
        names.add(names.get(0));
        errors.add(at.node(), at.path(), "depends_on forms a cycle: " + String.join(" -> ", names));
    }
}
