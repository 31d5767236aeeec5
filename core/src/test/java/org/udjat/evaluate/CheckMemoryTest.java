package org.udjat.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.Platform;
import org.udjat.api.RawOutput;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.poll.CheckRun;
import org.udjat.poll.HostPoll;
import org.udjat.poll.RunState;

/**
 * A check's own memory goes from one parse to the next through the snapshot, survives cycles in
 * which the check did not run or timed out, and is cut to the engine's limits with a note.
 */
class CheckMemoryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** Counts its runs in memory; output "wide N" asks it to remember N entries, "long" one oversized value. */
    private static final class Counter implements Check {
        @Override
        public String name() {
            return "counter";
        }

        @Override
        public Optional<String> command(Platform platform, Settings options) {
            return Optional.of("true");
        }

        @Override
        public CheckOutcome parse(RawOutput output, Settings options) {
            return parse(output, options, Map.of());
        }

        @Override
        public CheckOutcome parse(RawOutput output, Settings options, Map<String, String> memory) {
            int runs = Integer.parseInt(memory.getOrDefault("runs", "0")) + 1;
            Map<String, String> next = new LinkedHashMap<>();
            next.put("runs", String.valueOf(runs));
            String text = output.text().strip();
            if (text.startsWith("wide ")) {
                for (int i = 0; i < Integer.parseInt(text.substring(5)); i++) {
                    next.put("k" + i, "v");
                }
            } else if (text.equals("long")) {
                next.put("long", "x".repeat(CheckOutcome.MEMORY_CHARS + 1));
            } else if (text.equals("garbage")) {
                return CheckOutcome.unknown("COUNTER UNKNOWN - garbage", text).withMemory(memory);
            }
            return new CheckOutcome(Status.OK, "COUNTER OK - run " + runs, "", List.of(), next);
        }
    }

    private Optional<Snapshot> snapshot = Optional.empty();
    private Instant now = T0;

    @Test
    void memory_isHandedBackAtTheNextParse() {
        cycle(completed("x"));
        cycle(completed("x"));
        CheckState third = cycle(completed("x"));
        assertEquals("COUNTER OK - run 3", third.summary());
        assertEquals(Map.of("runs", "3"), third.memory());
    }

    @Test
    void memory_isKeptWhenTheCheckTimesOutOrDoesNotRunOrTheHostIsDown() {
        cycle(completed("x"));
        assertEquals(Map.of("runs", "1"), cycle(new CheckRun("c", RunState.TIMED_OUT, new RawOutput("", 124, false),
                Duration.ofSeconds(10), "timed out")).memory());
        assertEquals(Map.of("runs", "1"), cycle(CheckRun.notRun("c", "no result")).memory());
        assertEquals(Map.of("runs", "1"), cycle(null).memory());
        assertEquals("COUNTER OK - run 2", cycle(completed("x")).summary());
    }

    @Test
    void memory_isWhatTheParserReturns_evenWhenItKeepsItThroughAnUnknown() {
        cycle(completed("x"));
        cycle(completed("x"));
        CheckState unknown = cycle(completed("garbage"));
        assertEquals(Status.UNKNOWN, unknown.status());
        assertEquals(Map.of("runs", "2"), unknown.memory());
        assertEquals("COUNTER OK - run 3", cycle(completed("x")).summary());
    }

    @Test
    void memory_isCutToItsLimits_andTheNoteSaysSo() {
        CheckState wide = cycle(completed("wide " + (CheckOutcome.MEMORY_ENTRIES + 5)));
        assertEquals(CheckOutcome.MEMORY_ENTRIES, wide.memory().size());
        assertEquals("1", wide.memory().get("runs"), "the check's own order decides what is kept");
        assertTrue(wide.note().contains("check memory cut: 6 of " + (CheckOutcome.MEMORY_ENTRIES + 6) + " entries dropped"),
                wide.note());
        CheckState tooLong = cycle(completed("long"));
        assertEquals(Map.of("runs", "2"), tooLong.memory());
        assertTrue(tooLong.note().startsWith("check memory cut: 1 of 2 entries dropped"), tooLong.note());
        assertEquals("", cycle(completed("x")).note());
    }

    private static CheckRun completed(String text) {
        return new CheckRun("c", RunState.COMPLETED, new RawOutput(text, 0, false), Duration.ofMillis(5), "");
    }

    /** One cycle with this run of check c on host h, or with h unreachable when the run is null. */
    private CheckState cycle(CheckRun run) {
        CheckSpec spec = new CheckSpec("c", "counter", null, Settings.empty(), Duration.ofSeconds(10), 4096);
        HostSpec host = new HostSpec("h", "h", 22, HostSpec.Transport.LOCAL, null, List.of(), List.of(), null,
                List.of(spec), Scenario.policy(1, 1));
        Config config = new Config(Path.of("udjat.yaml"), Path.of("/state"), null, Scenario.INTERVAL,
                Duration.ofSeconds(50), 4, Map.of("h", host));
        HostPoll poll = run == null
                ? new HostPoll("h", false, "connection refused", null, List.of(CheckRun.notRun("c", "host unreachable")), now,
                        Duration.ZERO)
                : new HostPoll("h", true, "", null, List.of(run), now, Duration.ofMillis(10));
        Evaluation e = new Evaluator(Map.of("counter", new Counter())).evaluate(snapshot, config, Map.of("h", poll),
                Map.of(), now, now);
        snapshot = Optional.of(e.snapshot());
        now = now.plus(Scenario.INTERVAL);
        return e.snapshot().host("h").orElseThrow().checks().get(0);
    }
}
