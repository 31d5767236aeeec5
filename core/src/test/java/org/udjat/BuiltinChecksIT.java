package org.udjat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * loopback in the host's one batched exec, against real things the test sets up: a listening
 * socket, an HTTP server, a backup file. Also plain monitoring-plugins command lines, unchanged.
 */
class BuiltinChecksIT {
    private static final Path NAGIOS_PLUGINS = Path.of("/usr/lib/nagios/plugins");

    @TempDir
    static Path dir;

    static OpenSshServer sshd;
    static HttpServer http;
    static ServerSocket listener;
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

        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        listener = new ServerSocket(0, 50, loopback);
        http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        http.createContext("/health", exchange -> {
            byte[] body = "status: all good\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        Path backups = Files.createDirectories(dir.resolve("backups dir"));
        Path backup = Files.write(backups.resolve("db's dump.sql.gz"), new byte[4096]);
        Files.setLastModifiedTime(backup, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        String template;
        try (var in = BuiltinChecksIT.class.getResourceAsStream("/builtin/all-checks.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        config = dir.resolve("udjat.yaml");
        Files.writeString(config, template
                .replace("@USER@", System.getProperty("user.name"))
                .replace("@KEY@", key.privateKey().toString())
                .replace("@KNOWN_HOSTS@", knownHosts.toString())
                .replace("@SSH_PORT@", Integer.toString(sshd.port()))
                .replace("@LISTEN_PORT@", Integer.toString(listener.getLocalPort()))
                .replace("@HTTP_PORT@", Integer.toString(http.getAddress().getPort()))
                .replace("@BACKUP@", backup.toString())
                .replace("@BACKUPS@", backups.toString())
                .replace("@NAGIOS@", NAGIOS_PLUGINS.toString()));
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
        if (http != null) {
            http.stop(0);
        }
        if (listener != null) {
            listener.close();
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
        Set<String> used = new TreeSet<>();
        for (String line : Files.readAllLines(config)) {
            String l = line.strip();
            if (l.startsWith("- check: ")) {
                used.add(l.substring("- check: ".length()).split("\\s")[0]);
            }
        }
        assertEquals(builtins, used);
    }

    @Test
    void theHostWasDetectedAsLinux() throws IOException {
        assertEquals("linux", host().platform());
    }

    @Test
    void everyBuiltinGaveItsExpectedStatusWithPerfdata() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (CheckState c : host().checks()) {
            Status expected = Expected.STATUS.getOrDefault(c.check(), Status.OK);
            if (c.status() != expected) {
                wrong.add(c.check() + ": expected " + expected + ", got " + c.status() + ": " + c.summary() + "\n" + c.longOutput());
            }
            if (c.status() != Status.UNKNOWN && c.perfData().isEmpty() && !Expected.NO_PERFDATA.contains(c.check())) {
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

    /** What each check must give on this test's host; OK when not listed. */
    private static final class Expected {
        /** No mail system is installed on the test machine: mailq says so, clearly. */
        static final Map<String, Status> STATUS = Map.of("check_dummy", Status.WARNING, "mailq", Status.UNKNOWN);
        static final Set<String> NO_PERFDATA = Set.of("check_dummy");
    }
}
