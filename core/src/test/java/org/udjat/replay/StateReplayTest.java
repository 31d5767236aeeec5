package org.udjat.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.plugin.Plugins;

/** The results a history implies, run again through the state engine of another config. */
class StateReplayTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;

    private Config config(int attempts) throws Exception {
        Path file = dir.resolve("udjat-" + attempts + ".yaml");
        Files.writeString(file, """
                interval: 1m
                hosts:
                  web1:
                    transport: local
                    checks:
                      - check: load
                        attempts: %d
                      - command: /usr/lib/nagios/plugins/check_http -H web1
                        name: http
                        attempts: %d
                """.formatted(attempts, attempts));
        try (Plugins plugins = Plugins.load(null)) {
            return new ConfigLoader(plugins.checks(), Map.of(), "tester", dir).load(file);
        }
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private static Change line(int minute, String subject, String to, String summary) {
        String[] s = subject.split("/");
        return new Change(at(minute), s[0], s.length > 1 ? s[1] : null, null, to, summary);
    }

    private static List<String> problems(List<StateReplay.ReplayedCycle> cycles) {
        return cycles.stream().flatMap(c -> c.changes().stream())
                .filter(ch -> ch.kind() == ChangeKind.PROBLEM || ch.kind() == ChangeKind.RECOVERY)
                .map(ch -> ch.time().toString().substring(11, 16) + " " + ch.kind() + " " + ch.subject() + " " + ch.to())
                .toList();
    }

    /** A flapping http check and a load check that fails for good, as recorded with attempts: 1. */
    private static List<Change> history() {
        return List.of(
                line(0, "web1", "UP", ""),
                line(0, "web1/load", "OK", "load average 0.5"),
                line(0, "web1/http", "OK", "HTTP OK"),
                line(1, "web1/http", "CRITICAL", "connection refused"),
                line(2, "web1/http", "OK", "HTTP OK"),
                line(3, "web1/http", "CRITICAL", "connection refused"),
                line(4, "web1/http", "OK", "HTTP OK"),
                line(5, "web1/load", "CRITICAL", "load average 40"),
                // nothing recorded at 6, 7 and 8: the load stayed CRITICAL
                line(9, "web1/load", "OK", "load average 0.4"));
    }

    @Test
    void theSameAttemptsGiveTheRecordedProblemsBack() throws Exception {
        assertEquals(List.of(
                "10:01 PROBLEM web1/http CRITICAL", "10:02 RECOVERY web1/http OK",
                "10:03 PROBLEM web1/http CRITICAL", "10:04 RECOVERY web1/http OK",
                "10:05 PROBLEM web1/load CRITICAL", "10:09 RECOVERY web1/load OK"),
                problems(StateReplay.run(config(1), history())));
    }

    @Test
    void moreAttemptsDropTheFlapsAndConfirmTheLastingProblemInCyclesNothingWasWrittenIn() throws Exception {
        List<StateReplay.ReplayedCycle> cycles = StateReplay.run(config(3), history());
        assertEquals(List.of("10:07 PROBLEM web1/load CRITICAL", "10:09 RECOVERY web1/load OK"), problems(cycles));
        assertEquals(10, cycles.size(), "one cycle a minute from 10:00 to 10:09");
        assertEquals("load average 40", cycles.get(7).snapshot().host("web1").orElseThrow().checks().stream()
                .filter(c -> c.check().equals("load")).findFirst().orElseThrow().summary());
    }

    @Test
    void aHostRecordedDownIsNotReachedAndItsChecksDoNotRun() throws Exception {
        List<Change> history = List.of(line(0, "web1", "UP", ""), line(1, "web1", "DOWN", "connection refused"),
                line(2, "web1", "UP", ""));
        List<StateReplay.ReplayedCycle> cycles = StateReplay.run(config(1), history);
        List<String> hostChanges = cycles.stream().flatMap(c -> c.changes().stream())
                .filter(ch -> ch.check() == null && ch.kind() != ChangeKind.NEW)
                .map(ch -> ch.kind() + " " + ch.to() + " " + ch.summary()).toList();
        // one cycle down is below the host's default attempts: a SOFT move there and back, never a problem
        assertEquals(List.of("SOFT DOWN connection refused", "SOFT UP "), hostChanges);
        assertEquals(List.of(), cycles.get(1).changes().stream().filter(ch -> ch.check() != null).toList(),
                "the checks of a host not reached keep their states");
    }
}
