package org.udjat.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Status;
import org.udjat.config.CheckRef;
import org.udjat.config.CheckSpec;
import org.udjat.config.HostSpec;
import org.udjat.config.StatePolicy;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;

/**
 * Random dependency graphs fed random result sequences. Whatever happens: no notifiable problem
 * for something whose parent or dependency is down; never HARD in fewer than {@code attempts}
 * results; and running cycle by cycle through {@code status.json} (as cron does) ends in exactly
 * the states and changes of one uninterrupted run. A failure names its seed, to replay it.
 */
class StatePropertyTest {
    static final int GRAPHS = 200;
    static final int CYCLES = 40;
    static final Status[] STATUSES = Status.values();

    @TempDir
    Path dir;

    /** One cycle's inputs: hosts down, check results, checks without a result. */
    record Inputs(List<String> down, Map<String, Status> results, List<String> missing) {
    }

    @Test
    void invariantsHoldOverRandomGraphsAndSequences() throws IOException {
        long base = new Random().nextLong();
        for (int i = 0; i < GRAPHS; i++) {
            long seed = base + i;
            try {
                runOne(seed, i % 20 == 0);
            } catch (AssertionError | RuntimeException e) {
                fail("seed " + seed + " (replay with runOne(" + seed + "L, true)): " + e.getMessage(), e);
            }
        }
    }

