package org.udjat.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.udjat.api.Settings;
import org.udjat.config.CheckRef;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.config.StatePolicy;

class CheckOrderTest {
    static CheckSpec check(String name, String... deps) {
        return new CheckSpec(name, null, name, Settings.empty(), Duration.ofSeconds(1), 1024, StatePolicy.DEFAULT,
                List.of(deps));
    }

    static Config config(HostSpec... hosts) {
        Map<String, HostSpec> byName = new LinkedHashMap<>();
        for (HostSpec h : hosts) {
            byName.put(h.name(), h);
        }
        return new Config(Path.of("udjat.yaml"), Path.of("/state"), null, Duration.ofMinutes(1),
                Duration.ofSeconds(50), 1, byName);
    }

    static HostSpec host(String name, CheckSpec... checks) {
        return new HostSpec(name, name, 22, HostSpec.Transport.LOCAL, null, List.of(), List.of(), null, List.of(checks));
    }

    @Test
    void dependenciesComeFirstAndOtherwiseTheConfigOrderHolds() {
        CheckOrder order = CheckOrder.of(config(host("web1", check("app", "db1/postgres", "cache"), check("cache")),
                host("db1", check("disk"), check("postgres", "disk"))));
        assertEquals(List.of("db1/disk", "db1/postgres", "web1/cache", "web1/app"),
                order.checks().stream().map(CheckRef::toString).toList());
        assertEquals(List.of(new CheckRef("db1", "postgres"), new CheckRef("web1", "cache")),
                order.dependencies(new CheckRef("web1", "app")));
    }

    @Test
    void aCycleIsRefused() {
        Config cyclic = config(host("a", check("x", "y"), check("y", "x")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckOrder.of(cyclic));
        assertEquals("depends_on forms a cycle through a/x", e.getMessage());
    }
}
