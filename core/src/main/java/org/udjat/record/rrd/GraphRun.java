package org.udjat.record.rrd;

import java.util.List;

/**
 * What one {@link GraphRenderer#renderChanged} did.
 *
 * @param rendered  graphs drawn and written
 * @param upToDate  graphs left as they were: nothing they show changed
 * @param postponed graphs that needed drawing but the deadline came first; the next run draws them
 *                  first (oldest first), and the CGI draws any graph on demand
 * @param warnings  graphs that could not be drawn or written, and why
 */
public record GraphRun(int rendered, int upToDate, int postponed, List<String> warnings) {
    public GraphRun {
        warnings = List.copyOf(warnings);
    }
}
