package org.udjat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Platform;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.udjat.api.Shell;
import org.udjat.api.Status;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.config.HostSpec;
import org.udjat.dispatch.remedy.HostRunner;
import org.udjat.dispatch.remedy.RemedyEngine;
import org.udjat.dispatch.remedy.RemedyStore;
import org.udjat.dispatch.remedy.VerdictStore;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;
import org.udjat.poll.LocalTransport;
import org.udjat.record.StateDir;
import org.udjat.testkit.PluginJar;
import org.udjat.testkit.SettableClock;

/**
 * The approval flow: the engine queues a request, {@code udjat remediate list} shows it, {@code approve}
 * (through {@link Main}, with the remediator loaded from a real plugin jar) records who approved, and the
 * next engine run acts.
 */
class RemediateCommandTest {
    private static final Instant T0 = Instant.parse("2026-03-02T03:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final SettableClock clock = new SettableClock(T0);
    private Path file;

    /** The same remediator as the plugin jar's, for the engine run in the test itself. */
    static final class Touch implements Remediator {
        @Override
        public String type() {
            return "touch";
        }

        @Override
        public Verb verb() {
            return new Verb("restart", "restarted", "restarting");
        }

        @Override
        public Optional<String> command(Platform platform, String target, Settings options) {
            return Optional.of("echo acted >> " + Shell.quote(target));
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        PluginJar.plugin("touch", "1.0.0").source("org.example.touch.Touch", """
                package org.example.touch;
                import java.util.Optional;
                import org.pf4j.Extension;
                import org.udjat.api.*;
                @Extension
                public class Touch implements Remediator {
                    public String type() { return "touch"; }
                    public Optional<String> command(Platform p, String target, Settings options) {
                        return Optional.of("echo acted >> " + Shell.quote(target));
                    }
                }
                """).writeTo(dir.resolve("plugins/touch-1.0.0.jar"));
        file = dir.resolve("udjat.yaml");
        Files.writeString(file, """
                interval: 1m
                plugins_dir: plugins
                hosts:
                  node3:
                    transport: local
                    platform: linux
                    checks:
                      - command: "false"
                        name: orders
                        remediate: {with: touch, target: "%s", mode: approve, after: 1m}
                """.formatted(dir.resolve("acted.log")));
    }

    private int udjat(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", file.toString()));
        return Main.execute(new Context(Map.of("USER", "operator"), java.time.Clock.fixed(clock.instant(), ZoneOffset.UTC),
                new PrintWriter(out, true), new PrintWriter(err, true)), all.toArray(String[]::new));
    }

    private List<Change> cycle() throws Exception {
        Config config = new ConfigLoader(Map.of(), Map.of(), Map.of("touch", new Touch()), Map.of(), "tester", dir)
                .load(file);
        StateDir state = StateDir.open(config.stateDir(), clock);
        RemedyStore store = new RemedyStore(state);
        Instant now = clock.instant();
        CheckState check = new CheckState("orders", Status.CRITICAL, "no orders", "", List.of(), now, Duration.ZERO, "",
                T0, new StateDetail(Status.CRITICAL, StateType.HARD, 3, 3, Status.CRITICAL, Status.CRITICAL, List.of(),
                false, null, null));
        Snapshot snapshot = new Snapshot(Snapshot.CURRENT_VERSION, now, now,
                List.of(new HostState("node3", true, "", "linux", now, T0, List.of(check))));
        RemedyEngine engine = new RemedyEngine(Map.of("touch", new Touch()), new HostRunner(Map.of(
                HostSpec.Transport.LOCAL, new LocalTransport(List.of("/bin/sh", "-s"), Map.of(), clock)), clock), clock);
        RemedyEngine.Result result = engine.run(config, snapshot, List.of(), new VerdictStore(state).read(new ArrayList<>()),
                store.load().state(), now.plusSeconds(30));
        store.save(result.next());
        clock.advance(Duration.ofMinutes(1));
        return result.changes();
    }

    @Test
    void queued_listed_approvedWithAName_thenTheNextCycleActs() throws Exception {
        assertEquals(0, udjat("remediate", "list"), err.toString());
        assertEquals("no approval requests and no actions on record.\n", out.toString());
        cycle();
        assertEquals(List.of("QUEUED"), cycle().stream().map(Change::to).toList());

        assertEquals(0, udjat("remediate", "list"), err.toString());
        assertEquals("""
                ID     STATUS    QUEUED                BY            ACTION
                1      QUEUED    2026-03-02T03:01:00Z  -             %s on node3 (node3/orders, with touch)
                """.formatted(dir.resolve("acted.log")), out.toString());

        assertEquals(0, udjat("remediate", "approve", "1", "--by", "alice"), err.toString());
        assertEquals("request 1 approved by alice: " + dir.resolve("acted.log") + " on node3 (node3/orders, with touch)."
                + " The next cycle acts if the problem is still there and the limit allows.\n", out.toString());
        assertEquals(2, udjat("remediate", "approve", "1"));
        assertTrue(err.toString().startsWith("udjat: request 1 was already approved by alice at 2026-03-02T03:02:00Z"),
                err.toString());
        assertTrue(!Files.exists(dir.resolve("acted.log")));

        List<Change> acted = cycle();
        assertEquals(List.of("RESTARTED"), acted.stream().map(Change::to).toList());
        assertEquals(List.of("acted"), Files.readAllLines(dir.resolve("acted.log")));
        assertEquals(0, udjat("remediate", "list"), err.toString());
        assertTrue(out.toString().contains("1      DONE      2026-03-02T03:01:00Z  alice"), out.toString());
        assertTrue(out.toString().contains("2      2026-03-02T03:02:00Z  node3/orders      yes        pending    touch "
                + dir.resolve("acted.log") + ", approved by alice: done"), out.toString());
    }

    @Test
    void denied_isRecordedAndNothingIsDone() throws Exception {
        cycle();
        cycle();
        assertEquals(0, udjat("remediate", "deny", "1", "--by", "bob"), err.toString());

        assertEquals(List.of("DENIED"), cycle().stream().map(Change::to).toList());
        assertEquals(List.of(), cycle());
        assertTrue(!Files.exists(dir.resolve("acted.log")));
        assertEquals(2, udjat("remediate", "approve", "1"));
        assertEquals("udjat: request 1 is DENIED (by bob), no longer waiting for a decision\n", err.toString());
    }

    @Test
    void unknownId_andResetWhenNotBlocked_areUsageErrors() {
        assertEquals(2, udjat("remediate", "approve", "7"));
        assertEquals("udjat: no approval request with id \"7\"; see udjat remediate list\n", err.toString());
        assertEquals(2, udjat("remediate", "reset"));
        assertEquals("udjat: remediation is not blocked; nothing to reset\n", err.toString());
    }

    @Test
    void pluginsListsTheRemediator() {
        assertEquals(0, udjat("plugins"), err.toString());
        assertTrue(out.toString().contains("Remediator"), out.toString());
        assertTrue(out.toString().contains("touch"), out.toString());
    }
}
