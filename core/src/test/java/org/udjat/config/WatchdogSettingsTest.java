package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogSettingsTest {
    @TempDir
    Path dir;

    private Config load(String yaml) throws Exception {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(TestChecks.standard(), Map.of(), "tester", Path.of("/home/tester")).load(file);
    }

    private List<String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.errors().stream().map(ConfigError::format).toList();
    }

    @Test
    void aWatchdogConfigNeedsNoHostsAndTakesTheDefaults() throws Exception {
        Config c = load("watchdog:\n  heartbeat_url: https://mon.example.org/udjat/heartbeat.json\n");
        assertEquals(Map.of(), c.hosts());
        WatchdogSettings w = c.watchdog();
        assertEquals(URI.create("https://mon.example.org/udjat/heartbeat.json"), w.heartbeatUrl());
        assertNull(w.maxAge());
        assertEquals(Duration.ofMinutes(15), w.maxAge(Duration.ofMinutes(5)), "three intervals of the poller");
        assertEquals(Duration.ofSeconds(20), w.timeout());
    }

    @Test
    void sshTakesTheLoginDefaultsAndTheFile() throws Exception {
        WatchdogSettings w = load("""
                watchdog:
                  ssh: {host: mon1.example.org}
                  heartbeat_file: /var/lib/udjat/heartbeat.json
                  max_age: 5m
                  timeout: 8s
                """).watchdog();
        assertEquals(new WatchdogSettings.Ssh("mon1.example.org", 22, "tester", Path.of("/home/tester/.ssh/id_ed25519"),
                Path.of("/home/tester/.ssh/known_hosts")), w.ssh());
        assertEquals("/var/lib/udjat/heartbeat.json", w.heartbeatFile());
        assertEquals(Duration.ofMinutes(5), w.maxAge(Duration.ofMinutes(1)));
        assertEquals(Duration.ofSeconds(8), w.timeout());
        assertEquals("tester@mon1.example.org:22:/var/lib/udjat/heartbeat.json", w.source());
    }

    @Test
    void mistakesAreReportedWithTheirPlace() {
        String file = dir.resolve("udjat.yaml").toString();
        assertEquals(List.of(file + ":1:1: missing \"hosts\""), errors("interval: 1m\n"));
        assertEquals(List.of(file + ":2:18: watchdog.heartbeat_url: expected an http or https URL, got \"ftp://x/hb\"",
                        file + ":3:3: watchdog: unknown key \"max_ag\"; did you mean \"max_age\"?"),
                errors("watchdog:\n  heartbeat_url: ftp://x/hb\n  max_ag: 1m\n"));
        assertEquals(List.of(file + ":2:3: watchdog: missing \"heartbeat_file\": the path of heartbeat.json on the poller, "
                + "in its state directory"), errors("watchdog:\n  ssh: {host: mon1}\n"));
        assertEquals(List.of(file + ":2:3: watchdog: set only one of \"heartbeat_url\" and \"ssh\"",
                        file + ":3:27: watchdog.ssh.port: must be between 1 and 65535, got 0"),
                errors("watchdog:\n  heartbeat_url: http://mon1/hb.json\n  ssh: {host: mon1, port: 0}\n"
                        + "  heartbeat_file: /x\n"));
    }
}
