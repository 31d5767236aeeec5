package org.udjat.report;

import java.util.List;
import org.udjat.record.FileNames;

/**
 * One file of the report, by where it lives under {@code www/}. The layout is fixed, because the
 * graphs and the CGI link to it: {@code index.html}, {@code hosts/<host>.html},
 * {@code checks/<host>/<check>.html}, {@code history.html} then {@code history-2.html}...,
 * {@code incidents.html}, {@code availability.html} and {@code udjat.css}, with host and check
 * names made safe by {@link FileNames#safe}.
 *
 * @param kind   what the page shows
 * @param host   the host of a host or check page, else null
 * @param check  the check of a check page, else null
 * @param number the page number of a history page (from 1), else 0
 */
public record Page(Kind kind, String host, String check, int number) {

    /** What a page shows, and the template that renders it. */
    public enum Kind {
        OVERVIEW("index.ftlh"),
        HOST("host.ftlh"),
        CHECK("check.ftlh"),
        HISTORY("history.ftlh"),
        INCIDENTS("incidents.ftlh"),
        AVAILABILITY("availability.ftlh"),
        /** the style sheet: copied, not rendered */
        STYLE(null);

        private final String template;

        Kind(String template) {
            this.template = template;
        }

        /** The template's name, null for the style sheet. */
        public String template() {
            return template;
        }
    }

    public static final Page OVERVIEW = new Page(Kind.OVERVIEW, null, null, 0);
    public static final Page INCIDENTS = new Page(Kind.INCIDENTS, null, null, 0);
    public static final Page AVAILABILITY = new Page(Kind.AVAILABILITY, null, null, 0);
    public static final Page STYLE = new Page(Kind.STYLE, null, null, 0);

    static Page host(String host) {
        return new Page(Kind.HOST, host, null, 0);
    }

    static Page check(String host, String check) {
        return new Page(Kind.CHECK, host, check, 0);
    }

    static Page history(int number) {
        return new Page(Kind.HISTORY, null, null, number);
    }

    /** The file's path under {@code www/}, with {@code /} as separator. */
    public String path() {
        return switch (kind) {
            case OVERVIEW -> "index.html";
            case HOST -> hostPath(host);
            case CHECK -> checkPath(host, check);
            case HISTORY -> historyPath(number);
            case INCIDENTS -> "incidents.html";
            case AVAILABILITY -> "availability.html";
            case STYLE -> "udjat.css";
        };
    }

    /** The way from this page back to {@code www/}: {@code ""}, {@code "../"} or {@code "../../"}. */
    public String root() {
        return kind == Kind.HOST ? "../" : kind == Kind.CHECK ? "../../" : "";
    }

    static String hostPath(String host) {
        return "hosts/" + FileNames.safe(host) + ".html";
    }

    static String checkPath(String host, String check) {
        return "checks/" + FileNames.safe(host) + "/" + FileNames.safe(check) + ".html";
    }

    static String historyPath(int number) {
        return number <= 1 ? "history.html" : "history-" + number + ".html";
    }

    /**
     * The graphs of one measured value for each of {@code periods} ({@code day}, {@code week}...), relative to
     * {@code www/}, in that order; the names are made safe once.
     */
    static List<String> graphPaths(String host, String check, String label, List<String> periods) {
        String stem = "graphs/" + FileNames.safe(host) + "/" + FileNames.safe(check) + "/" + FileNames.safe(label) + "-";
        List<String> paths = new java.util.ArrayList<>(periods.size());
        for (String period : periods) {
            paths.add(stem + period + ".png");
        }
        return paths;
    }
}
