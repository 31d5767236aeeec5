package org.udjat.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in templates render the fixture world exactly as the committed pages under
 * {@code src/test/resources/report/golden/}. After an intended change of a template or a view,
 * regenerate them with
 * {@code mvn -pl core -am test -Dtest=GoldenPagesTest -Dsurefire.failIfNoSpecifiedTests=false -Dudjat.golden.update=true}
 * (the run rewrites the files and fails, so it can never pass unnoticed), then review the diff.
 */
class GoldenPagesTest {
    static final Path GOLDEN = Path.of("src/test/resources/report/golden");
    static final boolean UPDATE = Boolean.getBoolean("udjat.golden.update");

    static Stream<String> pages() {
        return Stream.of("index.html", "hosts/web1.html", "hosts/cam1.html", "checks/web1/disk.html",
                "checks/web1/queue.html", "checks/db1/postgres.html", "history.html", "incidents.html",
                "availability.html");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageIsRenderedAsCommitted(String path) throws Exception {
        byte[] html = new ReportRenderer(ReportTemplates.builtIn()).render(ReportFixture.model(), path).orElseThrow();
        String actual = new String(html, StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(path);
        if (UPDATE) {
            rewrite(golden, actual);
            fail("rewrote " + golden + "; review the diff and run again without -Dudjat.golden.update");
        }
        assertEquals(Files.readString(golden), actual, path + " differs from " + golden);
    }

    private static void rewrite(Path golden, String content) throws IOException {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, content);
    }
}
