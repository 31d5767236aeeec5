/**
 * What the report templates see: plain, immutable view records built from the status, the history,
 * the config and the time of rendering, never the engine's own types. Every text in them is
 * ready to show (times formatted, durations in words, untrusted text cleaned of control
 * characters) but not yet HTML-escaped: the templates escape everything on output. Links are
 * relative to the report's root; a template puts {@code page.root} in front of them.
 */
package org.udjat.report.view;
