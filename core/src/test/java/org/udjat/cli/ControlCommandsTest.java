package org.udjat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.api.Status;
import org.udjat.dispatch.control.Ack;
import org.udjat.dispatch.control.AckStore;
import org.udjat.dispatch.control.Downtime;
import org.udjat.dispatch.control.DowntimeStore;
import org.udjat.dispatch.control.Duty;
import org.udjat.dispatch.control.DutyStore;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.Flip;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;

/** {@code udjat duty}, {@code ack} and {@code downtime} through {@link Main}, with a real config and a fixed clock. */
class ControlCommandsTest {
    static final Instant T = Instant.parse("2026-11-22T06:30:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path config;
    private Instant now = T;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("udjat.yaml");
        Files.writeString(config, """
                contacts:
                  alice: {email: alice@example.org, phone: "+15550100"}
                  bob: {email: bob@example.org}
                hosts:
                  gw1:
                    transport: local
                    checks:
                      - command: echo OK
                        name: ping
                  web1:
                    transport: local
                    checks:
                      - command: echo OK
                        name: disk
                      - command: echo OK
                        name: http
                      - command: echo OK
                        name: queue
                """);
    }

    private int udjat(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "-c";
        all[args.length + 1] = config.toString();
        return Main.execute(new Context(Map.of("USER", "operator"), Clock.fixed(now, ZoneOffset.UTC),
                new PrintWriter(out, true), new PrintWriter(err, true)), all);
    }

    private StateDir state() throws Exception {
        return StateDir.open(dir.resolve("state"));
    }

    private static StateDetail detail(Status s, StateType type, boolean unstable) {
        return new StateDetail(s, type, type == StateType.SOFT ? 1 : 3, 3, s, s,
                unstable ? List.of(new Flip(T, s.name())) : List.of(), unstable, unstable ? "OK" : null, null);
    }

    private static CheckState check(String name, Status s, StateType type, boolean unstable) {
        return new CheckState(name, s, name + " " + s, "", List.of(), T, Duration.ZERO, "", T, detail(s, type, unstable));
    }

    /** gw1 DOWN (HARD), web1 UP with disk CRITICAL HARD, http WARNING SOFT, queue OK UNSTABLE. */
    private void writeStatus() throws Exception {
        new StatusStore(state()).save(new Snapshot(Snapshot.CURRENT_VERSION, T, T, List.of(
                new HostState("gw1", false, "timed out", null, T, T,
                        List.of(check("ping", Status.OK, StateType.HARD, false)),
                        detail(Status.CRITICAL, StateType.HARD, false)),
                new HostState("web1", true, "", "linux", T, T, List.of(
                        check("disk", Status.CRITICAL, StateType.HARD, false),
                        check("http", Status.WARNING, StateType.SOFT, false),
                        check("queue", Status.OK, StateType.HARD, true)), detail(Status.OK, StateType.HARD, false)))));
    }

    @Test
    void dutyTakeSaysWhoHadItAndShowSaysSince() throws Exception {
        assertEquals(ExitCode.OK, udjat("duty", "show"), err.toString());
        assertEquals("nobody is on duty: pages go to the escalation list (alice, bob).\n", out.toString());

        assertEquals(ExitCode.OK, udjat("duty", "take", "alice"), err.toString());
        assertEquals("alice is on duty now; nobody was before.\n", out.toString());

        now = T.plus(Duration.ofHours(3));
        assertEquals(ExitCode.OK, udjat("duty", "show"), err.toString());
        assertEquals("alice is on duty since 2026-11-22T06:30:00Z (3h).\n", out.toString());

        assertEquals(ExitCode.OK, udjat("duty", "take", "bob"), err.toString());
        assertEquals("bob is on duty now, taking over from alice (on duty since 2026-11-22T06:30:00Z).\n",
                out.toString());
        assertEquals(new Duty("bob", now), new DutyStore(state()).load().orElseThrow());

        assertEquals(ExitCode.OK, udjat("duty", "take", "bob"), err.toString());
        assertEquals("bob is already on duty, since 2026-11-22T09:30:00Z.\n", out.toString());
    }

    @Test
    void dutyTakeWantsAContactAndSuggestsOne() throws Exception {
        assertEquals(ExitCode.USAGE, udjat("duty", "take", "alcie"));
        assertEquals("udjat: NAME: unknown contact \"alcie\"; did you mean \"alice\"?\n", err.toString());
        assertEquals(ExitCode.USAGE, udjat("duty", "take", "zed"));
        assertEquals("udjat: NAME: unknown contact \"zed\"; expected one of: alice, bob\n", err.toString());
        assertTrue(Files.notExists(dir.resolve("state/duty.json")));
    }

