package org.udjat.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.udjat.config.HostReader.ParsedHost;

/**
 * Checks the {@code parents:} of every host: each must name a host of the config, and
 * following parents must never lead back to where it started (the plan stage relies on it).
 */
final class ParentChecker {
    private final Map<String, ParsedHost> hosts;
    private final ErrorCollector errors;
    private final Map<String, Integer> order = new HashMap<>();
    private final Set<String> done = new HashSet<>();
    private final List<String> stack = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    private ParentChecker(Map<String, ParsedHost> hosts, ErrorCollector errors) {
        this.hosts = hosts;
        this.errors = errors;
        hosts.keySet().forEach(name -> order.put(name, order.size()));
    }

    /** Reports unknown parents and every cycle, each once, at the host written first in it. */
    static void check(Map<String, ParsedHost> hosts, ErrorCollector errors) {
        ParentChecker checker = new ParentChecker(hosts, errors);
        checker.reportUnknown();
        hosts.keySet().forEach(checker::visit);
    }

    private void reportUnknown() {
        for (ParsedHost h : hosts.values()) {
            for (ValueReader.Item p : h.parents()) {
                if (!hosts.containsKey(p.value())) {
                    errors.add(p.node(), p.path(), Suggester.unknown("host", p.value(), hosts.keySet(), false));
                }
            }
        }
    }

    /**
     * Depth-first walk from one host along its parents; a parent still on the path closes a
     * cycle. Iterative, so a long chain of parents cannot overflow the call stack.
     */
    private void visit(String root) {
        if (done.contains(root)) {
            return;
        }
        Map<String, Integer> onPath = new HashMap<>();
        List<Integer> nextParent = new ArrayList<>();
        stack.add(root);
        onPath.put(root, 0);
        nextParent.add(0);
        while (!stack.isEmpty()) {
            int top = stack.size() - 1;
            List<String> parents = hosts.get(stack.get(top)).spec().parents();
            int i = nextParent.get(top);
            if (i == parents.size()) {
                String finished = stack.remove(top);
                onPath.remove(finished);
                done.add(finished);
                nextParent.remove(top);
                continue;
            }
            nextParent.set(top, i + 1);
            String parent = parents.get(i);
            Integer at = onPath.get(parent);
            if (at != null) {
                report(new ArrayList<>(stack.subList(at, stack.size())));
            } else if (hosts.containsKey(parent) && !done.contains(parent)) {
                onPath.put(parent, stack.size());
                stack.add(parent);
                nextParent.add(0);
            }
        }
    }

    private void report(List<String> cycle) {
        // start at the host written first, so the message and its position do not depend on walk order
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (order.get(cycle.get(i)) < order.get(cycle.get(first))) {
                first = i;
            }
        }
        List<String> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
        rotated.addAll(cycle.subList(0, first));
        if (!reported.add(String.join(" ", rotated))) {
            return;
        }
        String start = rotated.get(0);
        String next = rotated.size() > 1 ? rotated.get(1) : start;
        ValueReader.Item at = hosts.get(start).parents().stream()
                .filter(p -> p.value().equals(next)).findFirst().orElseThrow();
        rotated.add(start);
        errors.add(at.node(), at.path(), "parents form a cycle: " + String.join(" -> ", rotated));
    }
}
