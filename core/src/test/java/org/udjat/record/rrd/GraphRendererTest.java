package org.udjat.record.rrd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.udjat.record.rrd.Cycles.at;
import static org.udjat.record.rrd.Cycles.check;
import static org.udjat.record.rrd.Cycles.host;
import static org.udjat.record.rrd.Cycles.value;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.udjat.config.RrdSettings;
import org.udjat.record.StateDir;

class GraphRendererTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final RrdSettings SETTINGS = RrdSettings.defaults(STEP);
    /** Plot area 600 x 160 plus axes, title and legend: one legend line more with thresholds. */
    private static final int WIDTH = 691;
    private static final int HEIGHT_WITH_THRESHOLDS = 246;
    private static final int HEIGHT = 233;

    @TempDir
    Path tmp;
    private StateDir dir;
    private RrdPaths paths;
    private RrdStore store;
    private int minutes;

    @BeforeEach
    void open() throws IOException {
        dir = StateDir.open(tmp, Clock.fixed(T0, ZoneOffset.UTC));
        paths = new RrdPaths(dir);
        store = new RrdStore(dir, SETTINGS, Clock.fixed(T0, ZoneOffset.UTC));
        cycles(180);
    }

    /** {@code n} more cycles of web1 (disk: used bytes with thresholds, a percentage; net: a counter) and db1. */
    private void cycles(int n) {
        for (int end = minutes + n; minutes < end; minutes++) {
            Instant at = T0.plus(STEP.multipliedBy(minutes));
            double wave = Math.sin(minutes / 20.0);
            store.update(at(at,
                    host("web1", check("disk", at, value("/var", 3e9 + 1e9 * wave, "B", "4000000000", "4500000000"),
                            value("inodes", 50 + 20 * wave, "%")),
                            check("net", at, value("rx", 1000.0 * minutes * minutes, "c"))),
                    host("db1", check("load", at, value("load1", 1 + wave, "")))));
        }
    }

    private Instant now() {
        return T0.plus(STEP.multipliedBy(minutes - 1)).plusSeconds(20);
    }

    private GraphRenderer renderer() {
        return new GraphRenderer(dir, SETTINGS, Clock.fixed(now(), ZoneOffset.UTC));
    }

    private Path page(String host, String check) throws IOException {
        Path page = paths.pageFile(host, check);
        Files.createDirectories(page.getParent());
        Files.writeString(page, "<html></html>");
        return page;
    }

    private Path png(String check, String label, GraphPeriod period) {
        return paths.graphFile(new SeriesKey("web1", check, label), period);
    }

    private static BufferedImage image(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "not a PNG ImageIO can read");
        return image;
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }

    @Test
    void renderingIsHeadless() {
        renderer();
        assertEquals("true", System.getProperty("java.awt.headless"));
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    @Test
    void everyPeriodOfEveryLabel_isDrawn_forChecksWithAReportPage_only() throws IOException {
        page("web1", "disk");
        GraphRun run = renderer().renderChanged(now().plusSeconds(60));

        assertEquals(new GraphRun(8, 0, 0, List.of()), run);
        for (GraphPeriod p : GraphPeriod.values()) {
            BufferedImage used = image(Files.readAllBytes(png("disk", "/var", p)));
            assertEquals(WIDTH, used.getWidth(), p.key());
            assertEquals(HEIGHT_WITH_THRESHOLDS, used.getHeight(), p.key());
            BufferedImage inodes = image(Files.readAllBytes(png("disk", "inodes", p)));
            assertEquals(HEIGHT, inodes.getHeight(), p.key());
        }
        assertTrue(Files.exists(tmp.resolve("www/graphs/web1/disk/~2Fvar-day.png")));
        assertFalse(Files.exists(tmp.resolve("www/graphs/web1/net")));
        assertFalse(Files.exists(tmp.resolve("www/graphs/db1")));
    }

    @Test
    void aGraphShowsTheValue_theThresholds_andText_inSeveralColours() throws IOException {
        page("web1", "disk");
        renderer().renderChanged(now().plusSeconds(60));
        Set<Integer> day = colours(image(Files.readAllBytes(png("disk", "/var", GraphPeriod.DAY))));

        assertTrue(day.size() > 20, "colours: " + day.size());
        assertTrue(day.contains(0x0055CC), "the value line");
        assertTrue(day.contains(0xE0A000), "the warning line");
        assertTrue(day.contains(0xD00000), "the critical line");
        assertTrue(day.contains(0xFFFFFF), "the background");
        Set<Integer> week = colours(image(Files.readAllBytes(png("disk", "/var", GraphPeriod.WEEK))));
        assertTrue(week.stream().anyMatch(c -> (c & 0xFF) > 0xE0 && (c >> 16 & 0xFF) < 0xE0 && c != 0xFFFFFF),
                "the light blue min-max band");
    }

    @Test
    void graphsAreDrawnAgainOnlyWhenTheirDataChanged() throws IOException {
        page("web1", "disk");
        renderer().renderChanged(now().plusSeconds(60));
        Path day = png("disk", "/var", GraphPeriod.DAY);
        Path week = png("disk", "/var", GraphPeriod.WEEK);
        byte[] dayBefore = Files.readAllBytes(day);
        byte[] weekBefore = Files.readAllBytes(week);
        FileTime updated = Files.getLastModifiedTime(paths.rrdFile(new SeriesKey("web1", "disk", "/var")));
        assertEquals(updated, Files.getLastModifiedTime(day), "a graph carries the time of the data it shows");

        assertEquals(new GraphRun(0, 8, 0, List.of()), renderer().renderChanged(now().plusSeconds(60)));
        assertArrayEquals(dayBefore, Files.readAllBytes(day));

        cycles(1); // minute 180 closes a 30-minute row, so the week graph changes too
        assertEquals(new GraphRun(4, 4, 0, List.of()), renderer().renderChanged(now().plusSeconds(60)));
        assertFalse(java.util.Arrays.equals(dayBefore, Files.readAllBytes(day)));
        assertFalse(java.util.Arrays.equals(weekBefore, Files.readAllBytes(week)));

        cycles(1); // minute 181: only the day graphs
        weekBefore = Files.readAllBytes(week);
        assertEquals(new GraphRun(2, 6, 0, List.of()), renderer().renderChanged(now().plusSeconds(60)));
        assertArrayEquals(weekBefore, Files.readAllBytes(week));
    }

    @Test
    void aPageThatAppearsLater_getsItsGraphs() throws IOException {
        assertEquals(new GraphRun(0, 0, 0, List.of()), renderer().renderChanged(now().plusSeconds(60)));
        page("web1", "net");
        assertEquals(new GraphRun(4, 0, 0, List.of()), renderer().renderChanged(now().plusSeconds(60)));
        assertEquals(HEIGHT, image(Files.readAllBytes(png("net", "rx", GraphPeriod.MONTH))).getHeight());
    }

    @Test
    void graphsLeftWhenTheDeadlineComes_arePostponed() throws IOException {
        page("web1", "disk");
        assertEquals(new GraphRun(0, 0, 8, List.of()), renderer().renderChanged(now()));
        assertFalse(Files.exists(png("disk", "/var", GraphPeriod.DAY)));
    }

    @Test
    void oneGraphOnDemand_looksLikeTheStaticOne() throws IOException {
        page("web1", "disk");
        GraphRenderer renderer = renderer();
        renderer.renderChanged(now().plusSeconds(60));

        byte[] png = renderer.render("web1", "disk", "/var", GraphPeriod.MONTH);
        assertArrayEquals(Files.readAllBytes(png("disk", "/var", GraphPeriod.MONTH)), png);
        assertEquals(WIDTH, image(renderer.render("web1", "net", "rx", GraphPeriod.DAY)).getWidth());
        assertThrows(NoSuchFileException.class, () -> renderer.render("web1", "disk", "/home", GraphPeriod.DAY));
    }

    @Test
    void hostileNames_andAMissingLabelsFile_stillDrawAGraph() throws IOException {
        Instant at = now().plusSeconds(40);
        store.update(at(at, host("web1", check("odd", at, value("a\\l\u0007b%s", 1, "%n\\g")))));
        Files.delete(paths.infoFile("web1", "odd"));
        BufferedImage image = image(renderer().render("web1", "odd", "a\\l\u0007b%s", GraphPeriod.DAY));
        assertEquals(WIDTH, image.getWidth());
    }
}
