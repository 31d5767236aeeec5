package org.udjat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.udjat.api.Contact;
import org.udjat.api.Notice;
import org.udjat.dispatch.outbox.OutboxMessage;

class UndeliveredBlockTest {

    private static OutboxMessage message(String channel, String to, int attempts, String error, boolean gaveUp) {
        Notice notice = new Notice("n-" + channel, ReportFixture.NOW, Notice.Kind.PAGE, Notice.Urgency.PAGE, "DOWN",
                "gw1 DOWN", List.of(), List.of(), to == null ? null : new Contact(to, null, null, null), null, 0);
        return new OutboxMessage("id-" + channel, channel, notice, ReportFixture.NOW.minus(Duration.ofMinutes(12)),
                attempts, null, error, null, List.of(), gaveUp ? ReportFixture.NOW : null);
    }

    private static Document overview(List<OutboxMessage> undelivered) throws Exception {
        ReportModel model = ReportModel.of(ReportFixture.config(), Optional.of(ReportFixture.snapshot()),
                ReportFixture.history(), null, ReportFixture.NOW, ZoneOffset.UTC, undelivered);
        byte[] page = new ReportRenderer(ReportTemplates.builtIn()).render(model, "index.html").orElseThrow();
        return Jsoup.parse(new String(page, StandardCharsets.UTF_8));
    }

    @Test
    void theOverviewShowsUndeliveredMessagesWithTheirErrorsEscaped() throws Exception {
        Document page = overview(List.of(
                message("sms", "alice", 3, "gateway said <script>alert(1)</script>", false),
                message("chat", null, 1, "rejected: HTTP 404", true)));

        Element block = page.selectFirst("section.undelivered");
        assertEquals("Undelivered messages (2)", block.selectFirst("h2").text());
        List<String> items = block.select("li").eachText();
        assertEquals(List.of("retrying PAGE to alice on sms, waiting 12m, 3 failed attempts gateway said <script>alert(1)</script>",
                "gave up PAGE on chat, waiting 12m, 1 failed attempt rejected: HTTP 404"), items);
        assertEquals(List.of("warning", "critical"), block.select(".badge").eachAttr("class").stream()
                .map(c -> c.replace("badge ", "")).toList());
        assertTrue(page.select("script").isEmpty(), "untrusted text stays text");
    }

    @Test
    void withNothingUndeliveredThereIsNoBlock() throws Exception {
        assertTrue(overview(List.of()).select("section.undelivered").isEmpty());
    }
}
