package org.udjat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.evaluate.Change;
import org.udjat.record.HistoryLog;
import org.udjat.testkit.PluginJar;

/**
 * {@code udjat replay} through the command line: a recorded outage of a router, replayed with
 * the attempts and routes of a config, says who would have been told what and when.
 */
class ReplayCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int udjat(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        return Main.execute(new Context(Map.of(), clock, new PrintWriter(out, true), new PrintWriter(err, true)), args);
    }

    /** A config whose two channels are served by a notifier plugin in plugins_dir (nothing is sent by a replay). */
    private Path config(int hostAttempts) throws Exception {
        PluginJar.plugin("pigeon", "1.0.0").source("org.example.pigeon.Pigeon", """
                package org.example.pigeon;
                import java.time.Duration;
                import org.pf4j.Extension;
                import org.udjat.api.*;
                @Extension
                public class Pigeon implements Notifier {
                    public String type() { return "pigeon"; }
                    public Delivery send(Notice notice, Settings options, Duration timeout) {
                        throw new IllegalStateException("a replay sends nothing");
                    }
                }
                """).writeTo(dir.resolve("plugins/pigeon-1.0.0.jar"));
        Path file = dir.resolve("udjat.yaml");
        Files.writeString(file, """
                interval: 1m
                plugins_dir: plugins
                contacts:
                  alice: {email: alice@example.org}
                  bob: {email: bob@example.org}
                channels:
                  mail: {type: pigeon}
                  pager: {type: pigeon, urgency: page}
                notify:
                  grace: 1m
                  escalate_after: 5m
                hosts:
                  gw1:
                    transport: local
                    attempts: %d
                    checks: []
                """.formatted(hostAttempts));
        return file;
    }

    /** gw1 down from 10:01 to 10:11 with one blip at 10:14, as a production run recorded it. */
    private Path history() throws Exception {
        Path file = dir.resolve("history.jsonl");
        new HistoryLog(file).append(List.of(
                new Change(T0, "gw1", null, null, "UP", ""),
                new Change(T0.plusSeconds(60), "gw1", null, "UP", "DOWN", "connection refused"),
                new Change(T0.plusSeconds(11 * 60), "gw1", null, "DOWN", "UP", ""),
                new Change(T0.plusSeconds(14 * 60), "gw1", null, "UP", "DOWN", "connection refused"),
                new Change(T0.plusSeconds(15 * 60), "gw1", null, "DOWN", "UP", "")));
        return file;
    }

    private List<String> messageLines() {
        return out.toString().lines().filter(l -> l.startsWith("2026-")).map(l -> l.replaceAll(" +", " ")).toList();
    }

    @Test
    void printsWhoWouldHaveBeenToldWhatAndWhen() throws Exception {
        assertEquals(0, udjat("replay", "-c", config(3).toString(), "--history", history().toString(), "--duty", "alice"),
                err.toString());
        List<String> lines = messageLines();
        // DOWN from 10:01, HARD after 3 results at 10:03: announced by mail to both, paged to alice a cycle later,
        // everybody paged 5 minutes after that, everyone told hears of the recovery; the blip at 10:12 is never HARD
        assertEquals(List.of(
                "2026-11-30 10:03:00Z mail alice PROBLEM gw1 DOWN",
                "2026-11-30 10:03:00Z mail bob PROBLEM gw1 DOWN",
                "2026-11-30 10:04:00Z pager alice PAGE gw1 DOWN"),
                lines.subList(0, 3).stream().map(l -> l.replaceAll("(gw1 DOWN).*", "$1")).toList(), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("2026-11-30 10:09:00Z pager bob ESCALATION")), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("2026-11-30 10:09:00Z pager alice ESCALATION")), out.toString());
        assertEquals(List.of("mail alice", "mail bob", "pager alice", "pager bob"), lines.stream()
                .filter(l -> l.startsWith("2026-11-30 10:11:00Z") && l.contains(" RECOVERY "))
                .map(l -> l.split(" ")[2] + " " + l.split(" ")[3]).toList(), "everyone told hears of the recovery: " + out);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("2026-11-30 10:14")), "the blip is not HARD: " + out);
    }

    @Test
    void fewerAttemptsShowTheBlipToo() throws Exception {
        assertEquals(0, udjat("replay", "-c", config(1).toString(), "--history", history().toString()), err.toString());
        List<String> lines = messageLines();
        assertEquals("2026-11-30 10:01:00Z mail alice PROBLEM", lines.get(0).replaceAll("(PROBLEM).*", "$1"), out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("2026-11-30 10:14:00Z mail alice PROBLEM")), out.toString());
    }

    @Test
    void anUnknownDutyNameOrAMissingHistoryIsAUsageError() throws Exception {
        assertEquals(2, udjat("replay", "-c", config(3).toString(), "--history", history().toString(), "--duty", "carol"));
        assertTrue(err.toString().contains("--duty carol: not a contact; contacts: alice, bob"), err.toString());
        assertEquals(2, udjat("replay", "-c", config(3).toString(), "--history", dir.resolve("nope.jsonl").toString()));
        assertTrue(err.toString().contains("cannot read the history"), err.toString());
    }
}
