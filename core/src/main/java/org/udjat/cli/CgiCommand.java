package org.udjat.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.udjat.config.Config;
import org.udjat.config.ConfigException;
import org.udjat.record.StateDir;
import org.udjat.record.StatusStore;
import org.udjat.report.ReportException;
import org.udjat.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code udjat cgi}: answers one web request as a CGI program (RFC 3875). The web server names the
 * page in {@code PATH_INFO} ({@code /hosts/web1.html}); the page is rendered from the current
 * status and history with the report's own renderer, so a large installation can skip
 * pre-rendering. Only pages of the report exist: anything else, {@code ..} and encoded tricks
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
            page = new Reporter(config, context.clock()).page(dir, loaded.snapshot(), path);
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
