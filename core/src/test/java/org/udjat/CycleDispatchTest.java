package org.udjat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.config.HostSpec;
import org.udjat.dispatch.DispatchRequest;
import org.udjat.evaluate.Change;
import org.udjat.plugin.Plugins;
import org.udjat.poll.LocalTransport;
import org.udjat.record.HistoryLog;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;

/** Whole cycles on this machine (real /bin/sh) with a dispatcher that records, and one that throws. */
class CycleDispatchTest {
    @TempDir
    Path dir;

    private Config config(Plugins plugins) throws Exception {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, """
                hosts:
                  here:
                    transport: local
                    checks:
                      - command: 'echo "CRITICAL - broken"; exit 2'
                        name: broken
                        attempts: 1
                """);
        return new ConfigLoader(plugins.checks(), Map.of(), "tester", dir).load(file);
    }

    @Test
    void theDispatcherGetsTheRecordedChangesOfEachCycle() throws Exception {
        try (Plugins plugins = Plugins.load(null)) {
            List<DispatchRequest> got = new ArrayList<>();
            Cycle cycle = new Cycle(config(plugins), plugins, Map.of(HostSpec.Transport.LOCAL, new LocalTransport()),
                    Clock.systemUTC(), r -> {
                        got.add(r);
                        return List.of();
                    });
            CycleOutcome outcome = cycle.run();
            assertEquals(1, got.size());
            List<Change> history = new HistoryLog(StateDir.open(dir.resolve("state"))).read().changes();
            assertEquals(history, got.get(0).changes());
            assertEquals(outcome.snapshot(), got.get(0).snapshot());
            assertEquals(List.of("here/broken"), got.get(0).notifiable().stream().map(Change::subject).toList());
        }
    }

    @Test
    void aFailingDispatcherCostsAWarningNeverTheRecordedState() throws Exception {
        try (Plugins plugins = Plugins.load(null)) {
            Cycle cycle = new Cycle(config(plugins), plugins, Map.of(HostSpec.Transport.LOCAL, new LocalTransport()),
                    Clock.systemUTC(), r -> {
                        throw new IllegalStateException("pager gateway on fire");
                    });
            CycleOutcome outcome = cycle.run();
            assertTrue(outcome.warnings().stream().anyMatch(w -> w.contains("pager gateway on fire")
                    && w.contains("recorded in history.jsonl")), outcome.warnings().toString());
            StateDir state = StateDir.open(dir.resolve("state"));
            assertEquals(outcome.snapshot(), new StatusStore(state).load().snapshot().orElseThrow());
            assertEquals(outcome.changes(), new HistoryLog(state).read().changes());
        }
    }
}
