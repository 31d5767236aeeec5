package org.udjat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.config.Config;
import org.udjat.dispatch.control.AckStore;
import org.udjat.dispatch.control.DowntimeStore;
import org.udjat.dispatch.control.DutyStore;
import org.udjat.record.StateDir;

/** The report stage reads duty, acks and downtimes from the state directory, for the static pages and the CGI alike. */
class ReporterControlsTest {
    @TempDir
    Path state;

    private final Clock clock = Clock.fixed(ReportFixture.NOW, ZoneOffset.UTC);

    @Test
    void staticPagesAndCgiPagesShowWhatTheStoresHold() throws Exception {
        StateDir dir = StateDir.open(state, clock);
        new DutyStore(dir).take("carol", ReportFixture.at("2026-11-22T06:00:00Z"));
        new AckStore(dir).add(List.of("web1/disk"), "carol", "on it", ReportFixture.at("2026-11-22T06:25:00Z"),
                ReportFixture.at("2026-11-22T06:55:00Z"));
        new DowntimeStore(dir).add("db1", null, ReportFixture.at("2026-11-22T06:00:00Z"),
                ReportFixture.at("2026-11-22T08:00:00Z"), "carol", "restore from backup", ReportFixture.NOW);
        Config config = ReportFixture.config();
        Reporter reporter = new Reporter(config, clock);

        Reporter.Outcome outcome = reporter.report(dir, Optional.of(ReportFixture.snapshot()));
        assertEquals(List.of(), outcome.warnings());
        Document index = Jsoup.parse(Files.readString(dir.wwwDir().resolve("index.html")));
        assertEquals("On duty carol since 2026-11-22 06:00:00", index.select(".duty").text());
        assertEquals("ack 1 web1/disk by carol until 2026-11-22 06:55:00 (25m left) on it",
                index.select(".acks li").text());
        assertEquals("downtime 1 db1 and its checks until 2026-11-22 08:00:00 by carol restore from backup",
                index.select(".downtimes li").text());

        String db1 = new String(reporter.page(dir, Optional.of(ReportFixture.snapshot()), "/hosts/db1.html")
                .orElseThrow(), StandardCharsets.UTF_8);
        assertEquals("in downtime until 2026-11-22 08:00:00 (restore from backup)",
                Jsoup.parse(db1).select(".mark.downtime").text());
        assertEquals(Files.readString(dir.wwwDir().resolve("hosts/db1.html")), db1, "the CGI serves the same page");
        String postgres = new String(reporter.page(dir, Optional.of(ReportFixture.snapshot()),
                "/checks/db1/postgres.html").orElseThrow(), StandardCharsets.UTF_8);
        assertEquals("in downtime until 2026-11-22 08:00:00 (restore from backup)",
                Jsoup.parse(postgres).select(".mark.downtime").text(), "a host's downtime covers its checks");
    }

    @Test
    void aCorruptControlFileIsAWarningNotAFailure() throws Exception {
        StateDir dir = StateDir.open(state, clock);
        Files.writeString(state.resolve("acks.json"), "[{\"id\":");
        Reporter.Outcome outcome = new Reporter(ReportFixture.config(), clock)
                .report(dir, Optional.of(ReportFixture.snapshot()));
        assertEquals(1, outcome.warnings().size(), outcome.warnings().toString());
        assertTrue(outcome.warnings().get(0).startsWith(state.resolve("acks.json") + ": unreadable ("),
                outcome.warnings().get(0));
        Document index = Jsoup.parse(Files.readString(dir.wwwDir().resolve("index.html")));
        assertTrue(index.select(".acks").isEmpty());
        assertTrue(Files.exists(state.resolve("acks.json")), "the report only reads");
    }
}
