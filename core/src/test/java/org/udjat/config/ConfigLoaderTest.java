package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Platform;
import org.udjat.api.Settings;

/** Loading valid configs: defaults, resolution of paths, ssh layering and secrets. */
class ConfigLoaderTest {
    static final Path HOME = Path.of("/home/tester");

    @TempDir
    Path dir;

    Config load(String yaml, Map<String, String> env) throws IOException, ConfigException {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(TestChecks.standard(), env, "tester", HOME).load(file);
    }

    Config load(String yaml) throws IOException, ConfigException {
        return load(yaml, Map.of());
    }

    @Test
    void aMinimalConfigGetsEveryDefault() throws Exception {
        Config c = load("hosts:\n  web1:\n");

        assertEquals(dir.resolve("udjat.yaml"), c.file());
        assertEquals(dir.resolve("state"), c.stateDir());
        assertNull(c.pluginsDir());
        assertEquals(Duration.ofMinutes(1), c.interval());
        assertEquals(Duration.ofSeconds(50), c.cycleDeadline());
        assertEquals(32, c.concurrency());
        HostSpec web1 = c.hosts().get("web1");
        assertEquals(new HostSpec("web1", "web1", 22, HostSpec.Transport.SSH, null, List.of(), List.of(),
                new SshSettings("tester", HOME.resolve(".ssh/id_ed25519"), Secret.NONE,
                        HOME.resolve(".ssh/known_hosts"), false, Duration.ofSeconds(10), Duration.ofSeconds(50)),
                List.of()), web1);
    }

    @Test
    void theCycleDeadlineDefaultsToTenSecondsLessThanTheIntervalButAtLeastFive() throws Exception {
        assertEquals(Duration.ofSeconds(290), load("interval: 5m\nhosts:\n  a:\n").cycleDeadline());
        assertEquals(Duration.ofSeconds(5), load("interval: 12s\nhosts:\n  a:\n").cycleDeadline());
        Config explicit = load("interval: 2m\ncycle_deadline: 1m30s\nhosts:\n  a:\n");
        assertEquals(Duration.ofSeconds(90), explicit.cycleDeadline());
        assertEquals(Duration.ofSeconds(90), explicit.hosts().get("a").ssh().execTimeout());
    }

    @Test
    void hostSettingsAreReadInTheOrderWritten() throws Exception {
        Config c = load("""
                concurrency: 4
                hosts:
                  zeta:
                    address: 192.0.2.7
                    port: 2222
                    platform: busybox
                    tags: [router, router, edge]
                  alpha:
                    transport: local
                    parents: [zeta]
                """);
        assertEquals(List.of("zeta", "alpha"), c.hostList().stream().map(HostSpec::name).toList());
        HostSpec zeta = c.hosts().get("zeta");
        assertEquals("192.0.2.7", zeta.address());
        assertEquals(2222, zeta.port());
        assertEquals(Platform.BUSYBOX, zeta.platform());
        assertEquals(List.of("router", "edge"), zeta.tags());
        assertEquals(HostSpec.Transport.LOCAL, c.hosts().get("alpha").transport());
        assertEquals(List.of("zeta"), c.hosts().get("alpha").parents());
        assertEquals(4, c.concurrency());
    }

    @Test
    void checksGetTheCommonDefaultsUnlessTheySetTheirOwn() throws Exception {
        Config c = load("""
                defaults:
                  timeout: 20s
                  output_cap: 1MiB
                hosts:
                  web1:
                    checks:
                      - check: load
                      - command: LC_ALL=C /usr/lib/nagios/plugins/check_http -H localhost
                        timeout: 1m30s
                        output_cap: 8KiB
                      - command: /bin/true
                        name: always-fine
                        output_cap: 2048
                """);
        List<CheckSpec> checks = c.hosts().get("web1").checks();
        assertEquals(new CheckSpec("load", "load", null, Settings.empty(), Duration.ofSeconds(20), 1 << 20),
                checks.get(0));
        assertEquals(new CheckSpec("check_http", null, "LC_ALL=C /usr/lib/nagios/plugins/check_http -H localhost",
                Settings.empty(), Duration.ofSeconds(90), 8192), checks.get(1));
        assertEquals("always-fine", checks.get(2).name());
        assertEquals(2048, checks.get(2).outputCap());
        assertTrue(checks.get(0).isExtension());
        assertFalse(checks.get(1).isExtension());
    }

