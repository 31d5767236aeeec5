package org.udjat.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.udjat.api.Status;
import org.udjat.config.StatePolicy;
import org.udjat.poll.HostPoll;

/** Suppression along host parents and check dependencies, root causes, and re-checks of parents. */
class DependencyTest {
    static final StatePolicy NOW = Scenario.policy(1, 1);

    private static Scenario routerWith(int hosts, StatePolicy policy) {
        Scenario s = new Scenario().host("gw1", policy, List.of());
        for (int i = 1; i <= hosts; i++) {
            s.host("web" + i, policy, List.of("gw1"), Scenario.check("http", policy));
        }
        return s;
    }

    @Test
    void whenTheRouterGoesDown_oneProblemNamesFiftySuppressedHosts() {
        Scenario s = routerWith(50, NOW);
        s.cycle();
        List<String> all = new ArrayList<>(List.of("gw1"));
        for (int i = 1; i <= 50; i++) {
            all.add("web" + i);
        }
        Evaluation e = s.down(all.toArray(String[]::new)).cycle();

        List<Change> notifiable = e.changes().stream().filter(Change::notifiable).toList();
        assertEquals(1, notifiable.size(), notifiable.toString());
        Change root = notifiable.get(0);
        assertEquals("gw1", root.subject());
        assertEquals("DOWN", root.to());
        assertEquals(50, root.suppressedCount());
        List<Change> suppressed = e.changes().stream().filter(c -> c.suppressedBy() != null).toList();
        assertEquals(50, suppressed.size());
        for (Change c : suppressed) {
            assertEquals("gw1 DOWN", c.suppressedBy());
            assertEquals("UNREACHABLE", c.to());
            assertEquals(ChangeKind.PROBLEM, c.kind(), "recorded as the problem it is, only not for notification");
        }
        assertEquals("UNREACHABLE", s.hostState("web7").state());
        assertEquals("not run: host unreachable", s.checkState("web7/http").note());
    }

    @Test
    void whenTheRouterGoesDownWithHysteresis_stillOneNotifiableProblemOverAllCycles() {
        Scenario s = routerWith(50, Scenario.policy(3, 1));
        s.cycle();
        List<String> all = new ArrayList<>(List.of("gw1"));
        for (int i = 1; i <= 50; i++) {
            all.add("web" + i);
        }
        s.down(all.toArray(String[]::new));
        for (int i = 0; i < 5; i++) {
            s.cycle();
        }
        List<Change> notifiable = s.allChanges().stream().filter(Change::notifiable).toList();
        assertEquals(1, notifiable.size(), notifiable.toString());
        assertEquals(StateType.HARD, notifiable.get(0).type());
        assertEquals(3, notifiable.get(0).attempt());
        assertEquals(50, notifiable.get(0).suppressedCount());
    }

    @Test
    void whenTheParentDiesBetweenItsPollAndItsChildren_itIsRecheckedAndTheChildrenSuppressed() {
        Scenario s = routerWith(3, NOW);
        s.cycle();
        // the first poll saw gw1 fine; by the time its children were polled, it had died
        Map<String, HostPoll> polls = s.down("web1", "web2", "web3").polls();
        Set<String> again = new RecheckPlanner(Map.of()).plan(s.snapshot(), s.config(), polls);
        assertEquals(Set.of("gw1"), again);
        HostPoll recheck = s.poll(s.spec("gw1"), false);
        Evaluation e = s.cycle(polls, Map.of("gw1", recheck));

        assertEquals(List.of("gw1"), e.changes().stream().filter(Change::notifiable).map(Change::subject).toList());
        Change child = Scenario.changeOf(e, "web2").orElseThrow();
        assertEquals("gw1 DOWN", child.suppressedBy());
        assertEquals(List.of(new Recheck("gw1", "UP", "DOWN")), child.rechecks());
        assertEquals("DOWN", s.hostState("gw1").state(), "the re-check is what counts for the parent");
        assertEquals(3, Scenario.changeOf(e, "gw1").orElseThrow().suppressedCount());
    }

    @Test
    void whenTheRecheckedParentIsFine_theChildrenAreDownOnTheirOwn() {
        Scenario s = routerWith(2, NOW);
        s.cycle();
        Map<String, HostPoll> polls = s.down("web1").polls();
        Evaluation e = s.cycle(polls, Map.of("gw1", s.poll(s.spec("gw1"), true)));
        Change child = Scenario.changeOf(e, "web1").orElseThrow();
        assertNull(child.suppressedBy());
        assertTrue(child.notifiable());
        assertEquals(List.of(new Recheck("gw1", "UP", "UP")), child.rechecks());
    }

    @Test
    void aHardProblemAlreadyKnownIsNoReasonToRecheckItsParent() {
        Scenario s = routerWith(1, NOW);
        s.cycle();
        s.down("web1").cycle();
        assertEquals(Set.of(), new RecheckPlanner(Map.of()).plan(s.snapshot(), s.config(), s.polls()));
    }

