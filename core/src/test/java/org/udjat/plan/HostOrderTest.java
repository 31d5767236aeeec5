package org.udjat.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.config.Secret;
import org.udjat.config.SshSettings;

class HostOrderTest {
    static final SshSettings SSH = new SshSettings("u", Path.of("/k"), Secret.NONE, Path.of("/kh"), false,
            Duration.ofSeconds(10), Duration.ofSeconds(50));

    static HostSpec host(String name, String... parents) {
        return new HostSpec(name, name, 22, HostSpec.Transport.SSH, null, List.of(), List.of(parents), SSH, List.of());
    }

    static Config config(HostSpec... hosts) {
        Map<String, HostSpec> byName = new LinkedHashMap<>();
        for (HostSpec h : hosts) {
            byName.put(h.name(), h);
        }
        return new Config(Path.of("udjat.yaml"), Path.of("/state"), null, Duration.ofMinutes(1),
                Duration.ofSeconds(50), 32, byName);
    }

    static List<String> names(HostOrder order) {
        return order.hosts().stream().map(HostSpec::name).toList();
    }

    @Test
    void parentsComeBeforeTheirChildrenAndOtherwiseTheConfigOrderHolds() {
        HostOrder order = HostOrder.of(config(host("web1", "sw1"), host("db1"), host("sw1", "gw1"),
                host("web2", "sw1"), host("gw1"), host("mail")));
        assertEquals(List.of("db1", "gw1", "sw1", "web1", "web2", "mail"), names(order));
    }

    @Test
    void withoutParentsTheOrderIsTheConfigOrder() {
        assertEquals(List.of("c", "a", "b"), names(HostOrder.of(config(host("c"), host("a"), host("b")))));
    }

    @Test
    void aHostWithSeveralParentsWaitsForAllOfThem() {
        HostOrder order = HostOrder.of(config(host("app", "lb", "db"), host("lb"), host("db", "san"), host("san")));
        assertEquals(List.of("lb", "san", "db", "app"), names(order));
        assertEquals(2, order.depth("app"));
        assertEquals(1, order.depth("db"));
        assertEquals(0, order.depth("lb"));
        assertEquals(List.of("lb", "db"), order.parents("app").stream().map(HostSpec::name).toList());
        assertEquals(List.of(), order.parents("san"));
    }

    @Test
    void aLongChainIsOrderedWithoutRecursion() {
        List<HostSpec> hosts = new ArrayList<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            hosts.add(i == n - 1 ? host("h" + i) : host("h" + i, "h" + (i + 1)));
        }
        HostOrder order = HostOrder.of(config(hosts.toArray(HostSpec[]::new)));
        assertEquals("h" + (n - 1), order.hosts().get(0).name());
        assertEquals("h0", order.hosts().get(n - 1).name());
        assertEquals(n - 1, order.depth("h0"));
    }

    @Test
    void cyclesAndUnknownParentsAreRejected() {
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class,
                () -> HostOrder.of(config(host("ok"), host("a", "b"), host("b", "a"))));
        assertEquals("parents form a cycle among: [a, b]", cycle.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> HostOrder.of(config(host("a", "gw"))));
        assertEquals("host a: parent \"gw\" is not a host", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostOrder.of(config(host("a"))).depth("b"));
    }
}