    private void runOne(long seed, boolean persist) throws IOException {
        Random random = new Random(seed);
        Scenario graph = randomGraph(random);
        List<Inputs> inputs = new ArrayList<>();
        for (int c = 0; c < CYCLES; c++) {
            inputs.add(randomInputs(random, graph, c == 0 ? null : inputs.get(c - 1)));
        }
        Scenario memory = replay(randomGraph(new Random(seed)), inputs, true);
        if (persist) {
            Path state = Files.createTempDirectory(dir, "state");
            StatusStore store = new StatusStore(StateDir.open(state));
            Scenario disk = randomGraph(new Random(seed)).carryThrough(s -> {
                try {
                    store.save(s.orElseThrow());
                    return new StatusStore(StateDir.open(state)).load().snapshot();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            replay(disk, inputs, false);
            assertEquals(memory.allChanges(), disk.allChanges(), "changes with a status file between cycles");
            assertEquals(memory.snapshot(), disk.snapshot(), "states with a status file between cycles");
        }
    }

    private static Scenario randomGraph(Random random) {
        Scenario s = new Scenario();
        int hosts = 2 + random.nextInt(7);
        List<String> names = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            String name = "h" + h;
            List<String> parents = pick(random, names, 2);
            List<CheckSpec> own = new ArrayList<>();
            int n = random.nextInt(4);
            for (int c = 0; c < n; c++) {
                own.add(Scenario.check("c" + c, policy(random), pick(random, checks, 2).toArray(String[]::new)));
            }
            own.forEach(c -> checks.add(name + "/" + c.name()));
            s.host(name, policy(random), parents, own.toArray(CheckSpec[]::new));
            names.add(name);
        }
        return s;
    }

    private static StatePolicy policy(Random random) {
        int start = 3 + random.nextInt(4);
        return new StatePolicy(1 + random.nextInt(4), 1 + random.nextInt(3),
                Duration.ofMinutes(5 + random.nextInt(20)), start, random.nextInt(start), 1 + random.nextInt(4));
    }

    private static List<String> pick(Random random, List<String> from, int max) {
        List<String> picked = new ArrayList<>();
        int n = from.isEmpty() ? 0 : random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            String p = from.get(random.nextInt(from.size()));
            if (!picked.contains(p)) {
                picked.add(p);
            }
        }
        return picked;
    }

    /** Results that persist for a while (so HARD states happen) and sometimes change (so flapping does). */
    private static Inputs randomInputs(Random random, Scenario graph, Inputs before) {
        List<String> down = new ArrayList<>();
        Map<String, Status> results = new HashMap<>();
        List<String> missing = new ArrayList<>();
        double change = random.nextDouble() < 0.2 ? 0.6 : 0.15;
        for (HostSpec h : graph.config().hostList()) {
            boolean wasDown = before != null && before.down().contains(h.name());
            if (random.nextDouble() < change ? !wasDown : wasDown) {
                down.add(h.name());
            }
            for (CheckSpec c : h.checks()) {
                String subject = h.name() + "/" + c.name();
                Status was = before == null ? Status.OK : before.results().get(subject);
                results.put(subject, random.nextDouble() < change ? STATUSES[random.nextInt(4)] : was);
                if (random.nextDouble() < 0.05) {
                    missing.add(subject);
                }
            }
        }
        return new Inputs(down, results, missing);
    }

    private static Scenario replay(Scenario s, List<Inputs> inputs, boolean check) {
        Map<String, List<Status>> fed = new HashMap<>();
        for (Inputs in : inputs) {
            for (HostSpec h : s.config().hostList()) {
                boolean isDown = in.down().contains(h.name());
                if (isDown) {
                    s.down(h.name());
                } else {
                    s.up(h.name());
                }
                fed.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(isDown ? Status.CRITICAL : Status.OK);
                for (CheckSpec c : h.checks()) {
                    String subject = h.name() + "/" + c.name();
                    s.set(subject, in.results().get(subject));
                    if (in.missing().contains(subject)) {
                        s.missing(subject);
                    }
                    if (!isDown) {
                        // null: no result, so the machine may or may not have been fed (stale); unknown to the test
                        fed.computeIfAbsent(subject, k -> new ArrayList<>())
                                .add(in.missing().contains(subject) ? null : in.results().get(subject));
                    }
                }
            }
            Optional<Snapshot> before = s.snapshot();
            Evaluation e = s.cycle();
            if (check) {
                checkNoNotifiableProblemBehindADownParent(s, e);
                checkHardNeedsEnoughResults(s, before, e.snapshot(), fed);
            }
        }
        return s;
    }

    private static void checkNoNotifiableProblemBehindADownParent(Scenario s, Evaluation e) {
        Snapshot now = e.snapshot();
        for (Change c : e.changes()) {
            if (!c.notifiable() || c.kind() != ChangeKind.PROBLEM && c.kind() != ChangeKind.STABLE) {
                continue;
            }
            if (c.check() == null) {
                List<String> parents = s.spec(c.host()).parents();
                boolean allDown = !parents.isEmpty() && parents.stream()
                        .allMatch(p -> !now.host(p).orElseThrow().state().equals("UP"));
                assertTrue(!allDown || c.to().equals("UP"), "notifiable " + c + " while all parents are down");
                continue;
            }
            CheckSpec spec = new CheckRef(c.host(), c.check()).in(s.config().hosts()).orElseThrow();
            for (String d : spec.dependsOn()) {
                CheckRef dep = CheckRef.resolve(c.host(), d, s.config().hosts());
                HostState depHost = now.host(dep.host()).orElseThrow();
                Status depStatus = depHost.checks().stream().filter(x -> x.check().equals(dep.check()))
                        .findFirst().orElseThrow().status();
                boolean settledOk = c.to().equals("OK");
                assertTrue(settledOk || depHost.state().equals("UP") && depStatus == Status.OK,
                        "notifiable " + c + " while its dependency " + dep + " is " + depStatus + " on a host "
                                + depHost.state());
            }
        }
    }

    private static void checkHardNeedsEnoughResults(Scenario s, Optional<Snapshot> before, Snapshot now,
                                                    Map<String, List<Status>> fed) {
        for (HostSpec h : s.config().hostList()) {
            HostState was = before.flatMap(b -> b.host(h.name())).orElse(null);
            HostState is = now.host(h.name()).orElseThrow();
            checkHard(h.name(), was == null ? null : was.detail(), is.detail(), h.policy(), fed.get(h.name()));
            for (CheckSpec c : h.checks()) {
                StateDetail wasDetail = was == null ? null : was.checks().stream()
                        .filter(x -> x.check().equals(c.name())).findFirst().map(CheckState::detail).orElse(null);
                StateDetail isDetail = is.checks().stream().filter(x -> x.check().equals(c.name())).findFirst()
                        .map(CheckState::detail).orElse(null);
                checkHard(h.name() + "/" + c.name(), wasDetail, isDetail, c.policy(), fed.get(h.name() + "/" + c.name()));
            }
        }
    }

    /** A HARD problem reached from a HARD OK must follow {@code attempts} problem results in a row. */
    private static void checkHard(String subject, StateDetail was, StateDetail is, StatePolicy policy,
                                  List<Status> results) {
        Status wasHard = was == null ? Status.OK : was.hard();
        if (is == null || wasHard != Status.OK || is.hard() == Status.OK) {
            return;
        }
        assertTrue(results != null && results.size() >= policy.attempts(),
                subject + " HARD " + is.hard() + " after " + results + " with attempts " + policy.attempts());
        List<Status> last = results.subList(results.size() - policy.attempts(), results.size());
        if (last.contains(null)) {
            return;
        }
        assertTrue(last.stream().allMatch(r -> r != Status.OK),
                subject + " HARD " + is.hard() + " after " + results + " with attempts " + policy.attempts());
    }
}
