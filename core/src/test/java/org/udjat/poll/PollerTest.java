package org.udjat.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.udjat.api.Check;
import org.udjat.api.Platform;
import org.udjat.config.CheckSpec;
import org.udjat.config.HostSpec;

class PollerTest {

    private static final Map<String, Check> CHECKS = Map.of("uname", ScriptedCheck.linuxish("uname", "uname -s"));
    private static final Clock CLOCK = Clock.systemUTC();

    /** A real local transport that records how many scripts run at once and in which order hosts start. */
    private static final class CountingTransport implements Transport {
        final Transport inner = new LocalTransport();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final List<String> started = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Execution execute(HostSpec host, byte[] script, Instant deadline) {
            started.add(host.name());
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return inner.execute(host, script, deadline);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private static HostSpec ssh(String name, List<CheckSpec> checks) {
        return new HostSpec(name, "127.0.0.1", 22, HostSpec.Transport.SSH, null, List.of(), List.of(),
                Specs.ssh(Duration.ofSeconds(60)), checks);
    }

    private static HostSpec withPlatform(HostSpec h, Platform platform) {
        return new HostSpec(h.name(), h.address(), h.port(), h.transport(), platform, h.tags(), h.parents(), h.ssh(), h.checks());
    }

    @Test
    void pollsEveryHostInOrderAndUsesKnownPlatforms() {
        List<CheckSpec> checks = List.of(Specs.extension("kernel", "uname"), Specs.command("cmd", "echo hi; exit 1"));
        List<HostSpec> hosts = List.of(Specs.local("probed", checks), withPlatform(Specs.local("forced", checks), Platform.OPENBSD),
                Specs.local("remembered", checks));
        Poller poller = new Poller(Map.of(HostSpec.Transport.LOCAL, new LocalTransport()), CHECKS, 2, CLOCK);
        List<HostPoll> polls = poller.poll(hosts, Map.of("remembered", Platform.BUSYBOX, "forced", Platform.LINUX),
                Instant.now().plusSeconds(20));
        assertEquals(List.of("probed", "forced", "remembered"), polls.stream().map(HostPoll::host).toList());
        assertTrue(polls.stream().allMatch(HostPoll::reached));
        assertEquals(Platform.LINUX, polls.get(0).platform());
        assertEquals("Linux\n", polls.get(0).checks().get(0).raw().text());
        assertEquals(Platform.OPENBSD, polls.get(1).platform());
        assertEquals("check uname has no variant for platform openbsd", polls.get(1).checks().get(0).reason());
        assertEquals(Platform.BUSYBOX, polls.get(2).platform());
        assertEquals("Linux\n", polls.get(2).checks().get(0).raw().text());
        for (HostPoll p : polls) {
            assertEquals("hi\n", p.checks().get(1).raw().text());
            assertEquals(1, p.checks().get(1).raw().exitCode());
            assertFalse(p.duration().isNegative());
        }
    }

    @Test
    void neverPollsMoreHostsAtOnceThanAllowed() {
        CountingTransport counting = new CountingTransport();
        List<HostSpec> hosts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            hosts.add(Specs.local("h" + i, List.of(Specs.command("nap", "sleep 1; echo rested"))));
        }
        Poller poller = new Poller(Map.of(HostSpec.Transport.LOCAL, counting), CHECKS, 2, CLOCK);
        long start = System.nanoTime();
        List<HostPoll> polls = poller.poll(hosts, Map.of(), Instant.now().plusSeconds(20));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(2, counting.most.get());
        assertTrue(took.compareTo(Duration.ofMillis(2900)) > 0 && took.compareTo(Duration.ofSeconds(8)) < 0, "took " + took);
        assertTrue(polls.stream().allMatch(p -> "rested\n".equals(p.checks().get(0).raw().text())));
    }

    @Test
    void startsHostsParentsFirst() {
        CountingTransport counting = new CountingTransport();
        List<HostSpec> hosts = List.of(Specs.local("gw", List.of()), Specs.local("switch", List.of()), Specs.local("db", List.of()));
        new Poller(Map.of(HostSpec.Transport.LOCAL, counting), CHECKS, 1, CLOCK).poll(hosts, Map.of(), Instant.now().plusSeconds(20));
        assertEquals(List.of("gw", "switch", "db"), counting.started);
    }

    @Test
    void aChildStartsOnlyAfterItsParentIsDoneWhileOtherHostsGoAhead() {
        CountingTransport counting = new CountingTransport();
        HostSpec gw = Specs.local("gw", List.of(Specs.command("nap", "sleep 1; echo up")));
        HostSpec behind = Specs.local("behind", List.of(Specs.command("ok", "echo ok")));
        behind = new HostSpec(behind.name(), behind.address(), behind.port(), behind.transport(), null, List.of(),
                List.of("gw"), behind.ssh(), behind.checks());
        HostSpec other = Specs.local("other", List.of(Specs.command("ok", "echo ok")));
        List<HostPoll> polls = new Poller(Map.of(HostSpec.Transport.LOCAL, counting), CHECKS, 3, CLOCK)
                .poll(List.of(gw, behind, other), Map.of(), Instant.now().plusSeconds(20));
        assertEquals(List.of("gw", "other", "behind"), counting.started);
        assertTrue(polls.stream().allMatch(HostPoll::reached));
        Instant gwDone = polls.get(0).started().plus(polls.get(0).duration());
        assertFalse(polls.get(1).started().isBefore(gwDone), "behind started before gw was done");
    }

