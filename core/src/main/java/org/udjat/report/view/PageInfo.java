package org.udjat.report.view;

/**
 * What every page shows around its content.
 *
 * @param title          the page's title
 * @param section        which part of the report it belongs to, for the navigation: {@code overview},
 *                       {@code history}, {@code incidents}, {@code availability}
 * @param root           the way from the page to the report's root: {@code ""}, {@code "../"} or {@code "../../"}
 * @param generated      when the page was rendered
 * @param zone           the time zone of every time shown
 * @param refreshSeconds how often a browser should reload the page, 0 for never
 * @param data           the age of the data it shows
 */
public record PageInfo(String title, String section, String root, String generated, String zone, int refreshSeconds,
                       DataAge data) {
}
