package org.udjat.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.udjat.api.PerfDatum;
import org.udjat.config.Config;
import org.udjat.config.ConfigException;
import org.udjat.evaluate.CheckState;
import org.udjat.evaluate.HostState;
import org.udjat.evaluate.Snapshot;
import org.udjat.record.FileNames;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;
import org.udjat.record.rrd.GraphPeriod;
import org.udjat.record.rrd.GraphRenderer;
import org.udjat.report.ReportException;
import org.udjat.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code udjat cgi}: answers one web request as a CGI program (RFC 3875). The web server names the
 * page in {@code PATH_INFO} ({@code /hosts/web1.html}); the page is rendered from the current
 * status and history with the report's own renderer, so a large installation can skip
 * pre-rendering; graphs ({@code /graphs/web1/disk/~2F-day.png}) are drawn from the RRD files on
 * request. Only pages and graphs of the report exist: anything else, {@code ..} and encoded tricks
 * included, is 404, and no file is ever read by the name in the request.
 */
@Command(name = "cgi", mixinStandardHelpOptions = true,
        description = "Answer one web request for a report page as a CGI program; the page is named by PATH_INFO.")
final class CgiCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    ConfigOptions options;

    CgiCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        String method = context.env().getOrDefault("REQUEST_METHOD", "GET");
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return answer("405 Method Not Allowed", "text/plain; charset=utf-8", "only GET and HEAD\n", "Allow: GET, HEAD\r\n");
        }
        String path = context.env().getOrDefault("PATH_INFO", "");
        if (path.isEmpty() || path.equals("/")) {
            path = "/index.html";
        }
        Optional<byte[]> page;
        try (ConfigSession session = ConfigSession.open(options.file, context.env())) {
            Config config = session.config();
            StateDir dir = StateDir.open(config.stateDir(), context.clock());
            StatusStore.LoadResult loaded = new StatusStore(dir).load();
            loaded.warnings().forEach(w -> context.err().println("udjat: warning: " + w));
            page = path.startsWith("/graphs/") ? graph(config, dir, loaded.snapshot(), path)
                    : new Reporter(config, context.clock()).page(dir, loaded.snapshot(), path);
        } catch (ConfigException e) {
            ConfigErrors.print(context.err(), e, options.file, "");
            return answer("500 Internal Server Error", "text/plain; charset=utf-8",
                    "udjat: the configuration has errors; the web server's error log has them\n", "");
        } catch (ReportException | IOException e) {
            context.err().println("udjat: cgi: " + e.getMessage());
            return answer("500 Internal Server Error", "text/plain; charset=utf-8",
                    "udjat: the page could not be rendered; the web server's error log says why\n", "");
        }
        if (page.isEmpty()) {
            return answer("404 Not Found", "text/plain; charset=utf-8", "no such page\n", "");
        }
        return answer("200 OK", contentType(path), page.get(), "");
    }

    /**
     * A graph drawn on request: {@code /graphs/<host>/<check>/<label>-<period>.png}, each part the
     * {@link FileNames#safe} name of a host, check and perfdata label of the current status. Found by
     * comparing those names, never by opening a file the request names.
     */
    private Optional<byte[]> graph(Config config, StateDir dir, Optional<Snapshot> snapshot, String path) throws IOException {
        String[] parts = path.split("/", -1);
        if (parts.length != 5 || !parts[4].endsWith(".png") || snapshot.isEmpty() || !config.rrd().enabled()) {
            return Optional.empty();
        }
        String file = parts[4].substring(0, parts[4].length() - ".png".length());
        int dash = file.lastIndexOf('-');
        Optional<GraphPeriod> period = dash < 0 ? Optional.empty() : GraphPeriod.fromKey(file.substring(dash + 1));
        if (period.isEmpty()) {
            return Optional.empty();
        }
        String label = file.substring(0, dash);
        Optional<HostState> host = snapshot.get().hosts().stream()
                .filter(h -> FileNames.safe(h.host()).equals(parts[2])).findFirst();
        Optional<CheckState> check = host.flatMap(h -> h.checks().stream()
                .filter(c -> FileNames.safe(c.check()).equals(parts[3])).findFirst());
        Optional<PerfDatum> datum = check.flatMap(c -> c.perfData().stream()
                .filter(p -> FileNames.safe(p.label()).equals(label)).findFirst());
        if (datum.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GraphRenderer(dir, config.rrd(), context.clock())
                    .render(host.get().host(), check.get().check(), datum.get().label(), period.get()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static String contentType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (p.endsWith(".png")) {
            return "image/png";
        }
        return "text/html; charset=utf-8";
    }

    private int answer(String status, String type, String body, String extraHeaders) throws IOException {
        return answer(status, type, body.getBytes(StandardCharsets.UTF_8), extraHeaders);
    }

    /** The CGI response: headers, a blank line, and the body unless the request was HEAD. */
    private int answer(String status, String type, byte[] body, String extraHeaders) throws IOException {
        String head = "Status: " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length
                + "\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n" + extraHeaders + "\r\n";
        context.out().flush();
        OutputStream out = context.bytes();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!"HEAD".equals(context.env().get("REQUEST_METHOD"))) {
            out.write(body);
        }
        out.flush();
        return ExitCode.OK;
    }
}
