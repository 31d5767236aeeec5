package org.udjat.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.config.Config;
import org.udjat.config.HostSpec;
import org.udjat.config.ReportSettings;

/** Rendering every page into a real www/ folder, one page on request, and the user's templates. */
class ReportRendererTest {
    @TempDir
    Path dir;

    static final List<String> FIXTURE_PAGES = List.of("index.html", "hosts/gw1.html", "hosts/web1.html",
            "hosts/db1.html", "hosts/sw2.html", "hosts/cam1.html", "checks/gw1/ping.html", "checks/web1/disk.html",
            "checks/web1/http.html", "checks/web1/load.html", "checks/web1/app.html", "checks/web1/queue.html",
            "checks/web1/ntp.html", "checks/db1/postgres.html", "checks/cam1/stream.html", "history.html",
            "incidents.html", "availability.html", "udjat.css");

    private static ReportRenderer builtIn() throws ReportException {
        return new ReportRenderer(ReportTemplates.builtIn());
    }

    @Test
    void everyPageIsWrittenWithNoTemporaryFileLeft() throws Exception {
        Path www = dir.resolve("www");
        ReportModel model = ReportFixture.model();

        ReportRenderer.Result result = builtIn().renderAll(model, www);

        assertEquals(new ReportRenderer.Result(19, 0), result);
        assertEquals(FIXTURE_PAGES.stream().sorted().toList(), files(www));
        assertEquals(new String(builtIn().render(model, "index.html").orElseThrow(), StandardCharsets.UTF_8),
                Files.readString(www.resolve("index.html")));
        assertEquals(Files.readString(Path.of("../templates/udjat.css")), Files.readString(www.resolve("udjat.css")));
    }

    @Test
    void aSecondRenderingKeepsOneSpareBesideEachPage() throws Exception {
        Path www = dir.resolve("www");
        builtIn().renderAll(ReportFixture.model(), www);

        ReportRenderer.Result again = builtIn().renderAll(ReportFixture.model(), www);

        assertEquals(new ReportRenderer.Result(19, 0), again);
        List<String> expected = new java.util.ArrayList<>(FIXTURE_PAGES);
        FIXTURE_PAGES.forEach(p -> expected.add(Path.of(p).resolveSibling("." + Path.of(p).getFileName() + ".tmp")
                .toString()));
        assertEquals(expected.stream().sorted().toList(), files(www));
    }

