package org.udjat.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.evaluate.ChangeKind;
import org.udjat.evaluate.StateType;
import org.udjat.record.HistoryLog;
import org.udjat.record.StateDir;

/**
 * The report keeps the history it decoded in {@code history.cache}: the pages are the same with it or without
 * it, and the CGI reads it but never writes it.
 */
class ReporterHistoryCacheTest {
    @TempDir
    Path state;

    private final Clock clock = Clock.fixed(ReportFixture.NOW, ZoneOffset.UTC);

    @Test
    void pagesAreTheSameWithTheCacheAsWithoutAndTheCgiLeavesItAlone() throws Exception {
        StateDir dir = StateDir.open(state, clock);
        HistoryLog log = new HistoryLog(dir);
        List<org.udjat.evaluate.Change> history = ReportFixture.history();
        log.append(history.subList(0, history.size() - 2));
        Reporter reporter = new Reporter(ReportFixture.config(), clock);
        reporter.report(dir, Optional.of(ReportFixture.snapshot()));
        assertTrue(Files.exists(dir.historyCache()), "written by the report");

        log.append(history.subList(history.size() - 2, history.size()));
        log.append(List.of(ReportFixture.change("2026-11-22T06:29:30Z", "web1/load", "OK", "CRITICAL", ChangeKind.PROBLEM,
                StateType.HARD, 3, 3, null, "appended after the cache was written")));
        byte[] cache = Files.readAllBytes(dir.historyCache());
        String cgi = new String(reporter.page(dir, Optional.of(ReportFixture.snapshot()), "/history.html").orElseThrow(),
                StandardCharsets.UTF_8);
        assertTrue(cgi.contains("appended after the cache was written"), "the CGI reads the lines after the cache");
        assertArrayEquals(cache, Files.readAllBytes(dir.historyCache()), "the CGI never writes the cache");

        reporter.report(dir, Optional.of(ReportFixture.snapshot()));
        assertFalse(java.util.Arrays.equals(cache, Files.readAllBytes(dir.historyCache())), "brought up to date");
        assertEquals(Files.readString(dir.wwwDir().resolve("history.html")), cgi);
        Map<String, String> withCache = pages(dir.wwwDir());

        Files.delete(dir.historyCache());
        reporter.report(dir, Optional.of(ReportFixture.snapshot()));
        assertEquals(withCache, pages(dir.wwwDir()), "every page as rendered from the history file alone");
        assertTrue(withCache.get("history.html").contains("appended after the cache was written"));
    }

    private static Map<String, String> pages(Path www) throws IOException {
        Map<String, String> pages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(www)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")
                    && !p.getFileName().toString().startsWith(".")).toList()) {
                pages.put(www.relativize(f).toString(), Files.readString(f));
            }
        }
        return pages;
    }
}