    @Test
    void dutyWithoutASubcommandIsAUsageError() {
        assertEquals(ExitCode.USAGE, Main.execute(new Context(Map.of(), Clock.fixed(now, ZoneOffset.UTC),
                new PrintWriter(out, true), new PrintWriter(err, true)), "duty"));
        assertTrue(err.toString().startsWith("udjat: duty needs take NAME or show"), err.toString());
    }

    @Test
    void ackWithoutSubjectsAcknowledgesEveryHardAndUnstableProblem() throws Exception {
        writeStatus();
        assertEquals(ExitCode.OK, udjat("ack", "--by", "alice", "--comment", "looking"), err.toString());
        assertEquals("""
                ack 1 by alice until 2026-11-22T07:00:00Z (ack mode 30m): 3 problems - looking
                  gw1  DOWN
                  web1/disk  CRITICAL
                  web1/queue  OK UNSTABLE
                """, out.toString());
        assertEquals(List.of(new Ack("1", List.of("gw1", "web1/disk", "web1/queue"), "alice", "looking", T,
                T.plus(Duration.ofMinutes(30)))), new AckStore(state()).load());
    }

    @Test
    void ackOfAHostCoversItsChecksAndForSetsTheLength() throws Exception {
        writeStatus();
        assertEquals(ExitCode.OK, udjat("ack", "web1", "--by", "bob", "--for", "2h"), err.toString());
        assertEquals("""
                ack 1 by bob until 2026-11-22T08:30:00Z (ack mode 2h): 2 problems
                  web1/disk  CRITICAL
                  web1/queue  OK UNSTABLE
                """, out.toString());
    }

    @Test
    void ackOfSomethingNotOpenSaysSoAndFails() throws Exception {
        writeStatus();
        assertEquals(ExitCode.USAGE, udjat("ack", "web1/http", "--by", "alice"));
        assertEquals("""
                udjat: web1/http: nothing open to acknowledge (WARNING SOFT 1/3)
                udjat: nothing to acknowledge: no open problem matches web1/http
                """, err.toString());
        assertEquals("", out.toString());
        assertTrue(Files.notExists(dir.resolve("state/acks.json")));
    }

    @Test
    void ackOfSeveralSubjectsKeepsTheOpenOnesAndNamesTheOthers() throws Exception {
        writeStatus();
        assertEquals(ExitCode.OK, udjat("ack", "gw1/ping", "gw1", "--by", "alice"), err.toString());
        assertEquals("udjat: gw1/ping: nothing open to acknowledge (OK HARD)\n", err.toString());
        assertEquals("ack 1 by alice until 2026-11-22T07:00:00Z (ack mode 30m): 1 problem\n  gw1  DOWN\n",
                out.toString());
    }

    @Test
    void ackChecksNamesAndItsOptions() throws Exception {
        writeStatus();
        assertEquals(ExitCode.USAGE, udjat("ack", "--by", "alicia"));
        assertEquals("udjat: --by: unknown contact \"alicia\"; did you mean \"alice\"?\n", err.toString());
        assertEquals(ExitCode.USAGE, udjat("ack", "web2", "--by", "alice"));
        assertEquals("udjat: unknown host \"web2\"; did you mean \"web1\"? in " + config + "\n", err.toString());
        assertEquals(ExitCode.USAGE, udjat("ack", "web1/dsik", "--by", "alice"));
        assertEquals("udjat: unknown check \"dsik\"; did you mean \"disk\"? on host web1\n", err.toString());
        assertEquals(ExitCode.USAGE, udjat("ack", "--by", "alice", "--for", "half an hour"));
        assertEquals("udjat: --for: expected a duration like \"30m\" or \"2h\", got \"half an hour\"\n", err.toString());
        assertEquals(ExitCode.USAGE, udjat("ack", "gw1"));
        assertTrue(err.toString().contains("Missing required option: '--by=NAME'"), err.toString());
        assertTrue(Files.notExists(dir.resolve("state/acks.json")));
    }

    @Test
    void ackBeforeTheFirstCycleSaysThereIsNoStatus() {
        assertEquals(ExitCode.USAGE, udjat("ack", "--by", "alice"));
        assertEquals("udjat: nothing to acknowledge: no status yet, no cycle has completed\n", err.toString());
    }

