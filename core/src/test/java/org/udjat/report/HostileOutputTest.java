package org.udjat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.udjat.api.PerfDatum;
import org.udjat.api.Settings;
import org.udjat.api.Status;
import org.udjat.config.CheckSpec;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.config.StatePolicy;
import org.udjat.dispatch.control.Ack;
import org.udjat.dispatch.control.Controls;
import org.udjat.dispatch.control.Downtime;
import org.udjat.dispatch.control.Duty;
import org.udjat.evaluate.Change;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.evaluate.StateDetail;
import org.udjat.evaluate.StateType;
import org.udjat.record.FileNames;

/**
 * Check output is untrusted text from remote hosts: whatever it holds is shown as text on every page,
 * and the HTML parser finds no element, attribute or control character it did not put there itself.
 */
class HostileOutputTest {
    static final Instant NOW = Instant.parse("2026-11-22T06:30:00Z");
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String BREAKOUT = "\"><img src=x onerror=alert(2)>";
    static final String QUOTES = "it's \"quoted\" & <b>bold</b>";
    static final String LONG = "x".repeat(5000);
    static final String CONTROLS = "nul\u0000 bell\u0007 esc\u001b[31mred\u001b[0m del\u007f c1\u0085\u009b";
    static final String BROKEN = "lone \ud800 surrogate, non-character \uffff, replaced \ufffd, bidi \u202eevil";
    static final String SUMMARY = SCRIPT + BREAKOUT + " " + QUOTES;
    static final String CHECK = "x\"><script>alert(4)</script>";
    static final String LABEL = "'><svg onload=alert(3)>";

    static Map<String, String> pages = new LinkedHashMap<>();

    @BeforeAll
    static void renderEveryPage() throws Exception {
        ReportModel model = model();
        ReportRenderer renderer = new ReportRenderer(ReportTemplates.builtIn());
        for (String path : model.pages().keySet()) {
            if (path.endsWith(".html")) {
                byte[] html = renderer.render(model, path).orElseThrow();
                pages.put(path, strictUtf8(html, path));
            }
        }
        assertEquals(6, pages.size(), pages.keySet().toString());
    }

    static ReportModel model() {
        CheckSpec spec = new CheckSpec(CHECK, null, "/bin/evil", Settings.empty(), Duration.ofSeconds(10), 65536,
                StatePolicy.DEFAULT, List.of());
        HostSpec host = new HostSpec("evil1", "evil1", 22, HostSpec.Transport.SSH, null, List.of(), List.of(), null,
                List.of(spec), StatePolicy.DEFAULT);
        Config config = new Config(Path.of("udjat.yaml"), Path.of("/state"), null, Duration.ofMinutes(1),
                Duration.ofSeconds(50), 4, Map.of("evil1", host));
        StateDetail detail = new StateDetail(Status.CRITICAL, StateType.HARD, 3, 3, Status.CRITICAL, Status.CRITICAL,
                List.of(), false, null, BREAKOUT);
        PerfDatum perf = new PerfDatum(LABEL, 1, BREAKOUT, null, null, null, null);
        CheckState check = new CheckState(CHECK, Status.CRITICAL, SUMMARY,
                String.join("\n", CONTROLS, BROKEN, LONG, SCRIPT), List.of(perf), NOW.minusSeconds(30),
                Duration.ofSeconds(1), CONTROLS, NOW.minusSeconds(3600), detail);
        HostState evil = new HostState("evil1", true, SCRIPT + CONTROLS, "linux", NOW.minusSeconds(30),
                NOW.minusSeconds(86400), List.of(check), null);
        Snapshot snapshot = new Snapshot(Snapshot.CURRENT_VERSION, NOW.minusSeconds(40), NOW.minusSeconds(20),
                List.of(evil));
        Change opened = new Change(NOW.minusSeconds(3700), "evil1", CHECK, "OK", "CRITICAL", SUMMARY + CONTROLS,
                ChangeKind.PROBLEM, StateType.HARD, 3, 3, false, BREAKOUT, 0, List.of(), null, List.of());
        Change bogus = new Change(NOW.minusSeconds(3600), "evil1", CHECK, BREAKOUT, SCRIPT, LONG, null, null, 0, 0,
                false, null, 0, List.of(), null, List.of());
        return ReportModel.of(config, Optional.of(snapshot), List.of(opened, bogus), null, NOW, ZoneOffset.UTC,
                controls());
    }

    /** Duty, acks and downtimes as a hand-edited file could hold them: names and comments are user text. */
    static Controls controls() {
        return new Controls(Optional.of(new Duty(SCRIPT + CONTROLS, NOW.minusSeconds(60))),
                List.of(new Ack(BREAKOUT, List.of("evil1", "evil1/" + CHECK, LABEL), BREAKOUT, SUMMARY + CONTROLS,
                        NOW.minusSeconds(60), NOW.plusSeconds(600))),
                List.of(new Downtime(LABEL, "evil1", null, NOW.minusSeconds(60), NOW.plusSeconds(600), QUOTES,
                                SCRIPT + CONTROLS + BROKEN),
                        new Downtime("2", "evil1", CHECK, NOW.plusSeconds(600), NOW.plusSeconds(1200), SCRIPT,
                                BREAKOUT + LONG)));
    }

