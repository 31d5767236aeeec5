package org.udjat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.ConfigProblem;
import org.udjat.api.Platform;
import org.udjat.api.Remediator;
import org.udjat.api.Settings;
import org.udjat.api.Shell;

/** A check's {@code remediate:} block, read with a real remediator that validates its target and options. */
class RemedySettingsTest {
    @TempDir
    Path dir;

    /** Restarts a service; its target is a unit name, its one option {@code grace} a number of seconds. */
    static final class RestartService implements Remediator {
        @Override
        public String type() {
            return "restart-service";
        }

        @Override
        public Set<String> optionNames() {
            return Set.of("grace");
        }

        @Override
        public List<ConfigProblem> validate(String target, Settings options) {
            List<ConfigProblem> problems = new ArrayList<>();
            if (!target.matches("[A-Za-z0-9@._-]+")) {
                problems.add(new ConfigProblem("target", "expected a service name, got \"" + target + "\""));
            }
            if (options.string("grace").filter(g -> !g.matches("\\d+")).isPresent()) {
                problems.add(new ConfigProblem("grace", "expected whole seconds, got \"" + options.string("grace").get()
                        + "\""));
            }
            return problems;
        }

        @Override
        public Optional<String> command(Platform platform, String target, Settings options) {
            return Optional.of("systemctl restart " + Shell.quote(target));
        }
    }

    private Config load(String yaml) throws IOException, ConfigException {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(TestChecks.standard(), Map.of(), Map.of("restart-service", new RestartService()),
                Map.of(), "tester", Path.of("/home/tester")).load(file);
    }

    private List<String> problems(String yaml) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.errors().stream().map(err -> err.line() + ":" + err.column() + ": " + err.path() + ": " + err.message())
                .toList();
    }

    private static CheckSpec check(Config config, String host, String name) {
        return config.hosts().get(host).checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void onlyWithAndTarget_everyDefaultHolds_afterIsTwoIntervals() throws Exception {
        Config config = load("""
                interval: 2m
                hosts:
                  node3:
                    checks:
                      - command: check_orders
                        name: orders
                        remediate: {with: restart-service, target: orders}
                      - command: check_disk
                """);

        RemedySpec r = check(config, "node3", "orders").remedy();
        assertEquals(new RemedySpec("restart-service", "orders", Duration.ofMinutes(4), 5, Duration.ofMinutes(20),
                RemedySpec.Mode.AUTO, Duration.ofSeconds(30), Settings.empty()), r);
        assertNull(check(config, "node3", "check_disk").remedy());
    }

    @Test
    void everyKeyIsReadAsWritten_otherKeysGoToTheRemediator() throws Exception {
        Config config = load("""
                hosts:
                  node3:
                    checks:
                      - command: check_orders
                        name: orders
                        remediate:
                          with: restart-service
                          target: orders.service
                          after: 3m
                          max: 3
                          per: 1h
                          mode: dry-run
                          timeout: 45s
                          grace: 10
                """);

        RemedySpec r = check(config, "node3", "orders").remedy();
        assertEquals(new RemedySpec("restart-service", "orders.service", Duration.ofMinutes(3), 3, Duration.ofHours(1),
                RemedySpec.Mode.DRY_RUN, Duration.ofSeconds(45), Settings.of(Map.of("grace", 10L))), r);
    }

    @Test
    void approveMode() throws Exception {
        Config config = load("""
                hosts:
                  node3:
                    checks:
                      - command: check_orders
                        name: orders
                        remediate: {with: restart-service, target: orders, mode: approve}
                """);

        assertEquals(RemedySpec.Mode.APPROVE, check(config, "node3", "orders").remedy().mode());
    }

    @Test
    void unknownRemediatorTypo_isReportedWithDidYouMean() throws IOException {
        List<String> problems = problems("""
                hosts:
                  node3:
                    checks:
                      - command: check_orders
                        remediate: {with: restart-servce, target: orders}
                """);

        assertEquals(List.of("5:27: hosts.node3.checks[0].remediate.with: unknown remediator \"restart-servce\"; "
                + "did you mean \"restart-service\"?"), problems);
    }

    @Test
    void everyMistakeInTheBlock_isReportedAtItsPlace() throws IOException {
        List<String> problems = problems("""
                hosts:
                  node3:
                    checks:
                      - command: check_orders
                        remediate:
                          with: restart-service
                          target: "orders; rm -rf /"
                          after: soon
                          max: 0
                          mode: yolo
                          grace: ten
                          gracee: 1
                """);

        assertEquals(List.of(
                "7:19: hosts.node3.checks[0].remediate.target: expected a service name, got \"orders; rm -rf /\"",
                "8:18: hosts.node3.checks[0].remediate.after: expected a duration like \"30s\", got \"soon\"",
                "9:16: hosts.node3.checks[0].remediate.max: must be between 1 and 1000, got 0",
                "10:17: hosts.node3.checks[0].remediate.mode: unknown mode \"yolo\"; expected one of: auto, approve, dry-run",
                "11:11: hosts.node3.checks[0].remediate.grace: expected whole seconds, got \"ten\"",
                "12:11: hosts.node3.checks[0].remediate: unknown key \"gracee\"; did you mean \"grace\"?"), problems);
    }

    @Test
    void missingTargetAndWith_areReported() throws IOException {
        List<String> problems = problems("""
                hosts:
                  node3:
                    checks:
                      - command: check_orders
                        remediate: {after: 1m}
                """);

        assertEquals(List.of(
                "5:20: hosts.node3.checks[0].remediate: missing \"target\" (the target of the remediator, e.g. a service name)",
                "5:20: hosts.node3.checks[0].remediate: missing \"with\" (a remediator type)"), problems);
    }
}
