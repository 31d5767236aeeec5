package org.udjat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Status;
import org.udjat.cli.Context;
import org.udjat.cli.ExitCode;
import org.udjat.cli.Main;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.plugin.Plugins;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;
import org.udjat.testkit.ClientKeys;
import org.udjat.testkit.OpenSshServer;
import org.udjat.testkit.SshKey;

/**
 * Every built-in check's Linux variant, run for real by {@code udjat run} through a real sshd on
 * loopback in the host's one batched exec, against the real things {@link BuiltinHost} sets up.
 * Also plain monitoring-plugins command lines, unchanged.
 */
class BuiltinChecksIT {
    @TempDir
    static Path dir;

    static OpenSshServer sshd;
    static BuiltinHost things;
    static Path config;
    static int exit;
    static String err;
    static Set<String> builtins;

    @BeforeAll
    static void pollOnce() throws Exception {
        SshKey key = ClientKeys.ed25519(Files.createDirectories(dir.resolve("keys")));
        sshd = new OpenSshServer().start();
        sshd.authorize(key.publicKey());
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine() + "\n");
        things = new BuiltinHost(dir);
        config = dir.resolve("udjat.yaml");
        Files.writeString(config, """
                state_dir: state
                interval: 1m
                cycle_deadline: 50s
                ssh:
                  user: %s
                  identity_file: %s
                  known_hosts: %s
                  connect_timeout: 5s
                hosts:
                  node1:
                    address: 127.0.0.1
                    port: %d
                    checks:
                """.formatted(System.getProperty("user.name"), key.privateKey(), knownHosts, sshd.port()) + things.checks());
        try (Plugins plugins = Plugins.load(null)) {
            builtins = new TreeSet<>(plugins.checks().keySet());
        }
        StringWriter errors = new StringWriter();
        exit = Main.execute(new Context(Map.of(), Clock.systemUTC(), new PrintWriter(new StringWriter(), true),
                new PrintWriter(errors, true)), "run", "-c", config.toString());
        err = errors.toString();
    }

    @AfterAll
    static void stop() throws IOException {
        if (things != null) {
            things.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    private static HostState host() throws IOException {
        Snapshot s = new StatusStore(StateDir.open(dir.resolve("state"))).load().snapshot().orElseThrow();
        return s.host("node1").orElseThrow();
    }

    private static CheckState check(String name) throws IOException {
        return host().checks().stream().filter(c -> c.check().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name));
    }

    @Test
    void theCycleRanInOneSessionAndOneExec() {
        assertEquals(ExitCode.OK, exit, err);
        String log = sshd.log();
        assertEquals(1, log.split("Accepted publickey", -1).length - 1, log);
        assertEquals(1, log.split("Starting session: command", -1).length - 1, log);
    }

    @Test
    void everyBuiltinCheckIsInTheConfig() throws IOException {
        assertEquals(builtins, BuiltinHost.checkNamesIn(Files.readString(config)));
    }

    @Test
    void theHostWasDetectedAsLinux() throws IOException {
        assertEquals("linux", host().platform());
    }

    @Test
    void everyBuiltinGaveItsExpectedStatusWithPerfdata() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (CheckState c : host().checks()) {
            Status expected = BuiltinHost.EXPECTED.getOrDefault(c.check(), Status.OK);
            if (c.status() != expected) {
                wrong.add(c.check() + ": expected " + expected + ", got " + c.status() + ": " + c.summary() + "\n" + c.longOutput());
            }
            if (c.status() != Status.UNKNOWN && c.perfData().isEmpty() && !BuiltinHost.NO_PERFDATA.contains(c.check())) {
                wrong.add(c.check() + ": no perfdata: " + c.summary());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void monitoringPluginsRunUnchanged() throws IOException {
        CheckState load = check("check_load");
        assertEquals(Status.OK, load.status(), load.summary());
        assertTrue(load.summary().startsWith("LOAD OK"), load.summary());
        assertEquals(List.of("load1", "load5", "load15"), load.perfData().stream().map(p -> p.label()).toList());
        CheckState dummy = check("check_dummy");
        assertEquals(Status.WARNING, dummy.status());
        assertEquals("WARNING: udjat runs me unchanged", dummy.summary());
        assertFalse(check("check_disk").perfData().isEmpty(), check("check_disk").summary());
    }

    @Test
    void mailqWithoutAMailSystemSaysWhatItLookedFor() throws IOException {
        CheckState mailq = check("mailq");
        assertTrue(mailq.summary().startsWith("MAILQ UNKNOWN"), mailq.summary());
        assertTrue(mailq.summary().contains("postqueue") || mailq.longOutput().contains("postqueue"), mailq.summary());
    }

    @Test
    void aPathWithQuotesAndSpacesReachesTheHostIntact() throws IOException {
        CheckState file = check("file");
        assertEquals(Status.OK, file.status(), file.summary());
        assertTrue(file.summary().contains("db's dump.sql.gz"), file.summary());
        assertEquals(Status.OK, check("newest-backup").status(), check("newest-backup").summary());
    }
}
