package org.udjat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.udjat.record.CycleLock;
import org.udjat.record.StateDir;

/** {@code udjat report}, and the report every {@code udjat run} renders, in-process against real files. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int udjat(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        return Main.execute(new Context(Map.of(), clock, new PrintWriter(out, true), new PrintWriter(err, true)), args);
    }

    private Path config(String report) throws Exception {
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, report + """
                hosts:
                  here:
                    transport: local
                    checks:
                      - command: 'echo "OK - fine|x=1"'
                        name: fine
                      - command: 'echo "CRITICAL - <b>broken</b>"; exit 2'
                        name: broken
                """);
        return file;
    }

    @Test
    void everyRunRendersTheReportByDefault() throws Exception {
        Path file = config("");

        assertEquals(ExitCode.OK, udjat("run", "-c", file.toString()), err.toString());

        Path www = dir.resolve("state/www");
        String index = Files.readString(www.resolve("index.html"));
        assertTrue(index.contains("CRITICAL - &lt;b&gt;broken&lt;/b&gt;"), index);
        assertTrue(Files.isRegularFile(www.resolve("hosts/here.html")));
        assertTrue(Files.readString(www.resolve("checks/here/fine.html")).contains("graphs/here/fine/x-day.png"));
        assertTrue(Files.isRegularFile(www.resolve("udjat.css")));
    }

    @Test
    void reportRendersWithoutPollingWhenRunsDoNot() throws Exception {
        Path file = config("report:\n  on_run: false\n");
        assertEquals(ExitCode.OK, udjat("run", "-c", file.toString()), err.toString());
        assertFalse(Files.exists(dir.resolve("state/www")), "on_run: false renders nothing");
        String history = Files.readString(dir.resolve("state/history.jsonl"));

        assertEquals(ExitCode.OK, udjat("report", "-c", file.toString()), err.toString());

        assertTrue(out.toString().matches("report: 8 files in \\d+\\.\\ds into " + dir.resolve("state/www") + "\\R"),
                out.toString());
        assertTrue(Files.readString(dir.resolve("state/www/index.html")).contains("here / broken"));
        assertEquals(history, Files.readString(dir.resolve("state/history.jsonl")), "nothing was polled");
    }

    @Test
    void reportBeforeAnyCycleSaysSo() throws Exception {
        Path file = config("");
        assertEquals(ExitCode.OK, udjat("report", "-c", file.toString()), err.toString());
        assertTrue(out.toString().contains("(no cycle has completed yet)"), out.toString());
        assertTrue(Files.readString(dir.resolve("state/www/index.html")).contains("No data yet"));
    }

    @Test
    void aBrokenTemplateIsNamedWithItsLineAndTheRunStillRecordsItsWork() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("host.ftlh"), "<h1>${name}</h1>\n<p>${nosuchthing}</p>\n");
        Path file = config("report:\n  templates_dir: templates\n");

        assertEquals(ExitCode.OK, udjat("run", "-c", file.toString()), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("state/status.json")));
        assertTrue(Files.readString(dir.resolve("state/history.jsonl")).contains("broken"));
        assertFalse(Files.exists(dir.resolve("state/www/index.html")), "no page before every kind rendered once");

        assertEquals(ExitCode.USAGE, udjat("report", "-c", file.toString()));
        assertEquals("udjat: report: template host.ftlh (from " + templates + "), line 2, column 6: "
                + "The following has evaluated to null or missing: ==> nosuchthing", err.toString().strip());
    }

    @Test
    void reportWaitsForNoRun() throws Exception {
        Path file = config("");
        try (CycleLock lock = StateDir.open(dir.resolve("state")).lock()) {
            assertEquals(ExitCode.LOCKED, udjat("report", "-c", file.toString()));
        }
        assertTrue(err.toString().contains("already holds"), err.toString());
        assertFalse(Files.exists(dir.resolve("state/www")));
    }
}