    @Test
    void pagesOfRemovedHostsAndChecksAreRemovedAndNothingElseIsTouched() throws Exception {
        Path www = dir.resolve("www");
        builtIn().renderAll(ReportFixture.model(), www);
        Path graph = www.resolve("graphs/cam1/stream/fps-day.png");
        Files.createDirectories(graph.getParent());
        Files.write(graph, new byte[] {1, 2, 3});
        Files.writeString(www.resolve("notes.txt"), "mine");
        Files.writeString(www.resolve("history-7.html"), "an old page");
        Files.writeString(www.resolve("checks/web1/.ntp.html.tmp"), "left by a crash");

        Config smaller = without(ReportFixture.config(), "cam1", "web1", "ntp");
        ReportRenderer.Result result = builtIn().renderAll(ReportModel.of(smaller, Optional.of(ReportFixture.snapshot()),
                ReportFixture.history(), ReportFixture.NOW, ZoneOffset.UTC), www);

        assertEquals(new ReportRenderer.Result(16, 4), result);
        assertFalse(Files.exists(www.resolve("hosts/cam1.html")));
        assertFalse(Files.exists(www.resolve("hosts/.cam1.html.tmp")), "nor its spare");
        assertTrue(Files.exists(www.resolve("hosts/.web1.html.tmp")), "the spare of a page still shown stays");
        assertFalse(Files.exists(www.resolve("checks/cam1")), "the folder of a removed host goes too");
        assertFalse(Files.exists(www.resolve("checks/web1/ntp.html")));
        assertFalse(Files.exists(www.resolve("checks/web1/.ntp.html.tmp")));
        assertFalse(Files.exists(www.resolve("history-7.html")));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(graph));
        assertEquals("mine", Files.readString(www.resolve("notes.txt")));
        String index = Files.readString(www.resolve("index.html"));
        assertFalse(index.contains("cam1"), "a removed host is not on the overview");
        String history = Files.readString(www.resolve("history.html"));
        assertTrue(history.contains("<td class=\"subject\">cam1</td>"), "its history stays, without a link");
    }

    /** The config with one host, or one check of a host, left out. */
    static Config without(Config config, String host, String checkHost, String check) {
        Map<String, HostSpec> hosts = new LinkedHashMap<>(config.hosts());
        hosts.remove(host);
        HostSpec h = hosts.get(checkHost);
        hosts.put(checkHost, new HostSpec(h.name(), h.address(), h.port(), h.transport(), h.platform(), h.tags(),
                h.parents(), h.ssh(), h.checks().stream().filter(c -> !c.name().equals(check)).toList(), h.policy()));
        return new Config(config.file(), config.stateDir(), config.pluginsDir(), config.interval(),
                config.cycleDeadline(), config.concurrency(), hosts, config.report());
    }

    @Test
    void onePageOnRequestAsACgiAsksForIt() throws Exception {
        ReportModel model = ReportFixture.model();
        ReportRenderer renderer = builtIn();

        assertEquals(text(renderer.render(model, "index.html")), text(renderer.render(model, "/")));
        assertTrue(text(renderer.render(model, "/hosts/web1.html")).contains("<h1>web1</h1>"));
        assertTrue(text(renderer.render(model, "checks/web1/disk.html")).contains("DISK CRITICAL - / 96.5% used"));
        assertTrue(text(renderer.render(model, "/history.html")).contains("<h1>History</h1>"));
        assertEquals(Files.readString(Path.of("../templates/udjat.css")), text(renderer.render(model, "/udjat.css")));
        for (String missing : List.of("/hosts/nope.html", "/../status.json", "/hosts/web1.html?x=1", "hosts",
                "/checks/web1/", "/history-2.html", "/graphs/web1/disk/x-day.png")) {
            assertEquals(Optional.empty(), renderer.render(model, missing), missing);
        }
    }

    @Test
    void theReportBeforeTheFirstCycleSaysSo() throws Exception {
        ReportModel empty = ReportModel.of(ReportFixture.config(), Optional.empty(), List.of(), ReportFixture.NOW,
                ZoneOffset.UTC);
        Path www = dir.resolve("www");

        builtIn().renderAll(empty, www);

        assertEquals(List.of("availability.html", "history.html", "incidents.html", "index.html", "udjat.css"),
                files(www));
        assertTrue(Files.readString(www.resolve("index.html")).contains("<strong>No data yet:</strong>"));
    }

    @Test
    void aUserTemplateReplacesTheBuiltInOneOfTheSameName() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("host.ftlh"), """
                <#import "layout.ftlh" as l>
                <@l.page page><p class="mine">${name} is ${state}</p></@l.page>
                """);
        Files.writeString(templates.resolve("udjat.css"), "body { color: black; }\n");
        ReportRenderer renderer = new ReportRenderer(ReportTemplates.load(templates));
        ReportModel model = ReportFixture.model();

        assertTrue(text(renderer.render(model, "hosts/db1.html")).contains("<p class=\"mine\">db1 is DOWN</p>"));
        assertTrue(text(renderer.render(model, "hosts/db1.html")).contains("<link rel=\"stylesheet\" href=\"../udjat.css\">"));
        assertEquals("body { color: black; }\n", text(renderer.render(model, "udjat.css")));
        assertEquals(text(builtIn().render(model, "index.html")), text(renderer.render(model, "index.html")));
    }

    @Test
    void aTemplateThatDoesNotParseIsNamedWithItsLineAndNothingIsWritten() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("index.ftlh"), "<#import \"layout.ftlh\" as l>\n<@l.page page>\n<#if problems?has_content>\n</@l.page>\n");

        ReportException e = assertThrows(ReportException.class, () -> ReportTemplates.load(templates));

        assertTrue(e.getMessage().startsWith("template index.ftlh (from " + templates + "), line 4, column 1: "
                + "Encountered \"</@l.page>\", but at this place only this can be closed: \"#if\"."), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("Was expecting"), e.getMessage());
    }

    @Test
    void aTemplateThatFailsWhileRenderingIsNamedWithItsLineAndNothingIsWritten() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("check.ftlh"), "<#import \"layout.ftlh\" as l>\n<p>${nosuchthing}</p>\n");
        Path www = dir.resolve("www");
        ReportRenderer renderer = new ReportRenderer(ReportTemplates.load(templates));

        ReportException e = assertThrows(ReportException.class, () -> renderer.renderAll(ReportFixture.model(), www));

        assertEquals("template check.ftlh (from " + templates + "), line 2, column 6: "
                + "The following has evaluated to null or missing: ==> nosuchthing", e.getMessage());
        assertEquals(List.of(), files(www), "no page is written when the first of a kind fails");
    }

    @Test
    void templatesCannotRunJavaCode() throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("index.ftlh"),
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
        ReportRenderer renderer = new ReportRenderer(ReportTemplates.load(templates));

        ReportException e = assertThrows(ReportException.class, () -> renderer.render(ReportFixture.model(), "/"));

        assertEquals("template index.ftlh (from " + templates + "), line 1, column 1: Instantiating "
                + "freemarker.template.utility.Execute is not allowed in the template for security reasons.",
                e.getMessage());
    }

    private static String text(Optional<byte[]> page) {
        return new String(page.orElseThrow(), StandardCharsets.UTF_8);
    }

    static List<String> files(Path www) throws IOException {
        if (!Files.exists(www)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(www)) {
            return all.filter(Files::isRegularFile).map(p -> www.relativize(p).toString()).sorted().toList();
        }
    }
}