    @Test
    void unreachableAndBrokenHostsMarkTheirChecksAndSpareTheOthers() {
        Transport refusing = (host, script, deadline) -> host.name().equals("boom")
                ? throwing() : Execution.unreachable("connection refused by 127.0.0.1:1");
        List<CheckSpec> checks = List.of(Specs.command("a", "true"), Specs.command("b", "true"));
        List<HostSpec> hosts = List.of(ssh("down", checks), ssh("boom", checks), Specs.local("up", checks));
        Poller poller = new Poller(Map.of(HostSpec.Transport.SSH, refusing, HostSpec.Transport.LOCAL, new LocalTransport()), CHECKS, 3, CLOCK);
        List<HostPoll> polls = poller.poll(hosts, Map.of(), Instant.now().plusSeconds(20));
        assertFalse(polls.get(0).reached());
        assertEquals("connection refused by 127.0.0.1:1", polls.get(0).reason());
        assertEquals(List.of("host unreachable: connection refused by 127.0.0.1:1", "host unreachable: connection refused by 127.0.0.1:1"),
                polls.get(0).checks().stream().map(CheckRun::reason).toList());
        assertTrue(polls.get(0).checks().stream().allMatch(c -> c.state() == RunState.NOT_RUN));
        assertFalse(polls.get(1).reached());
        assertEquals("transport bug", polls.get(1).reason());
        assertEquals("host unreachable: transport bug", polls.get(1).checks().get(1).reason());
        assertTrue(polls.get(2).reached());
        assertTrue(polls.get(2).checks().stream().allMatch(c -> c.state() == RunState.COMPLETED));
    }

    private static Execution throwing() {
        throw new IllegalStateException("transport bug");
    }

    @Test
    void returnsByTheCycleDeadlineWhateverTheTransportsDo() {
        CountDownLatch never = new CountDownLatch(1);
        Transport stuck = (host, script, deadline) -> {
            while (true) {
                try {
                    never.await(); // ignores the deadline and even interrupts, as a buggy transport might
                    return Execution.unreachable("released");
                } catch (InterruptedException e) {
                    // keep hanging
                }
            }
        };
        List<CheckSpec> checks = List.of(Specs.command("a", "true"));
        List<HostSpec> hosts = List.of(ssh("stuck1", checks), ssh("stuck2", checks), Specs.local("queued", checks));
        Poller poller = new Poller(Map.of(HostSpec.Transport.SSH, stuck, HostSpec.Transport.LOCAL, new LocalTransport()), CHECKS, 2, CLOCK);
        try {
            long start = System.nanoTime();
            List<HostPoll> polls = poller.poll(hosts, Map.of(), Instant.now().plusSeconds(2));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(2).plus(Poller.GRACE).plusSeconds(5)) < 0, "took " + took); // vs. a 60 s hang
            String reason = "cycle deadline passed (2s) before the host finished";
            for (HostPoll p : polls) {
                assertFalse(p.reached(), p.host());
                assertEquals(reason, p.reason());
                assertEquals(reason, p.checks().get(0).reason());
                assertNull(p.platform());
            }
        } finally {
            never.countDown();
        }
    }

    @Test
    void aHungScriptIsCutOffAtTheHostDeadline() throws Exception {
        HostSpec hung = new HostSpec("hung", "localhost", 22, HostSpec.Transport.LOCAL, Platform.LINUX, List.of(), List.of(),
                new org.udjat.config.SshSettings("u", null, org.udjat.config.Secret.NONE, null, false,
                        Duration.ofSeconds(1), Duration.ofMillis(500)),
                List.of(Specs.command("first", "echo first"), Specs.command("hang", "sleep 93", 60, Specs.CAP)));
        Poller poller = new Poller(Map.of(HostSpec.Transport.LOCAL, new LocalTransport()), CHECKS, 1, CLOCK);
        long start = System.nanoTime();
        HostPoll poll = poller.poll(List.of(hung), Map.of(), Instant.now().plusSeconds(20)).get(0);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0 && took.compareTo(Duration.ofMillis(1000)) > 0, "took " + took); // vs. a 93 s hang
        assertTrue(poll.reached());
        assertEquals("first\n", poll.checks().get(0).raw().text());
        assertEquals(RunState.NOT_RUN, poll.checks().get(1).state());
        assertTrue(poll.checks().get(1).reason().startsWith("no result: exec cut off after 1s (killed at the deadline"),
                poll.checks().get(1).reason());
        assertEquals(List.of(), Shells.sleepsAfterSettling("93"));
    }

    @Test
    void aHostWithoutATransportIsNotReached() {
        Poller poller = new Poller(Map.of(), CHECKS, 1, CLOCK);
        HostPoll poll = poller.poll(List.of(Specs.local("x", List.of(Specs.command("a", "true")))), Map.of(),
                Instant.now().plusSeconds(5)).get(0);
        assertFalse(poll.reached());
        assertEquals("no transport for local hosts", poll.reason());
        assertEquals("host unreachable: no transport for local hosts", poll.checks().get(0).reason());
    }
}
