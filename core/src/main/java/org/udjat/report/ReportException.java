package org.udjat.report;

/**
 * The report could not be rendered because of a template: one that does not parse, fails while
 * rendering, or cannot be found. The message names the template, where it came from and the line,
 * e.g. {@code template check.ftlh (from /etc/udjat/templates), line 12, column 5: ...}; it is meant
 * for the operator as it is, without a stack trace.
 */
public final class ReportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