    @Test
    void ackWithNothingOpenSaysSo() throws Exception {
        new StatusStore(state()).save(new Snapshot(Snapshot.CURRENT_VERSION, T, T, List.of(
                new HostState("gw1", true, "", null, T, T, List.of(check("ping", Status.OK, StateType.HARD, false)),
                        detail(Status.OK, StateType.HARD, false)))));
        assertEquals(ExitCode.USAGE, udjat("ack", "--by", "alice"));
        assertEquals("udjat: nothing to acknowledge: no open problems (only HARD and UNSTABLE ones can be acknowledged)\n",
                err.toString());
    }

    @Test
    void downtimeAddListRemove() throws Exception {
        assertEquals(ExitCode.OK, udjat("downtime", "list"), err.toString());
        assertEquals("no downtime active or scheduled.\n", out.toString());

        assertEquals(ExitCode.OK, udjat("downtime", "add", "web1", "--for", "2h", "--comment", "kernel update"),
                err.toString());
        assertEquals("downtime 1: web1 and its checks, from now until 2026-11-22T08:30:00Z (2h), by operator:"
                + " kernel update\n", out.toString());
        assertEquals(ExitCode.OK, udjat("downtime", "add", "gw1/ping", "--for", "1h", "--start", "2026-11-23T22:00",
                "--comment", "ISP maintenance", "--by", "alice"), err.toString());
        assertEquals("downtime 2: gw1/ping, from 2026-11-23T22:00:00Z until 2026-11-23T23:00:00Z (1h), by alice:"
                + " ISP maintenance\n", out.toString());

        assertEquals(ExitCode.OK, udjat("downtime", "list"), err.toString());
        assertEquals("""
                ID  STATE      WHAT                 FROM                  UNTIL                 BY        COMMENT
                1   active     web1 and its checks  2026-11-22T06:30:00Z  2026-11-22T08:30:00Z  operator  kernel update
                2   scheduled  gw1/ping             2026-11-23T22:00:00Z  2026-11-23T23:00:00Z  alice     ISP maintenance
                """, out.toString());

        assertEquals(ExitCode.OK, udjat("downtime", "remove", "1"), err.toString());
        assertEquals("downtime 1 removed: web1 and its checks, 2026-11-22T06:30:00Z until 2026-11-22T08:30:00Z:"
                + " kernel update\n", out.toString());
        assertEquals(List.of(new Downtime("2", "gw1", "ping", Instant.parse("2026-11-23T22:00:00Z"),
                Instant.parse("2026-11-23T23:00:00Z"), "alice", "ISP maintenance")), new DowntimeStore(state()).load());

        assertEquals(ExitCode.USAGE, udjat("downtime", "remove", "1"));
        assertEquals("udjat: no downtime with id \"1\"; see udjat downtime list\n", err.toString());
    }

    @Test
    void endedDowntimeIsNotListed() throws Exception {
        assertEquals(ExitCode.OK, udjat("downtime", "add", "web1", "--for", "1h", "--comment", "x"), err.toString());
        now = T.plus(Duration.ofHours(1));
        assertEquals(ExitCode.OK, udjat("downtime", "list"), err.toString());
        assertEquals("no downtime active or scheduled.\n", out.toString());
    }

    @Test
    void downtimeAddChecksItsArguments() throws Exception {
        assertEquals(ExitCode.USAGE, udjat("downtime", "add", "gw2", "--for", "2h", "--comment", "x"));
        assertEquals("udjat: unknown host \"gw2\"; did you mean \"gw1\"? in " + config + "\n", err.toString());
        assertEquals(ExitCode.USAGE, udjat("downtime", "add", "gw1/pong", "--for", "2h", "--comment", "x"));
        assertEquals("udjat: unknown check \"pong\"; did you mean \"ping\"? on host gw1\n", err.toString());
        assertEquals(ExitCode.USAGE, udjat("downtime", "add", "gw1", "--for", "2 hours", "--comment", "x"));
        assertEquals("udjat: --for: expected a duration like \"2h\" or \"30m\", got \"2 hours\"\n", err.toString());
        assertEquals(ExitCode.USAGE, udjat("downtime", "add", "gw1", "--for", "2h", "--start", "tomorrow",
                "--comment", "x"));
        assertEquals("udjat: --start: expected now or a time like 2026-11-22T22:00 or 2026-11-22T21:00:00Z, got"
                + " \"tomorrow\"\n", err.toString());
        assertEquals(ExitCode.USAGE, udjat("downtime", "add", "gw1", "--for", "1h", "--start", "2026-11-22T05:00:00Z",
                "--comment", "x"));
        assertEquals("udjat: --start 2026-11-22T05:00:00Z --for 1h: that downtime would have ended at"
                + " 2026-11-22T06:00:00Z, before now\n", err.toString());
        assertEquals(ExitCode.USAGE, udjat("downtime", "add", "gw1", "--for", "1h"));
        assertTrue(err.toString().contains("Missing required option: '--comment=TEXT'"), err.toString());
        assertTrue(Files.notExists(dir.resolve("state/downtime.json")));
    }

