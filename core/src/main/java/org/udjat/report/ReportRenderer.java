package org.udjat.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.udjat.record.AtomicFiles;
import org.udjat.record.IoReason;

/**
 * Renders the report: one page on request, as bytes (what the CGI serves), or every page into the
 * state directory's {@code www/}.
 *
 * <p>Every file is replaced atomically (a web server never serves half a page). A template that
 * fails on the first page of its kind fails before anything is written; pages of hosts and checks
 * that are no longer shown are removed, and so are history pages beyond the current count. Nothing
 * else under {@code www/} is touched: {@code graphs/} belongs to the RRD stage. One
 * {@code renderAll} at a time per directory (the cycle lock sees to it); {@code render} may be
 * called from several threads on models of their own.
 */
public final class ReportRenderer {
    private static final Pattern HISTORY_PAGE = Pattern.compile("history(-\\d+)?\\.html");

    private final ReportTemplates templates;

    public ReportRenderer(ReportTemplates templates) {
        this.templates = templates;
    }

    /**
     * What {@link #renderAll} did.
     *
     * @param written pages written (the style sheet included)
     * @param removed pages removed because their host or check is no longer shown
     */
    public record Result(int written, int removed) {
    }

    /**
     * The page at {@code path} (as in {@link ReportModel#page}), UTF-8; empty when there is no such page.
     *
     * @throws ReportException when its template fails
     */
    public Optional<byte[]> render(ReportModel model, String path) throws ReportException {
        Optional<Page> page = model.page(path);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(render(new Views(model), page.get()));
    }

    /**
     * Renders one page of a model into {@code out}.
     *
     * @throws ReportException when its template fails
     * @throws IOException     when {@code out} cannot be written
     */
    public void render(ReportModel model, Page page, Writer out) throws ReportException, IOException {
        if (page.kind() == Page.Kind.STYLE) {
            out.write(new String(templates.css(), StandardCharsets.UTF_8));
        } else {
            templates.render(page.kind().template(), new Views(model).of(page), out);
        }
    }

    private byte[] render(Views views, Page page) throws ReportException {
        if (page.kind() == Page.Kind.STYLE) {
            return templates.css();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            templates.render(page.kind().template(), views.of(page), out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Renders every page of the model into {@code www} and removes the pages of what is no longer shown.
     *
     * @throws ReportException when a template fails; pages written before stay, the others keep their old content
     * @throws IOException     when a file cannot be written or removed, naming it
     */
    public Result renderAll(ReportModel model, Path www) throws ReportException, IOException {
        Views views = new Views(model);
        createDirectories(www.resolve("hosts"));
        createDirectories(www.resolve("checks"));
        Set<Path> dirs = new HashSet<>();
        Set<Path> written = new HashSet<>();
        // the first page of each kind is rendered before anything is written: a broken template stops it all
        Map<Page, byte[]> first = new LinkedHashMap<>();
        Set<Page.Kind> seen = EnumSet.noneOf(Page.Kind.class);
        List<Page> rest = new ArrayList<>();
        for (Page page : model.pages().values()) {
            if (seen.add(page.kind())) {
                first.put(page, render(views, page));
            } else {
                rest.add(page);
            }
        }
        for (Map.Entry<Page, byte[]> e : first.entrySet()) {
            write(www, e.getKey(), e.getValue(), dirs, written);
        }
        for (Page page : rest) {
            write(www, page, render(views, page), dirs, written);
        }
        int removed = removeOthers(www, written);
        return new Result(written.size(), removed);
    }

    private static void write(Path www, Page page, byte[] content, Set<Path> dirs, Set<Path> written)
            throws IOException {
        Path file = www.resolve(page.path());
        Path dir = file.getParent();
        if (dirs.add(dir)) {
            createDirectories(dir);
        }
        AtomicFiles.replace(file, content);
        written.add(file);
    }

    private static void createDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create " + dir + ": " + IoReason.of(e), e);
        }
    }

    private static void delete(Path file) throws IOException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IOException("cannot remove " + file + ": " + IoReason.of(e), e);
        }
    }

    /** Removes pages under {@code hosts/} and {@code checks/}, and history pages, that were not just written. */
    private static int removeOthers(Path www, Set<Path> written) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> top = Files.newDirectoryStream(www)) {
            for (Path p : top) {
                if (HISTORY_PAGE.matcher(p.getFileName().toString()).matches() && !written.contains(p)) {
                    delete(p);
                    removed++;
                }
            }
        }
        removed += removePages(www.resolve("hosts"), written);
        try (DirectoryStream<Path> hosts = Files.newDirectoryStream(www.resolve("checks"))) {
            for (Path dir : hosts) {
                if (Files.isDirectory(dir)) {
                    removed += removePages(dir, written);
                    removeIfEmpty(dir);
                }
            }
        }
        return removed;
    }

    private static int removePages(Path dir, Set<Path> written) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                boolean page = name.endsWith(".html") && !written.contains(p);
                boolean leftover = name.startsWith(".") && name.endsWith(".html.tmp");
                if ((page || leftover) && Files.isRegularFile(p)) {
                    delete(p);
                    removed += page ? 1 : 0;
                }
            }
        }
        return removed;
    }

    private static void removeIfEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                return;
            }
        }
        delete(dir);
    }
}
