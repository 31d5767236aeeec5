package org.udjat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.cli.Context;
import org.udjat.cli.ExitCode;
import org.udjat.cli.Main;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateType;
import org.udjat.record.HistoryLog;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;
import org.udjat.testkit.ClientKeys;
import org.udjat.testkit.OpenSshServer;
import org.udjat.testkit.SshKey;

/**
 * A router and the hosts behind it, each a real OpenSSH sshd on loopback, polled by separate
 * {@code udjat run} invocations as cron would start them. When the router's sshd and its
 * children's stop, the history holds one root problem and suppressed children, run after run.
 */
class DependencyIT {
    @TempDir
    Path dir;

    private final List<OpenSshServer> servers = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(OpenSshServer::close);
    }

    @Test
    void aDeadRouterGivesOneRootProblemAndSuppressedChildrenAcrossCronRuns() throws Exception {
        SshKey key = ClientKeys.ed25519(Files.createDirectories(dir.resolve("keys")));
        OpenSshServer gw = start(key);
        OpenSshServer web1 = start(key);
        OpenSshServer web2 = start(key);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, gw.knownHostsLine() + "\n" + web1.knownHostsLine() + "\n"
                + web2.knownHostsLine() + "\n");
        Path config = dir.resolve("udjat.yaml");
        Files.writeString(config, """
                state_dir: state
                interval: 1m
                cycle_deadline: 30s
                defaults:
                  attempts: 2
                ssh:
                  user: %s
                  identity_file: %s
                  known_hosts: %s
                  connect_timeout: 2s
                hosts:
                  gw1:
                    address: 127.0.0.1
                    port: %d
                    checks:
                      - command: echo OK - routing
                        name: routing
                  web1:
                    address: 127.0.0.1
                    port: %d
                    parents: [gw1]
                    checks:
                      - command: echo OK - http
                        name: http
                        depends_on: [gw1/routing]
                  web2:
                    address: 127.0.0.1
                    port: %d
                    parents: [gw1]
                    checks:
                      - command: echo OK - http
                        name: http
                """.formatted(System.getProperty("user.name"), key.privateKey(), knownHosts, gw.port(), web1.port(),
                web2.port()));

        run(config);
        Snapshot healthy = status();
        for (String h : List.of("gw1", "web1", "web2")) {
            assertEquals("UP", healthy.host(h).orElseThrow().state(), h);
        }

        gw.close();
        web1.close();
        web2.close();
        run(config);
        run(config);
        run(config);

        Snapshot after = status();
        assertEquals("DOWN", after.host("gw1").orElseThrow().state());
        for (String h : List.of("web1", "web2")) {
            var host = after.host(h).orElseThrow();
            assertEquals("UNREACHABLE", host.state(), h);
            assertEquals(StateType.HARD, host.detail().type(), h);
            assertEquals("gw1 DOWN", host.detail().suppressedBy(), h);
            assertEquals("not run: host unreachable", host.checks().get(0).note(), h);
        }
        List<Change> history = new HistoryLog(StateDir.open(dir.resolve("state"))).read().changes();
        List<Change> notified = history.stream().filter(Change::notifiable).toList();
        assertEquals(1, notified.size(), notified.toString());
        Change root = notified.get(0);
        assertEquals("gw1", root.subject());
        assertEquals(ChangeKind.PROBLEM, root.kind());
        assertEquals(StateType.HARD, root.type());
        assertEquals(2, root.suppressedCount());
        List<Change> children = history.stream().filter(c -> c.check() == null && !c.host().equals("gw1")
                && c.from() != null).toList();
        assertEquals(4, children.size(), "SOFT then HARD UNREACHABLE for each child: " + children);
        assertTrue(children.stream().allMatch(c -> "gw1 DOWN".equals(c.suppressedBy()) && c.to().equals("UNREACHABLE")),
                children.toString());

        StringWriter out = new StringWriter();
        assertEquals(ExitCode.OK, cli(out, new StringWriter(), "status", "-c", config.toString()));
        assertTrue(out.toString().lines().anyMatch(l -> l.matches(
                "web1\\s+-\\s+UNREACHABLE\\s+HARD\\s+\\d+s\\s+.*\\[suppressed by gw1 DOWN]")), out.toString());
    }

    private OpenSshServer start(SshKey key) {
        OpenSshServer s = new OpenSshServer().start();
        servers.add(s);
        s.authorize(key.publicKey());
        return s;
    }

    private Snapshot status() throws IOException {
        return new StatusStore(StateDir.open(dir.resolve("state"))).load().snapshot().orElseThrow();
    }

    private static void run(Path config) {
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.OK, cli(new StringWriter(), err, "run", "-c", config.toString()), err.toString());
    }

    private static int cli(StringWriter out, StringWriter err, String... args) {
        return Main.execute(new Context(Map.of(), Clock.systemUTC(), new PrintWriter(out, true),
                new PrintWriter(err, true)), args);
    }
}