    @Test
    void aCorruptStoreIsReportedAndSetAsideByTheNextChange() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/downtime.json"), "{oops");
        assertEquals(ExitCode.OK, udjat("downtime", "list"));
        assertTrue(err.toString().startsWith("udjat: warning: " + dir.resolve("state/downtime.json")
                + ": unreadable ("), err.toString());
        assertTrue(err.toString().endsWith("taken as empty until the next change sets it aside\n"), err.toString());
        assertEquals(ExitCode.OK, udjat("downtime", "add", "web1", "--for", "1h", "--comment", "x"));
        assertTrue(err.toString().endsWith("set aside as downtime.json.corrupt-20261122T063000Z\n"), err.toString());
        assertEquals("{oops", Files.readString(dir.resolve("state/downtime.json.corrupt-20261122T063000Z")));
    }

    @Test
    void aConfigWithoutContactsSaysSo() throws Exception {
        Files.writeString(config, """
                hosts:
                  gw1:
                    transport: local
                """);
        assertEquals(ExitCode.USAGE, udjat("duty", "take", "alice"));
        assertEquals("udjat: NAME: \"alice\" is not a contact: " + config + " has none; add them under contacts:\n",
                err.toString());
        assertEquals(ExitCode.OK, udjat("duty", "show"), err.toString());
        assertEquals("nobody is on duty: pages go to the escalation list (empty: no contacts in the config).\n",
                out.toString());
    }

    @Test
    void statusShowsDutyAcksAndDowntimesAndMarksTheRows() throws Exception {
        writeStatus();
        assertEquals(ExitCode.OK, udjat("duty", "take", "alice"), err.toString());
        assertEquals(ExitCode.OK, udjat("ack", "gw1", "--by", "bob", "--comment", "ISP called\u001b[2J"),
                err.toString());
        assertEquals(ExitCode.OK, udjat("downtime", "add", "web1/disk", "--for", "2h", "--comment", "new disk"),
                err.toString());
        assertEquals(ExitCode.OK, udjat("downtime", "add", "web1", "--for", "1h", "--start", "2026-11-23T22:00:00Z",
                "--comment", "kernel", "--by", "alice"), err.toString());
        now = T.plusSeconds(60);
        assertEquals(ExitCode.OK, udjat("status"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals("on duty: alice since 2026-11-22T06:30:00Z", lines.get(1));
        assertEquals("ack 1: gw1 by bob until 2026-11-22T07:00:00Z - ISP called [2J", lines.get(2));
        assertEquals("downtime 1: web1/disk until 2026-11-22T08:30:00Z by operator - new disk", lines.get(3));
        assertEquals("downtime 2 (scheduled): web1 and its checks from 2026-11-23T22:00:00Z until"
                + " 2026-11-23T23:00:00Z by alice - kernel", lines.get(4));
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "gw1\\s+-\\s+DOWN\\s+HARD\\s+60s\\s+timed out \\[acknowledged by bob until 2026-11-22T07:00:00Z]")),
                out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "web1\\s+disk\\s+CRITICAL\\s+HARD\\s+60s\\s+disk CRITICAL \\[in downtime until 2026-11-22T08:30:00Z]")),
                out.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("web1\\s+http\\s+WARNING\\s+SOFT 1/3\\s+60s\\s+http WARNING")),
                out.toString());

        assertEquals(ExitCode.OK, udjat("status", "--json"), err.toString());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString());
        assertEquals("alice", json.get("duty").asText());
        assertEquals("bob", json.get("acks").get(0).get("by").asText());
        assertEquals("new disk", json.get("downtimes").get(0).get("comment").asText());
        assertEquals("kernel", json.get("scheduled").get(0).get("comment").asText());
        assertEquals("bob", json.get("rows").get(0).get("ackedBy").asText());
    }
}