    @Test
    void whenTheParentRecoversWhileTheChildStaysBroken_theChildsProblemIsEmittedThen() {
        Scenario s = routerWith(1, Scenario.policy(2, 1));
        s.cycle();
        s.down("gw1", "web1");
        s.cycle();
        s.cycle();
        assertEquals("UNREACHABLE", s.hostState("web1").state());
        assertEquals(StateType.HARD, s.hostState("web1").detail().type());
        Evaluation back = s.up("gw1").cycle();
        Change child = Scenario.changeOf(back, "web1").orElseThrow();
        assertEquals("UNREACHABLE", child.from());
        assertEquals("DOWN", child.to());
        assertEquals(ChangeKind.PROBLEM, child.kind());
        assertTrue(child.notifiable(), child.toString());
        assertEquals(1, s.allChanges().stream().filter(c -> c.notifiable() && c.subject().equals("web1")).count());
    }

    @Test
    void whenAChildRecoversFromAProblemNobodyWasToldAbout_theRecoveryIsNotNotifiedEither() {
        Scenario s = routerWith(1, NOW);
        s.cycle();
        s.down("gw1", "web1").cycle();
        Change recovery = Scenario.changeOf(s.up("gw1", "web1").cycle(), "web1").orElseThrow();
        assertEquals(ChangeKind.RECOVERY, recovery.kind());
        assertEquals("gw1 DOWN", recovery.suppressedBy());
        assertFalse(recovery.notifiable());
    }

    @Test
    void diamondOfHosts_allPathsDownSuppresses_onePathUpDoesNot() {
        Scenario s = new Scenario().host("top", NOW, List.of()).host("a", NOW, List.of("top"))
                .host("b", NOW, List.of("top")).host("d", NOW, List.of("a", "b"));
        s.cycle();
        Evaluation onePath = s.down("a", "d").cycle();
        assertNull(Scenario.changeOf(onePath, "d").orElseThrow().suppressedBy(), "b is a working path to d");
        assertEquals("DOWN", s.hostState("d").state());
        s.up("a", "d").cycle();
        Evaluation top = s.down("top", "a", "b", "d").cycle();
        for (String h : List.of("a", "b", "d")) {
            assertEquals("top DOWN", Scenario.changeOf(top, h).orElseThrow().suppressedBy(), h);
        }
        assertEquals(3, Scenario.changeOf(top, "top").orElseThrow().suppressedCount());
        assertEquals(1, top.changes().stream().filter(Change::notifiable).count());
    }

    @Test
    void diamondOfChecks_theRootCauseIsNamedOnceAndCountsEveryDependent() {
        Scenario s = new Scenario()
                .host("h1", NOW, List.of(), Scenario.check("a", NOW))
                .host("h2", NOW, List.of(), Scenario.check("b", NOW, "h1/a"), Scenario.check("c", NOW, "h1/a"))
                .host("h3", NOW, List.of(), Scenario.check("d", NOW, "h2/b", "h2/c"));
        s.cycle();
        Evaluation e = s.set("h1/a", Status.CRITICAL).set("h2/b", Status.CRITICAL).set("h2/c", Status.WARNING)
                .set("h3/d", Status.CRITICAL).cycle();
        assertEquals(List.of("h1/a"), e.changes().stream().filter(Change::notifiable).map(Change::subject).toList());
        for (String c : List.of("h2/b", "h2/c", "h3/d")) {
            assertEquals("h1/a CRITICAL", Scenario.changeOf(e, c).orElseThrow().suppressedBy(), c);
        }
        assertEquals(3, Scenario.changeOf(e, "h1/a").orElseThrow().suppressedCount());
    }

    @Test
    void whenADependencyIsDownOnItsHost_theCheckIsSuppressedByTheHost() {
        Scenario s = new Scenario().host("db1", NOW, List.of(), Scenario.check("postgres", NOW))
                .host("web1", NOW, List.of(), Scenario.check("app", NOW, "db1/postgres"));
        s.cycle();
        Evaluation e = s.down("db1").set("web1/app", Status.CRITICAL).cycle();
        assertEquals("db1 DOWN", Scenario.changeOf(e, "web1/app").orElseThrow().suppressedBy());
        Evaluation back = s.up("db1").cycle();
        Change released = Scenario.changeOf(back, "web1/app").orElseThrow();
        assertEquals(ChangeKind.PROBLEM, released.kind(), "still broken once its dependency is back: now it is news");
        assertTrue(released.notifiable());
    }

    @Test
    void aFailingCheckGetsTheHostOfItsDependencyRechecked_notItsOwnHost() {
        Scenario s = new Scenario().host("db1", NOW, List.of(), Scenario.check("postgres", NOW))
                .host("web1", NOW, List.of(), Scenario.check("app", NOW, "db1/postgres"), Scenario.check("local", NOW),
                        Scenario.check("uses-local", NOW, "local"));
        s.cycle();
        Map<String, HostPoll> polls = s.set("web1/app", Status.CRITICAL).set("web1/uses-local", Status.CRITICAL).polls();
        assertEquals(Set.of("db1"), new RecheckPlanner(Map.of()).plan(s.snapshot(), s.config(), polls));
        Evaluation e = s.set("db1/postgres", Status.CRITICAL)
                .cycle(polls, Map.of("db1", s.poll(s.spec("db1"), true)));
        Change app = Scenario.changeOf(e, "web1/app").orElseThrow();
        assertEquals(List.of(new Recheck("db1/postgres", "OK", "CRITICAL")), app.rechecks());
        assertEquals("db1/postgres CRITICAL", app.suppressedBy());
    }
}
