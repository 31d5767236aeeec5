package org.udjat.config;

import java.nio.file.Path;

/**
 * How the HTML report is made: the {@code report:} block of the config.
 *
 * @param templatesDir a folder whose templates (and {@code udjat.css}) replace the built-in ones of the same
 *                     name, or null for the built-in ones only; an existing folder when the config was loaded
 * @param onRun        whether every {@code udjat run} renders the report at its end
 */
public record ReportSettings(Path templatesDir, boolean onRun) {
    /** Built-in templates, rendered by every run. */
    public static final ReportSettings DEFAULT = new ReportSettings(null, true);
}
