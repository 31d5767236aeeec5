package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.udjat.plugin.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in config-samples/ loads, and the local sample's commands really work with /bin/sh. */
class ConfigSamplesTest {
    static final Path SAMPLES = Path.of("..", "config-samples");
    static final Map<String, String> ENV = Map.of("UDJAT_KEY_PASSPHRASE", "not the real one");

    /** The real built-in checks, found by PF4J on the classpath as in production. */
    static ConfigLoader loader() {
        try (Plugins plugins = Plugins.load(null)) {
            return new ConfigLoader(plugins.checks(), ENV, "tester", Path.of("/home/tester"));
        }
    }

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertTrue(yaml.size() >= 2, "samples found: " + yaml);
            return yaml.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleLoads(Path sample) throws ConfigException {
        Config config = loader().load(sample);
        assertFalse(config.hosts().isEmpty());
        config.hostList().forEach(h -> assertFalse(h.checks().isEmpty(), h.name() + " has no checks"));
    }

    @Test
    void theLocalSampleCommandsPrintNagiosOutputWithPerfdata() throws Exception {
        Config config = loader().load(SAMPLES.resolve("localhost.yaml"));
        HostSpec local = config.hosts().get("localhost");
        assertEquals(HostSpec.Transport.LOCAL, local.transport());
        assertEquals(SAMPLES.toAbsolutePath().normalize().resolve("state"), config.stateDir());
        List<CheckSpec> commands = local.checks().stream().filter(c -> !c.isExtension()).toList();
        assertEquals(List.of("tmp-writable", "log-space"), commands.stream().map(CheckSpec::name).toList());
        for (CheckSpec c : commands) {
            Process p = new ProcessBuilder("/bin/sh", "-c", c.command()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            assertTrue(p.waitFor(c.timeout().toMillis(), TimeUnit.MILLISECONDS), c.name() + " timed out");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), c.name() + ": " + out);
            assertTrue(out.matches("[A-Z]+ OK - [^|\\n]+ \\| \\w+=\\d+%?;[^\\n]*\\n"), c.name() + ": " + out);
        }
    }

    @Test
    void theEveryCheckSampleUsesEveryBuiltinCheck() throws ConfigException {
        Config config = loader().load(SAMPLES.resolve("every-check.yaml"));
        Set<String> used = new TreeSet<>();
        config.hostList().forEach(h -> h.checks().stream().filter(CheckSpec::isExtension).forEach(c -> used.add(c.check())));
        try (Plugins plugins = Plugins.load(null)) {
            assertEquals(new TreeSet<>(plugins.checks().keySet()), used);
        }
        assertEquals("freebsd", config.hosts().get("backup1").platform().key());
    }

    @Test
    void theMultiHostSampleTunesTheSharedLoadCheckOnTheDatabase() throws ConfigException {
        Config config = loader().load(SAMPLES.resolve("multi-host.yaml"));
        assertEquals(List.of("gw1", "web1", "web2", "db1"), config.hostList().stream().map(HostSpec::name).toList());
        HostSpec db1 = config.hosts().get("db1");
        assertEquals(List.of("http", "load", "disk", "memory", "postgres"),
                db1.checks().stream().map(CheckSpec::name).toList());
        assertEquals("12", db1.checks().get(1).options().string("warn").orElseThrow());
        assertEquals(Duration.ofSeconds(20), db1.checks().get(4).timeout());
        assertEquals("env UDJAT_KEY_PASSPHRASE", db1.ssh().passphrase().source());
        assertEquals("root", config.hosts().get("gw1").ssh().user());
        assertEquals("udjat", db1.ssh().user());
        assertEquals(List.of("load", "disk", "memory", "http"),
                config.hosts().get("web1").checks().stream().map(CheckSpec::name).toList());
    }
}
