package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state settings and depends_on as loaded: built-in defaults, defaults:, hosts, checks and templates. */
class StateSettingsTest {
    @TempDir
    Path dir;

    private Config load(String yaml) throws Exception {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(TestChecks.standard(), Map.of(), "tester", Path.of("/home/tester")).load(file);
    }

    private static CheckSpec check(Config c, String host, String name) {
        return c.hosts().get(host).checks().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void withoutSettingsEverythingGetsTheBuiltInPolicy() throws Exception {
        Config c = load("hosts:\n  web1:\n    checks:\n      - command: check_x\n");
        assertEquals(StatePolicy.DEFAULT, c.hosts().get("web1").policy());
        assertEquals(StatePolicy.DEFAULT, check(c, "web1", "check_x").policy());
        assertEquals(new StatePolicy(3, 1, Duration.ofMinutes(30), 6, 2, 3), StatePolicy.DEFAULT);
    }

    @Test
    void aCheckOverridesTheDefaultsAndAHostSetsOnlyItsOwnState() throws Exception {
        Config c = load("""
                defaults:
                  attempts: 4
                  flap_window: 1h
                  stale_after: 5
                templates:
                  web:
                    tags: [web]
                    checks:
                      - command: check_http
                        recover_attempts: 3
                        depends_on: [db1/postgres]
                hosts:
                  db1:
                    attempts: 2
                    checks:
                      - command: check_pgsql
                        name: postgres
                        flap_start: 8
                        flap_stop: 3
                      - command: check_app
                        depends_on: [postgres]
                  web1:
                    tags: [web]
                """);
        assertEquals(new StatePolicy(2, 1, Duration.ofHours(1), 6, 2, 5), c.hosts().get("db1").policy());
        assertEquals(new StatePolicy(4, 1, Duration.ofHours(1), 8, 3, 5), check(c, "db1", "postgres").policy());
        assertEquals(new StatePolicy(4, 3, Duration.ofHours(1), 6, 2, 5), check(c, "web1", "check_http").policy());
        assertEquals(List.of("db1/postgres"), check(c, "web1", "check_http").dependsOn());
        assertEquals(List.of(new CheckRef("db1", "postgres")), check(c, "db1", "check_app").dependsOn().stream()
                .map(d -> CheckRef.resolve("db1", d, c.hosts())).toList());
    }
}
