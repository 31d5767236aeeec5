package org.udjat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.udjat.evaluate.Change;

/** The incidents page when only the recent history was read: problems older than it still show, as ongoing. */
class IncidentsPageTest {
    @Test
    void problemsThatBeganBeforeTheHistoryReadShowAsOngoingSinceTheirState() throws Exception {
        Instant readFrom = Instant.parse("2026-11-22T05:00:00Z");
        List<Change> recent = ReportFixture.history().stream().filter(c -> !c.time().isBefore(readFrom)).toList();
        ReportModel model = ReportModel.of(ReportFixture.config(), Optional.of(ReportFixture.snapshot()), recent,
                readFrom, ReportFixture.NOW, ZoneOffset.UTC);

        Document page = Jsoup.parse(new String(new ReportRenderer(ReportTemplates.builtIn())
                .render(model, "incidents.html").orElseThrow(), StandardCharsets.UTF_8));

        List<String> ongoing = page.select("table.incidents").get(0).select("tbody tr").eachText();
        assertEquals(List.of(
                "db1 DOWN 2026-11-22 06:03:00 \u2014 ongoing 27m 2m \u2014",
                "web1/app suppressed by db1 DOWN CRITICAL 2026-11-22 06:03:00 \u2014 ongoing 27m 2m \u2014",
                "cam1 suppressed by sw2 DOWN UNREACHABLE 2026-11-22 05:00:00 \u2014 ongoing 90m 0s \u2014",
                "sw2 DOWN 2026-11-22 05:00:00 \u2014 ongoing 90m 0s \u2014",
                "web1/disk CRITICAL by 2026-11-22 04:19:00 \u2014 ongoing 2h 11m \u2014 \u2014",
                "web1/ntp UNKNOWN by 2026-11-22 03:00:00 \u2014 ongoing 3h 30m \u2014 \u2014"), ongoing);
        assertEquals("Ended in the last 30d (0)", page.select("h2").get(1).text());
    }
}
