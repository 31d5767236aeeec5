package org.udjat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.cli.Context;
import org.udjat.cli.Main;

/**
 * The report in a real browser: headless Chromium loads pages from a web server on 127.0.0.1 that
 * serves the rendered {@code www/} folders, on a 360-pixel phone screen. No console errors, no
 * request that fails, no horizontal scrolling, no script from check output running, and a
 * screenshot in colour. Screenshots are kept in {@code target/report-screenshots/} for a person to look at.
 */
class ReportBrowserIT {
    static final int CRITICAL_RED = 0xd32f2f;
    static final Path SHOTS = Path.of("target/report-screenshots");

    @TempDir
    static Path dir;
    static StaticServer server;
    static Chromium chromium;
    static DevTools devTools;

    @BeforeAll
    static void start() throws Exception {
        Path fixture = dir.resolve("fixture");
        new ReportRenderer(ReportTemplates.builtIn()).renderAll(ReportFixture.model(), fixture);
        for (String label : List.of("root~20~2F", "~2Fvar~2Flog")) {
            Path png = fixture.resolve("graphs/web1/disk/" + label + "-day.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new BufferedImage(600, 200, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        }
        Path hostile = dir.resolve("hostile");
        new ReportRenderer(ReportTemplates.builtIn()).renderAll(HostileOutputTest.model(), hostile);
        server = new StaticServer(Map.of("/fixture/", fixture, "/hostile/", hostile, "/real/", realRun()));
        chromium = Chromium.start(dir.resolve("profile"));
        devTools = DevTools.connect(chromium.devTools());
        Files.createDirectories(SHOTS);
    }

    /** The www/ of a real {@code udjat run}: pages, and graphs RRD4J drew from the values it stored. */
    static Path realRun() throws Exception {
        Path config = dir.resolve("real.yaml");
        Files.writeString(config, """
                state_dir: real-state
                hosts:
                  web1:
                    transport: local
                    checks:
                      - name: queue
                        command: 'echo "QUEUE WARNING - 12 jobs waiting | jobs=12;10;20;0 age=95s;60;300;0"; exit 1'
                """);
        StringWriter err = new StringWriter();
        int exit = Main.execute(new Context(Map.of(), Clock.systemUTC(),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)),
                "run", "-c", config.toString());
        assertEquals(0, exit, err.toString());
        return dir.resolve("real-state").resolve("www");
    }

    @AfterAll
    static void stop() throws Exception {
        if (devTools != null) {
            devTools.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** What sticks out to the right of the screen, outside boxes that scroll on their own. */
    static final String OVERFLOWING = "Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > WIDTH + 0.5)"
            + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' to ' + Math.round(e.getBoundingClientRect().right))"
            + ".join('; ')";

    /** What loading one page showed. */
    record Visit(List<String> errors, int scrollWidth, String overflowing, BufferedImage screenshot, int dialogs) {
        boolean fits(int width) {
            return scrollWidth <= width;
        }
    }

    static Visit visit(String path, int width, int height, String shot) throws Exception {
        String target = devTools.send(null, "Target.createTarget", Map.of("url", "about:blank"))
                .get("targetId").asText();
        String session = devTools.send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId").asText();
        try {
            for (String domain : List.of("Page", "Runtime", "Log")) {
                devTools.send(session, domain + ".enable", Map.of());
            }
            devTools.send(session, "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
            int seen = devTools.seen();
            devTools.send(session, "Page.navigate", Map.of("url", server.uri(path).toString()));
            devTools.await(session, "Page.loadEventFired", seen);
            int scrollWidth = devTools.send(session, "Runtime.evaluate",
                    Map.of("expression", "document.documentElement.scrollWidth", "returnByValue", true))
                    .get("result").get("value").asInt();
            String overflowing = devTools.send(session, "Runtime.evaluate",
                    Map.of("expression", OVERFLOWING.replace("WIDTH", Integer.toString(width)), "returnByValue", true)).get("result").get("value").asText();
            byte[] png = Base64.getDecoder().decode(devTools.send(session, "Page.captureScreenshot",
                    Map.of("format", "png")).get("data").asText());
            Files.write(SHOTS.resolve(shot), png);
            List<JsonNode> events = devTools.events().stream()
                    .filter(e -> e.path("sessionId").asText().equals(session)).toList();
            List<String> errors = events.stream().filter(ReportBrowserIT::isError).map(JsonNode::toString).toList();
            int dialogs = (int) events.stream()
                    .filter(e -> e.path("method").asText().equals("Page.javascriptDialogOpening")).count();
            return new Visit(errors, scrollWidth, overflowing, ImageIO.read(new ByteArrayInputStream(png)), dialogs);
        } finally {
            devTools.send(null, "Target.closeTarget", Map.of("targetId", target));
        }
    }

    private static boolean isError(JsonNode event) {
        String method = event.path("method").asText();
        JsonNode params = event.path("params");
        return method.equals("Runtime.exceptionThrown")
                || method.equals("Runtime.consoleAPICalled") && List.of("error", "assert").contains(params.path("type").asText())
                || method.equals("Log.entryAdded") && params.path("entry").path("level").asText().equals("error");
    }

    @Test
    void theOverviewFitsAPhoneAndShowsTheProblemsInColour() throws Exception {
        Visit v = visit("/fixture/index.html", 360, 740, "overview-360.png");

        assertEquals(List.of(), v.errors());
        assertTrue(v.fits(360), "scrolls sideways: " + v.scrollWidth() + " px wide: " + v.overflowing());
        Set<Integer> colours = colours(v.screenshot());
        assertTrue(colours.size() >= 20, "a nearly blank screenshot: " + colours.size() + " colours");
        assertTrue(count(v.screenshot(), CRITICAL_RED) >= 500, "the CRITICAL/DOWN red is missing");
        assertEquals(List.of(), failedRequests());
    }

    @Test
    void aRealRunsCheckPageShowsTheGraphsItDrew() throws Exception {
        Visit v = visit("/real/checks/web1/queue.html", 1280, 1600, "real-check-1280.png");
        assertEquals(List.of(), v.errors());
        for (String label : List.of("jobs", "age")) {
            assertTrue(server.requests().contains("200 /real/graphs/web1/queue/" + label + "-day.png"), server.requests().toString());
            BufferedImage graph = ImageIO.read(dir.resolve("real-state/www/graphs/web1/queue/" + label + "-day.png").toFile());
            assertTrue(colours(graph).size() >= 5, label + ": a blank graph");
        }
        assertEquals(List.of(), failedRequests());
    }

    @Test
    void aCheckPageLoadsWithItsGraphsAndFitsAPhone() throws Exception {
        Visit phone = visit("/fixture/checks/web1/disk.html", 360, 740, "check-360.png");
        Visit desktop = visit("/fixture/checks/web1/disk.html", 1280, 1600, "check-1280.png");

        assertEquals(List.of(), phone.errors());
        assertEquals(List.of(), desktop.errors());
        assertTrue(phone.fits(360), "scrolls sideways: " + phone.scrollWidth() + " px wide: " + phone.overflowing());
        assertTrue(count(desktop.screenshot(), CRITICAL_RED) >= 500, "the CRITICAL badge is missing");
        assertTrue(colours(desktop.screenshot()).size() >= 20);
        assertTrue(server.requests().contains("200 /fixture/graphs/web1/disk/root~20~2F-day.png"),
                server.requests().toString());
        assertTrue(server.requests().contains("200 /fixture/udjat.css"));
        assertEquals(List.of(), failedRequests());
    }

    @Test
    void hostileOutputRunsNothingAndBreaksNoLayout() throws Exception {
        for (String page : List.of("index.html", "checks/evil1/x~22~3E~3Cscript~3Ealert~284~29~3C~2Fscript~3E.html",
                "history.html")) {
            Visit v = visit("/hostile/" + page, 360, 740, "hostile-" + page.replaceAll("[^a-z0-9]+", "-") + ".png");

            assertEquals(0, v.dialogs(), page + ": a script from the output ran");
            assertEquals(List.of(), v.errors().stream().filter(e -> !e.contains("graphs/evil1")).toList(), page);
            assertTrue(v.fits(360), page + " scrolls sideways: " + v.scrollWidth() + " px wide: " + v.overflowing());
        }
    }

    /** Requests that failed, except graphs of the hostile world, which nobody drew. */
    private static List<String> failedRequests() {
        return server.requests().stream().filter(r -> !r.startsWith("200 ") && !r.contains("/hostile/graphs/"))
                .toList();
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours;
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