    @Test
    void checkOptionsArePlainValuesAndNagiosRangesStayAsWritten() throws Exception {
        Config c = load("""
                hosts:
                  web1:
                    checks:
                      - check: load
                        warn: 10:20
                        crit: 30
                        per_cpu: true
                      - check: disk
                        warn: 90%
                        crit: 0.95
                        mounts: [/, /var]
                """);
        Settings load = c.hosts().get("web1").checks().get(0).options();
        assertEquals(Map.of("warn", "10:20", "crit", 30L, "per_cpu", true), load.asMap());
        Settings disk = c.hosts().get("web1").checks().get(1).options();
        assertEquals("90%", disk.string("warn").orElseThrow());
        assertEquals(0.95, disk.asMap().get("crit"));
        assertEquals(List.of("/", "/var"), disk.strings("mounts"));
    }

    @Test
    void templatesApplyExplicitlyFirstThenByTagEachOnceAndHostChecksReplaceByName() throws Exception {
        Config c = load("""
                templates:
                  linux:
                    tags: [linux]
                    checks:
                      - check: load
                        warn: "4"
                      - check: memory
                  web:
                    tags: [web]
                    checks:
                      - command: /usr/lib/nagios/plugins/check_http -H localhost
                        name: http
                  backup:
                    checks:
                      - command: /usr/local/bin/check_backup
                hosts:
                  web1:
                    tags: [linux, web]
                    templates: [backup, linux]
                    checks:
                      - check: load
                        warn: "8"
                      - check: disk
                  db1:
                    tags: [linux]
                  bare:
                """);
        HostSpec web1 = c.hosts().get("web1");
        assertEquals(List.of("check_backup", "load", "memory", "http", "disk"),
                web1.checks().stream().map(CheckSpec::name).toList());
        assertEquals("8", web1.checks().get(1).options().string("warn").orElseThrow());
        HostSpec db1 = c.hosts().get("db1");
        assertEquals(List.of("load", "memory"), db1.checks().stream().map(CheckSpec::name).toList());
        assertEquals("4", db1.checks().get(0).options().string("warn").orElseThrow());
        assertEquals(List.of(), c.hosts().get("bare").checks());
    }

    @Test
    void pathsAreExpandedAndResolvedAgainstTheConfigFolder() throws Exception {
        Config c = load("""
                state_dir: ../var/udjat/./state
                plugins_dir: ~/udjat-plugins
                ssh:
                  identity_file: keys/poller
                  known_hosts: /etc/udjat/known_hosts
                hosts:
                  web1:
                    ssh:
                      known_hosts: "~"
                """);
        assertEquals(dir.getParent().resolve("var/udjat/state"), c.stateDir());
        assertEquals(HOME.resolve("udjat-plugins"), c.pluginsDir());
        SshSettings ssh = c.hosts().get("web1").ssh();
        assertEquals(dir.resolve("keys/poller"), ssh.identityFile());
        assertEquals(HOME, ssh.knownHosts());
    }

    @Test
    void aHostOverridesOnlyTheSshKeysItWrites() throws Exception {
        Config c = load("""
                ssh:
                  user: monitor
                  trust_on_first_use: true
                  connect_timeout: 3s
                  exec_timeout: 20s
                hosts:
                  web1:
                  db1:
                    ssh: { user: postgres, connect_timeout: 500ms }
                """);
        assertEquals(new SshSettings("monitor", HOME.resolve(".ssh/id_ed25519"), Secret.NONE,
                HOME.resolve(".ssh/known_hosts"), true, Duration.ofSeconds(3), Duration.ofSeconds(20)),
                c.hosts().get("web1").ssh());
        SshSettings db1 = c.hosts().get("db1").ssh();
        assertEquals("postgres", db1.user());
        assertEquals(Duration.ofMillis(500), db1.connectTimeout());
        assertTrue(db1.trustOnFirstUse());
        assertEquals(Duration.ofSeconds(20), db1.execTimeout());
    }

