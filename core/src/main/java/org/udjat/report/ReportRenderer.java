package org.udjat.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.record.AtomicFiles;
import org.udjat.record.IoReason;

/**
 * Renders the report: one page on request, as bytes (what the CGI serves), or every page into the
 * state directory's {@code www/}.
 *
 * <p>Every file is replaced atomically with {@link AtomicFiles#rewrite} (a web server never serves half
 * a page). The first page of each kind is rendered before anything is written, so a template that
 * fails on it fails before any page changes; the rest are rendered and written by as many threads as
 * there are processors. Pages of hosts and checks that are no longer shown are removed, and so are
 * history pages beyond the current count. Nothing else under {@code www/} is touched: {@code graphs/}
 * belongs to the RRD stage. One {@code renderAll} at a time per directory (the cycle lock sees to it);
 * {@code render} may be called from several threads.
 */
public final class ReportRenderer {
    private static final Pattern HISTORY_PAGE = Pattern.compile("history(-\\d+)?\\.html");
    /** A page ({@code web1.html}), or the spare and the link {@link AtomicFiles#rewrite} keeps beside it. */
    private static final Pattern PAGE_FILE = Pattern.compile("(\\.)?([^.].*\\.html)(\\.tmp|\\.old)?");

    private final ReportTemplates templates;
    private final int threads;

    public ReportRenderer(ReportTemplates templates) {
        this(templates, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads how many threads {@link #renderAll} renders and writes with */
    public ReportRenderer(ReportTemplates templates, int threads) {
        this.templates = templates;
        this.threads = Math.max(1, threads);
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
        TextBuffer out = new TextBuffer();
        try {
            templates.render(page.kind().template(), views.of(page), out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.utf8();
    }

    /**
     * Renders every page of the model into {@code www} and removes the pages of what is no longer shown.
     *
     * @throws ReportException when a template fails; pages written before stay, the others keep their old content
     * @throws IOException     when a file cannot be written or removed, naming it
     */
    public Result renderAll(ReportModel model, Path www) throws ReportException, IOException {
        Views views = new Views(model);
        Writing writing = new Writing(www);
        writing.directory(www.resolve("hosts"));
        writing.directory(www.resolve("checks"));
        List<Page> first = new ArrayList<>();
        List<Page> rest = new ArrayList<>();
        Set<Page.Kind> seen = EnumSet.noneOf(Page.Kind.class);
        for (Page page : model.pages().values()) {
            (seen.add(page.kind()) ? first : rest).add(page);
        }
        List<byte[]> rendered = new ArrayList<>();
        for (Page page : first) {
            rendered.add(render(views, page));
        }
        for (int i = 0; i < first.size(); i++) {
            writing.write(first.get(i), rendered.get(i));
        }
        renderInParallel(views, rest, writing);
        return new Result(writing.written.size(), removeOthers(www, writing.written));
    }

    /** Renders and writes the pages with {@link #threads} threads; the first failure stops them all. */
    private void renderInParallel(Views views, List<Page> pages, Writing writing) throws ReportException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "udjat-report");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean failed = new AtomicBoolean();
        try {
            List<Future<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                work.add(pool.submit(() -> {
                    for (int i = offset; i < pages.size() && !failed.get(); i += threads) {
                        try {
                            writing.write(pages.get(i), render(views, pages.get(i)));
                        } catch (ReportException | IOException | RuntimeException e) {
                            failed.set(true);
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : work) {
                f.get();
            }
        } catch (ExecutionException e) {
            rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("rendering the report was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void rethrow(Throwable cause) throws ReportException, IOException {
        if (cause instanceof ReportException r) {
            throw r;
        }
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException(cause);
    }

    /** The files written so far, and the folders made for them; safe for several threads. */
    private static final class Writing {
        private final Path www;
        private final Set<Path> dirs = ConcurrentHashMap.newKeySet();
        private final Set<Path> written = ConcurrentHashMap.newKeySet();

        Writing(Path www) {
            this.www = www;
        }

        void write(Page page, byte[] content) throws IOException {
            Path file = www.resolve(page.path());
            Path dir = file.getParent();
            if (!dirs.contains(dir)) {
                directory(dir);
            }
            AtomicFiles.rewrite(file, content);
            written.add(file);
        }

        void directory(Path dir) throws IOException {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new IOException("cannot create " + dir + ": " + IoReason.of(e), e);
            }
            dirs.add(dir);
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
        int removed = removePages(www, written, HISTORY_PAGE);
        removed += removePages(www.resolve("hosts"), written, null);
        try (DirectoryStream<Path> hosts = Files.newDirectoryStream(www.resolve("checks"))) {
            for (Path dir : hosts) {
                if (Files.isDirectory(dir)) {
                    removed += removePages(dir, written, null);
                    removeIfEmpty(dir);
                }
            }
        }
        return removed;
    }

    /**
     * Removes the pages in {@code dir} (only those matching {@code only}, when given) that were not written, with
     * their spares; returns how many pages.
     */
    private static int removePages(Path dir, Set<Path> written, Pattern only) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                Matcher m = PAGE_FILE.matcher(p.getFileName().toString());
                boolean spare = m.matches() && m.group(1) != null;
                if (!m.matches() || spare != (m.group(3) != null) || only != null && !only.matcher(m.group(2)).matches()) {
                    continue;
                }
                if (!written.contains(dir.resolve(m.group(2))) && Files.isRegularFile(p)) {
                    delete(p);
                    removed += spare ? 0 : 1;
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
