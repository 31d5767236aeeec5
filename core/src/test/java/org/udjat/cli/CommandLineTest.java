package org.udjat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process with an injected clock against real files and the local transport. */
class CommandLineTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int udjat(Clock clock, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.execute(new Context(Map.of(), clock, new PrintWriter(out, true), new PrintWriter(err, true)), args);
    }

    private int udjat(String... args) {
        return udjat(Clock.systemUTC(), args);
    }

    private Path config(String yaml) throws Exception {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void checkConfigAcceptsAGoodFile() throws Exception {
        Path file = config("""
                hosts:
                  here:
                    transport: local
                    checks:
                      - check: load
                      - command: echo OK
                        name: echo
                """);
        assertEquals(ExitCode.OK, udjat("check-config", "-c", file.toString()), err.toString());
        assertEquals(file + ": OK, 1 hosts, 2 checks", out.toString().strip());
    }

    @Test
    void badConfigListsEveryProblemWithPositionAndExitsTwoWithoutPolling() throws Exception {
        Path file = config("""
                interval: 5 minutes
                hosts:
                  here:
                    transport: local
                    parents: [gw]
                    checks:
                      - check: lod
                """);
        for (String command : new String[] {"check-config", "run"}) {
            assertEquals(ExitCode.USAGE, udjat(command, "-c", file.toString()), command);
            String[] lines = err.toString().strip().split("\n");
            assertEquals(4, lines.length, err.toString());
            assertTrue(lines[0].startsWith(file + ":1:11: interval: expected a duration"), lines[0]);
            assertTrue(lines[1].startsWith(file + ":5:15: hosts.here.parents[0]: unknown host \"gw\""), lines[1]);
            assertTrue(lines[2].contains(":7:16: hosts.here.checks[0].check: unknown check \"lod\"; did you mean \"load\"?"),
                    lines[2]);
        }
        assertEquals("3 problems in udjat.yaml; nothing was polled.", err.toString().strip().split("\n")[3]);
        assertTrue(Files.notExists(dir.resolve("state")), "nothing is written when the config is bad");
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(ExitCode.USAGE, udjat("run"));
        assertTrue(err.toString().contains("Missing required option: '--config=FILE'"), err.toString());
        assertEquals(ExitCode.USAGE, udjat("frobnicate"));
        assertEquals(ExitCode.USAGE, udjat());
    }

    @Test
    void versionAndHelp() {
        assertEquals(ExitCode.OK, udjat("--version"));
        assertTrue(out.toString().startsWith("udjat "), out.toString());
        assertEquals(ExitCode.OK, udjat("--help"));
        assertTrue(out.toString().contains("check-config") && out.toString().contains("75  another run holds the lock"));
    }

    @Test
    void pluginsListsBuiltInChecksAndTheExtensionPointTheyServe() {
        assertEquals(ExitCode.OK, udjat("plugins"));
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("built-in\\s+Check\\s+disk\\s+org\\.udjat\\.checks\\.DiskCheck")),
                out.toString());
    }

    @Test
    void runThenStatusShowsEveryCheckWithStateAgeAndOutput() throws Exception {
        Path file = config("""
                hosts:
                  here:
                    transport: local
                    checks:
                      - command: 'echo "OK - fine|x=1"'
                        name: fine
                      - command: 'echo "CRITICAL - broken"; exit 2'
                        name: broken
                      - check: memory
                """);
        assertEquals(ExitCode.OK, udjat("run", "-c", file.toString()), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("state/status.json")));
        assertTrue(Files.readString(dir.resolve("state/history.jsonl")).contains("\"to\":\"CRITICAL\""));

        Instant later = Instant.now().plusSeconds(90);
        Clock clock = Clock.fixed(later, ZoneOffset.UTC);
        assertEquals(ExitCode.OK, udjat(clock, "status", "-c", file.toString()), err.toString());
        String table = out.toString();
        assertTrue(table.lines().anyMatch(l -> l.matches("here\\s+-\\s+UP\\s+HARD\\s+9\\ds\\s+.*")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("here\\s+broken\\s+CRITICAL\\s+SOFT 1/3\\s+9\\ds\\s+CRITICAL - broken")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("here\\s+memory\\s+(OK|WARNING|CRITICAL)\\s+(HARD|SOFT 1/3)\\s+9\\ds\\s+MEM.*")), table);

        assertEquals(ExitCode.OK, udjat(clock, "status", "-c", file.toString(), "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode fine = json.get("rows").get(1);
        assertEquals("fine", fine.get("check").asText());
        assertEquals("OK", fine.get("state").asText());
        assertEquals("OK - fine", fine.get("output").asText());
        assertEquals("HARD", fine.get("type").asText());
        JsonNode broken = json.get("rows").get(2);
        assertEquals("SOFT", broken.get("type").asText());
        assertEquals(1, broken.get("attempt").asInt());
        assertEquals(3, broken.get("attempts").asInt());
        assertFalse(broken.get("unstable").asBoolean());
        assertTrue(fine.get("ageSeconds").asLong() >= 89, fine.toString());
    }

    @Test
    void aBrokenPluginIsNamedAndTheCycleRunsWithoutIt() throws Exception {
        org.udjat.testkit.PluginJar.withoutId().writeTo(dir.resolve("plugins/broken-1.0.jar"));
        Path file = config("""
                plugins_dir: plugins
                hosts:
                  here:
                    transport: local
                    checks:
                      - command: echo "OK - still polled"
                        name: ok
                """);
        assertEquals(ExitCode.OK, udjat("check-config", "-c", file.toString()), err.toString());
        assertTrue(out.toString().contains("warning: plugin broken-1.0.jar: "), out.toString());
        assertEquals(ExitCode.OK, udjat("plugins", "-c", file.toString()));
        assertTrue(out.toString().contains("FAILED  broken-1.0.jar: "), out.toString());
        assertEquals(ExitCode.OK, udjat("run", "-c", file.toString()), err.toString());
        assertEquals(ExitCode.OK, udjat("status", "-c", file.toString()));
        assertTrue(out.toString().contains("OK - still polled"), out.toString());
    }

    @Test
    void statusBeforeAnyCycleSaysSo() throws Exception {
        Path file = config("""
                hosts:
                  here:
                    transport: local
                    checks:
                      - command: echo OK
                        name: ok
                """);
        assertEquals(ExitCode.OK, udjat("status", "-c", file.toString()));
        assertTrue(err.toString().contains("no status yet"), err.toString());
    }
}