    @Test
    void commentsAndNamesOfDutyAcksAndDowntimesShowAsText() {
        Document overview = Jsoup.parse(pages.get("index.html"));
        String duty = overview.select(".duty strong").text();
        assertTrue(duty.startsWith(SCRIPT + "nul␀ bell␇ esc␛[31mred"), duty);
        assertTrue(overview.select(".acks .comment").text().startsWith(SUMMARY + "nul\u2400"),
                overview.select(".acks .comment").text());
        assertEquals(BREAKOUT, overview.select(".acks strong").text());
        assertEquals(2, overview.select(".downtimes li").size());
        assertTrue(overview.select(".downtimes .comment").get(1).text().startsWith(BREAKOUT + "xxx"));
        Document check = Jsoup.parse(pages.entrySet().stream().filter(e -> e.getKey().startsWith("checks/"))
                .findFirst().orElseThrow().getValue());
        String marks = check.select(".mark.downtime").text() + " | " + check.select(".mark.acked").text();
        assertTrue(marks.startsWith("in downtime until 2026-11-22 06:40:00 (" + SCRIPT + "nul␀"), marks);
        assertTrue(marks.contains(" | acknowledged by " + BREAKOUT + " until 2026-11-22 06:40:00 (" + SUMMARY), marks);
    }

    private static String strictUtf8(byte[] bytes, String path) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(path + " is not valid UTF-8", e);
        }
    }

    @Test
    void noPageHoldsAnElementOrAttributeFromTheOutput() {
        pages.forEach((path, html) -> {
            Document doc = Jsoup.parse(html);
            assertTrue(doc.select("script, svg, b, iframe, object").isEmpty(), path + ": injected element");
            assertTrue(doc.select("[onerror], [onload], [onclick]").isEmpty(), path + ": injected handler");
            for (Element img : doc.select("img")) {
                assertTrue(img.attr("src").startsWith("../../graphs/evil1/"), path + ": " + img);
            }
            assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), path);
        });
    }

    @Test
    void noPageHoldsControlCharactersLoneSurrogatesOrNonCharacters() {
        pages.forEach((path, html) -> html.codePoints().forEach(c -> {
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c < 0xa0;
            assertFalse(control, path + ": control character U+" + Integer.toHexString(c));
            assertFalse(c >= 0xd800 && c <= 0xdfff || (c & 0xfffe) == 0xfffe, path + ": U+" + Integer.toHexString(c));
        }));
    }

    @Test
    void theCheckPageShowsTheOutputAsText() {
        Document doc = Jsoup.parse(pages.get("checks/evil1/" + FileNames.safe(CHECK) + ".html"));

        assertEquals(SUMMARY, doc.selectFirst("pre.out").wholeText());
        String longOutput = doc.selectFirst("pre.out.long").wholeText();
        assertEquals(List.of(
                "nul\u2400 bell\u2407 esc\u241b[31mred\u241b[0m del\u2421 c1\ufffd\ufffd",
                "lone \ufffd surrogate, non-character \ufffd, replaced \ufffd, bidi \u202eevil",
                LONG,
                SCRIPT), List.of(longOutput.split("\n")));
        assertEquals(CHECK, doc.selectFirst("h1").ownText().replaceFirst("^/ ", ""));
        assertEquals("suppressed by " + BREAKOUT, doc.selectFirst(".mark.suppressed").text());
        assertEquals(LABEL, doc.selectFirst("table.perf td.label").text());
        assertEquals("1" + BREAKOUT, doc.selectFirst("table.perf td.num").text());
        Element img = doc.selectFirst("figure.graph img");
        assertEquals("../../graphs/evil1/" + FileNames.safe(CHECK) + "/" + FileNames.safe(LABEL) + "-day.png",
                img.attr("src"));
        assertEquals(CHECK + ": " + LABEL + " over the last day", img.attr("alt"));
    }

    @Test
    void theOverviewAndTheHistoryShowItAsText() {
        Document overview = Jsoup.parse(pages.get("index.html"));
        assertEquals(SUMMARY, overview.selectFirst(".problem .out").text());
        assertEquals("evil1 / " + CHECK, overview.selectFirst(".problem a.subject").text());

        Document history = Jsoup.parse(pages.get("history.html"));
        List<String> changes = history.select("table.changes td.change").eachText();
        assertEquals(List.of(BREAKOUT + " → " + SCRIPT, "OK → CRITICAL HARD PROBLEM"), changes);
        assertEquals("other", history.selectFirst("td.change .badge").className().replace("badge ", ""));
        assertTrue(history.selectFirst("table.changes td.out").text().startsWith("x".repeat(300) + "\u2026"));
    }

    @Test
    void namesBecomeSafeFileNames() {
        assertTrue(pages.containsKey("checks/evil1/x~22~3E~3Cscript~3Ealert~284~29~3C~2Fscript~3E.html"),
                pages.keySet().toString());
    }
}