    @Test
    void aPassphraseFromTheEnvironmentIsReadButNeverShown() throws Exception {
        Config c = load("ssh:\n  passphrase_env: KEY_PASS\nhosts:\n  web1:\n", Map.of("KEY_PASS", "correct horse"));
        Secret secret = c.hosts().get("web1").ssh().passphrase();
        assertEquals("correct horse", secret.reveal());
        assertEquals("env KEY_PASS", secret.source());
        assertFalse(c.toString().contains("correct horse"), c.toString());
    }

    @Test
    void aPassphraseFileLosesItsFinalNewlineAndAHostMaySwitchSource() throws Exception {
        Files.writeString(dir.resolve("key.pass"), "s3cr3t phrase\r\n");
        Config c = load("""
                ssh:
                  passphrase_env: KEY_PASS
                hosts:
                  web1:
                    ssh:
                      passphrase_file: key.pass
                """, Map.of("KEY_PASS", "from env"));
        Secret secret = c.hosts().get("web1").ssh().passphrase();
        assertEquals("s3cr3t phrase", secret.reveal());
        assertEquals("file " + dir.resolve("key.pass"), secret.source());
        assertFalse(c.toString().contains("s3cr3t"), c.toString());
    }

    @Test
    void secretsStayOutOfErrorMessages() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
                ssh:
                  passphrase_env: KEY_PASS
                  passphrase_file: missing.pass
                hosts:
                  web1:
                    ssh:
                      passphrase_file: missing.pass
                """, Map.of("KEY_PASS", "hunter2")));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertEquals(List.of(
                        dir.resolve("udjat.yaml") + ":3:3: ssh: set only one of \"passphrase_env\" and \"passphrase_file\"",
                        dir.resolve("udjat.yaml") + ":7:24: hosts.web1.ssh.passphrase_file: cannot read passphrase file "
                                + dir.resolve("missing.pass") + ": no such file"),
                e.errors().stream().map(ConfigError::format).toList());
    }

    @Test
    void aTemplateProblemIsReportedOnceNotForEveryHost() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
                templates:
                  base:
                    tags: [linux]
                    checks:
                      - check: load
                        warn: high
                hosts:
                  a: { tags: [linux] }
                  b: { tags: [linux] }
                  c: { tags: [linux] }
                """));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("templates.base.checks[0].warn", e.errors().get(0).path());
    }

    @Test
    void aCheckWhoseValidationThrowsIsReportedAndLoadingGoesOn() throws Exception {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, "hosts:\n  web1:\n    checks:\n      - check: broken\n        x: 1\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of("broken", new ThrowingCheck()), Map.of(), "tester", HOME).load(file));
        assertEquals(file + ":4:9: hosts.web1.checks[0]: check \"broken\" failed to validate its options: "
                + "java.lang.IllegalStateException: bug", e.getMessage());
    }

    @Test
    void aLongChainOfParentsClosedIntoACycleIsReportedWithoutOverflowingTheStack() throws Exception {
        StringBuilder yaml = new StringBuilder("hosts:\n");
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            yaml.append("  h").append(i).append(": { parents: [h").append((i + 1) % n).append("] }\n");
        }
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml.toString()));
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().get(0).message().startsWith("parents form a cycle: h0 -> h1 -> h2 -> "));
        assertTrue(e.errors().get(0).message().endsWith(" -> h19999 -> h0"));
    }

    @Test
    void aMissingFileIsReportedWithoutAPosition() {
        Path file = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of(), Map.of(), "tester", HOME).load(file));
        assertEquals(file + ": cannot read the config file: no such file", e.getMessage());
    }

    /** A check with a bug in its validation, as a third-party plugin might have. */
    static final class ThrowingCheck implements org.udjat.api.Check {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public java.util.Set<String> optionNames() {
            return java.util.Set.of("x");
        }

        @Override
        public List<org.udjat.api.ConfigProblem> validate(Settings options) {
            throw new IllegalStateException("bug");
        }

        @Override
        public java.util.Optional<String> command(Platform platform, Settings options) {
            return java.util.Optional.of("true");
        }

        @Override
        public org.udjat.api.CheckOutcome parse(org.udjat.api.RawOutput output, Settings options) {
            return org.udjat.api.CheckOutcome.unknown("never run", "");
        }
    }
}
