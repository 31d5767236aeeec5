package org.udjat.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;

/**
 * The hosts of a config in polling order: every host after all of its parents, and
 * otherwise in the order written (so the order is stable from cycle to cycle). Also answers
 * how deep a host sits behind its parents, for dependency work. Immutable.
 */
public final class HostOrder {
    private final List<HostSpec> ordered;
    private final Map<String, HostSpec> byName;
    private final Map<String, Integer> depth;

    private HostOrder(List<HostSpec> ordered, Map<String, HostSpec> byName, Map<String, Integer> depth) {
        this.ordered = List.copyOf(ordered);
        this.byName = Map.copyOf(byName);
        this.depth = Map.copyOf(depth);
    }

    /**
     * Orders the hosts of a config.
     *
     * @throws IllegalArgumentException when a parent is not a host of the config or parents form
     *                                  a cycle; a config from {@code ConfigLoader} never has either
     */
    public static HostOrder of(Config config) {
        List<HostSpec> hosts = config.hostList();
        Map<String, Integer> position = new HashMap<>();
        Map<String, HostSpec> byName = new HashMap<>();
        for (HostSpec h : hosts) {
            position.put(h.name(), position.size());
            byName.put(h.name(), h);
        }
        Map<String, Integer> depth = new HashMap<>();
        List<HostSpec> ordered = sort(hosts, byName, position, depth);
        if (ordered.size() != hosts.size()) {
            throw new IllegalArgumentException("parents form a cycle among: " + hosts.stream()
                    .map(HostSpec::name).filter(n -> !depth.containsKey(n)).toList());
        }
        return new HostOrder(ordered, byName, depth);
    }

    /** Kahn's algorithm, always taking the ready host written first; fills in depths as it goes. */
    private static List<HostSpec> sort(List<HostSpec> hosts, Map<String, HostSpec> byName,
                                       Map<String, Integer> position, Map<String, Integer> depth) {
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>((a, b) -> position.get(a) - position.get(b));
        for (HostSpec h : hosts) {
            List<String> parents = h.parents().stream().distinct().toList();
            for (String p : parents) {
                if (!byName.containsKey(p)) {
                    throw new IllegalArgumentException("host " + h.name() + ": parent \"" + p + "\" is not a host");
                }
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(h.name());
            }
            waitingFor.put(h.name(), parents.size());
            if (parents.isEmpty()) {
                ready.add(h.name());
            }
        }
        List<HostSpec> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            HostSpec h = byName.get(ready.poll());
            ordered.add(h);
            depth.put(h.name(), h.parents().stream().mapToInt(p -> depth.get(p) + 1).max().orElse(0));
            for (String child : children.getOrDefault(h.name(), List.of())) {
                if (waitingFor.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        return ordered;
    }

    /** Every host, parents before children, otherwise in config order. */
    public List<HostSpec> hosts() {
        return ordered;
    }

    /** 0 for a host without parents, else one more than its deepest parent. */
    public int depth(String host) {
        return depth.get(require(host).name());
    }

    /** The hosts a host lists as parents, in the order written. */
    public List<HostSpec> parents(String host) {
        return require(host).parents().stream().distinct().map(byName::get).toList();
    }

    private HostSpec require(String host) {
        HostSpec h = byName.get(host);
        if (h == null) {
            throw new IllegalArgumentException("no host named \"" + host + "\"");
        }
        return h;
    }
}
