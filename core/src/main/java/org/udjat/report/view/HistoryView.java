package org.udjat.report.view;

import java.util.List;

/**
 * One page of the history, {@code history.html} (the newest changes), {@code history-2.html}, ...
 *
 * @param page     the page frame
 * @param changes  the changes on this page, newest first
 * @param number   this page's number, from 1
 * @param pages    links to every page of the history, in order
 * @param previous the page with newer changes, empty on the first
 * @param next     the page with older changes, empty on the last
 * @param total    how many changes the history holds
 * @param shown    how many of them the pages show together (the newest); the rest are only in {@code history.jsonl}
 */
public record HistoryView(PageInfo page, List<ChangeRow> changes, int number, List<PageLink> pages, String previous,
                          String next, int total, int shown) {

    /**
     * A link to one page of the history.
     *
     * @param number  the page's number
     * @param href    the page, relative to the report's root
     * @param current whether it is the page being shown
     */
    public record PageLink(int number, String href, boolean current) {
    }
}
