package org.udjat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Check;
import org.udjat.api.CheckOutcome;
import org.udjat.api.NagiosOutput;
import org.udjat.api.Platform;
import org.udjat.api.Status;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.ConfigLoader;
import org.udjat.config.HostSpec;
import org.udjat.plugin.Plugins;
import org.udjat.poll.CheckRun;
import org.udjat.poll.HostPoll;
import org.udjat.poll.LocalTransport;
import org.udjat.poll.Poller;
import org.udjat.poll.Shells;

/**
 * Every built-in check's BusyBox variant, in one generated script run by {@code busybox sh} with a
 * PATH of nothing but BusyBox applets, as on an Alpine host or an embedded device: the script
 * detects the platform itself, and each check gives its real status.
 */
class BusyboxScriptIT {

    @Test
    void everyBusyboxVariantRunsInOneScriptUnderBusybox(@TempDir Path dir) throws Exception {
        Path applets = Files.createDirectories(dir.resolve("bin"));
        try (BuiltinHost things = new BuiltinHost(dir); Plugins plugins = Plugins.load(null)) {
            Map<String, Check> checks = plugins.checks();
            Path file = dir.resolve("udjat.yaml");
            Files.writeString(file, """
                    state_dir: state
                    hosts:
                      device1:
                        transport: local
                        checks:
                    """ + things.checks());
            Config config = new ConfigLoader(checks, Map.of()).load(file);
            assertEquals(checks.keySet(), BuiltinHost.checkNamesIn(Files.readString(file)));
            LocalTransport busybox = Shells.busyboxUserland(applets);
            Poller poller = new Poller(Map.of(HostSpec.Transport.LOCAL, busybox), checks, 1, Clock.systemUTC());
            HostPoll poll = poller.poll(config.hostList(), Map.of(), Instant.now().plusSeconds(60)).get(0);

            assertTrue(poll.reached(), poll.reason());
            assertEquals(Platform.BUSYBOX, poll.platform());
            List<CheckSpec> specs = config.hostList().get(0).checks();
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                CheckSpec spec = specs.get(i);
                CheckRun run = poll.checks().get(i);
                assertEquals(spec.name(), run.check());
                CheckOutcome o = spec.isExtension() ? checks.get(spec.check()).parse(run.raw(), spec.options())
                        : NagiosOutput.parse(run.raw());
                Status expected = BuiltinHost.EXPECTED.getOrDefault(spec.name(), Status.OK);
                if (o.status() != expected) {
                    wrong.add(spec.name() + ": expected " + expected + ", got " + o.summary() + " " + run.reason() + "\n"
                            + o.longOutput());
                }
                if (o.status() != Status.UNKNOWN && o.perfData().isEmpty() && !BuiltinHost.NO_PERFDATA.contains(spec.name())) {
                    wrong.add(spec.name() + ": no perfdata: " + o.summary());
                }
            }
            assertEquals(List.of(), wrong);
        } finally {
            Shells.removeLinks(applets);
        }
    }
}
