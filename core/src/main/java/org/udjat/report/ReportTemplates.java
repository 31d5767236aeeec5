package org.udjat.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The report's Freemarker templates: the built-in ones, packaged in the jar under
 * {@value #BUILT_IN}, each replaced by the file of the same name in the user's {@code templates_dir}
 * when there is one (a page template, {@code layout.ftlh} that they all import, or the style sheet
 * {@code udjat.css}). Every template is HTML with auto-escaping forced on, so check output, labels
 * and names are shown as text whatever they contain; {@code ?new} and {@code ?api} are off.
 * Thread-safe once loaded (Freemarker's configuration is).
 */
public final class ReportTemplates {
    /** Where the built-in templates are on the class path. */
    static final String BUILT_IN = "/org/udjat/report/templates";
    static final String STYLE = "udjat.css";

    private final Configuration freemarker;
    private final Path userDir;

    private ReportTemplates(Configuration freemarker, Path userDir) {
        this.freemarker = freemarker;
        this.userDir = userDir;
    }

    /** The built-in templates only. */
    public static ReportTemplates builtIn() throws ReportException {
        return load(null);
    }

    /**
     * Loads and parses every page template, so that a template that does not parse is reported before
     * any page is written.
     *
     * @param userDir the user's templates folder, or null for the built-in templates only
     * @throws ReportException naming the template, where it came from, the line and the problem
     */
    public static ReportTemplates load(Path userDir) throws ReportException {
        ReportTemplates templates = new ReportTemplates(configuration(userDir), userDir);
        for (Page.Kind kind : Page.Kind.values()) {
            if (kind.template() != null) {
                templates.template(kind.template());
            }
        }
        templates.css();
        return templates;
    }

    private static Configuration configuration(Path userDir) throws ReportException {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader builtIn = new ClassTemplateLoader(ReportTemplates.class, BUILT_IN);
        if (userDir == null) {
            c.setTemplateLoader(builtIn);
        } else {
            try {
                c.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                    new FileTemplateLoader(userDir.toFile()), builtIn}));
            } catch (IOException e) {
                throw new ReportException("templates folder " + userDir + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        c.setObjectWrapper(new ViewWrapper());
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setAutoEscapingPolicy(Configuration.FORCE_AUTO_ESCAPING_POLICY);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        c.setLocale(Locale.ROOT);
        c.setNumberFormat("computer");
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        return c;
    }

    /**
     * Renders {@code view} with the named template into {@code out}.
     *
     * @throws ReportException when the template fails, naming it and the line
     * @throws IOException     when {@code out} cannot be written
     */
    void render(String name, Object view, Writer out) throws ReportException, IOException {
        Template template = template(name);
        try {
            template.process(view, out);
        } catch (TemplateException e) {
            throw new ReportException("template " + e.getTemplateSourceName() + origin(e.getTemplateSourceName())
                    + position(e.getLineNumber(), e.getColumnNumber()) + ": " + firstPart(e.getMessageWithoutStackTop()), e);
        }
    }

    /** The style sheet: the user's {@code udjat.css} if there is one, else the built-in one. */
    byte[] css() throws ReportException {
        try {
            if (userDir != null && Files.isRegularFile(userDir.resolve(STYLE))) {
                return Files.readAllBytes(userDir.resolve(STYLE));
            }
            try (InputStream in = ReportTemplates.class.getResourceAsStream(BUILT_IN + "/" + STYLE)) {
                if (in == null) {
                    throw new ReportException("the built-in " + STYLE + " is missing from udjat's jar", null);
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new ReportException(STYLE + origin(STYLE) + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private Template template(String name) throws ReportException {
        try {
            return freemarker.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new ReportException("template " + name + " not found" + (userDir == null ? "" : " in " + userDir)
                    + " nor among the built-in templates", e);
        } catch (ParseException e) {
            String source = e.getTemplateName() == null ? name : e.getTemplateName();
            throw new ReportException("template " + source + origin(source)
                    + position(e.getLineNumber(), e.getColumnNumber()) + ": " + firstPart(e.getEditorMessage()), e);
        } catch (IOException e) {
            throw new ReportException("template " + name + origin(name) + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** {@code  (from /etc/udjat/templates)} for a user's template, {@code  (built-in)} otherwise. */
    private String origin(String name) {
        if (name == null) {
            return "";
        }
        return userDir != null && Files.isRegularFile(userDir.resolve(name)) ? " (from " + userDir + ")" : " (built-in)";
    }

    private static String position(int line, int column) {
        return line > 0 ? ", line " + line + ", column " + column : "";
    }

    /**
     * Freemarker's message on one line, without what the rest of ours says already (its tips, its FTL
     * stack, the position, the parser's list of what it expected).
     */
    private static String firstPart(String message) {
        if (message == null) {
            return "unknown problem";
        }
        String head = message.split("\n----", 2)[0].split("\nWas expecting", 2)[0];
        String line = String.join(" ", Arrays.stream(head.split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .toList());
        return line.replaceAll("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]", "");
    }
}
