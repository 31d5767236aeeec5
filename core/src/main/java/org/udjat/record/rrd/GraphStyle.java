package org.udjat.record.rrd;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.rrd4j.core.FetchData;
import org.rrd4j.data.Variable;
import org.rrd4j.graph.ElementsNames;
import org.rrd4j.graph.RrdGraphDef;
import org.udjat.api.Range;

/**
 * The look of every graph, for the static report and the CGI alike: the value as a line, the
 * MIN..MAX band behind it where rows consolidate several steps (not on the day graph, whose rows are
 * single measurements), warning and critical thresholds of the latest value as horizontal lines, the
 * unit on the vertical axis (bytes with binary prefixes, counters as rates per second), the title
 * {@code host / check / label}, and a legend with the last, average and maximum values. Stateless.
 */
final class GraphStyle {
    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    private static final Color VALUE = new Color(0x0055CC);
    private static final Color BAND = new Color(0x40, 0x88, 0xE0, 0x50);
    private static final Color WARN = new Color(0xE0A000);
    private static final Color CRIT = new Color(0xD00000);
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final int MAX_TEXT = 90;

    private GraphStyle() {
    }

    /**
     * The graph of one series.
     *
     * @param info   names, unit and thresholds
     * @param period the period drawn
     * @param start  the first second drawn
     * @param end    the last second drawn
     * @param avg    the AVERAGE values of the period; {@code min} and {@code max} likewise
     * @param zone   the time zone of the time axis
     */
    static RrdGraphDef define(SeriesInfo info, GraphPeriod period, long start, long end, FetchData avg,
                              FetchData min, FetchData max, ZoneId zone) {
        RrdGraphDef g = new RrdGraphDef(start, end);
        g.setWidth(WIDTH);
        g.setHeight(HEIGHT);
        g.setImageFormat("png");
        g.setShowSignature(false);
        g.setLocale(Locale.ENGLISH);
        g.setTimeZone(TimeZone.getTimeZone(zone));
        g.setAntiAliasing(false);
        g.setTextAntiAliasing(true);
        g.setColor(ElementsNames.back, Color.WHITE);
        g.setColor(ElementsNames.canvas, Color.WHITE);
        g.setColor(ElementsNames.shadea, Color.WHITE);
        g.setColor(ElementsNames.shadeb, Color.WHITE);
        g.setColor(ElementsNames.grid, new Color(0xE4E4E4));
        g.setColor(ElementsNames.mgrid, new Color(0xC8C8C8));
        g.setColor(ElementsNames.font, new Color(0x333333));
        g.setTitle(plain(info.key().host() + " / " + info.key().check() + " / " + info.key().label()) + " ("
                + period.key() + ")");
        Unit unit = unit(info, Math.max(finiteMax(max), finiteMax(avg)));
        g.setVerticalLabel(unit.label());
        String ds = avg.getDsNames()[0];
        g.datasource("avg", ds, avg);
        g.datasource("min", ds, min);
        g.datasource("max", ds, max);
        g.datasource("v", "avg," + unit.divisor() + ",/");
        g.datasource("lo", "min," + unit.divisor() + ",/");
        g.datasource("span", "max,min,-," + unit.divisor() + ",/");
        if (unit.divisor() != 1) {
            g.setUnitsExponent(0); // already scaled to the binary prefix named on the axis
        }
        double top = unit.percent() ? 100 : Double.NaN;
        if (!info.isCounter()) {
            // the thresholds' lines are the point of the graph: keep them in view
            top = Math.max(Double.isNaN(top) ? Double.NEGATIVE_INFINITY : top,
                    Math.max(highest(info.warn()), highest(info.crit())) / unit.divisor() * 1.05);
        }
        if (unit.percent()) {
            g.setMinValue(0);
        }
        if (Double.isFinite(top)) {
            g.setMaxValue(top);
        }
        g.setForceRulesLegend(true);
        if (period != GraphPeriod.DAY) {
            g.area("lo", new Color(0, 0, 0, 0));
            g.stack("span", BAND, "min-max");
        }
        g.line("v", VALUE, period == GraphPeriod.DAY ? "value" : "average", 1f);
        String fmt = "%8.2lf" + (unit.divisor() != 1 || unit.percent() ? " " : " %s") + unit.legend().replace("%", "%%");
        g.datasource("v_last", "v", new Variable.LAST());
        g.datasource("v_avg", "v", new Variable.AVERAGE());
        g.datasource("v_max", "v", new Variable.MAX());
        g.gprint("v_last", "last " + fmt);
        g.gprint("v_avg", "avg " + fmt);
        g.gprint("v_max", "max " + fmt + "\\l");
        if (!info.isCounter()) {
            rules(g, info.warn(), WARN, "warning", unit);
            rules(g, info.crit(), CRIT, "critical", unit);
        }
        return g;
    }

    /** Horizontal lines at a threshold's finite bounds; a bound of 0 is the axis itself and left out. */
    private static void rules(RrdGraphDef g, Range range, Color color, String name, Unit unit) {
        if (range == null) {
            return;
        }
        List<Double> at = new ArrayList<>();
        if (Double.isFinite(range.start()) && range.start() != 0) {
            at.add(range.start());
        }
        if (Double.isFinite(range.end()) && range.end() != range.start()) {
            at.add(range.end());
        }
        BasicStroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 3f}, 0f);
        String legend = (name + " " + rangeText(range, unit)).replace("%", "%%");
        for (int i = 0; i < at.size(); i++) {
            g.hrule(at.get(i) / unit.divisor(), color, i == 0 ? legend : null, dashed);
        }
    }

    /** The range as the check wrote it, or with scaled numbers and the unit for bytes: {@code 74.51 GiB}. */
    static String rangeText(Range range, Unit unit) {
        if (unit.divisor() == 1) {
            return plain(range.text());
        }
        String text;
        if (range.end() == Double.POSITIVE_INFINITY) {
            text = scaled(range.start(), unit) + ":";
        } else if (range.start() == 0 && !range.inside()) {
            text = scaled(range.end(), unit);
        } else if (range.start() == Double.NEGATIVE_INFINITY) {
            text = "~:" + scaled(range.end(), unit);
        } else {
            text = scaled(range.start(), unit) + ":" + scaled(range.end(), unit);
        }
        return (range.inside() ? "@" : "") + text + " " + unit.legend();
    }

    private static String scaled(double value, Unit unit) {
        return String.format(Locale.ROOT, "%.2f", value / unit.divisor());
    }

    /** The highest finite bound of a range, or negative infinity. */
    private static double highest(Range range) {
        if (range == null) {
            return Double.NEGATIVE_INFINITY;
        }
        return Double.isFinite(range.end()) ? range.end()
                : Double.isFinite(range.start()) ? range.start() : Double.NEGATIVE_INFINITY;
    }

    /**
     * How values are shown.
     *
     * @param label   the vertical axis label
     * @param legend  the unit after legend numbers
     * @param divisor what values are divided by (a power of 1024 for bytes)
     * @param percent whether the axis runs from 0 to (at least) 100
     */
    record Unit(String label, String legend, double divisor, boolean percent) {
    }

    /** The unit of a series, bytes scaled to the binary prefix that fits {@code largest}. */
    static Unit unit(SeriesInfo info, double largest) {
        String u = plain(info.unit());
        if (info.isCounter()) {
            return new Unit("per second", "/s", 1, false);
        }
        int base = switch (u) {
            case "B" -> 0;
            case "KB" -> 1;
            case "MB" -> 2;
            case "GB" -> 3;
            case "TB" -> 4;
            default -> -1;
        };
        if (base >= 0) {
            int k = 0;
            while (base + k < BINARY.length - 1 && Double.isFinite(largest) && largest >= Math.pow(1024, k + 1)) {
                k++;
            }
            String name = BINARY[base + k];
            return new Unit(name, name, Math.pow(1024, k), false);
        }
        return switch (u) {
            case "%" -> new Unit("%", "%", 1, true);
            case "s" -> new Unit("seconds", "s", 1, false);
            case "ms" -> new Unit("milliseconds", "ms", 1, false);
            case "us" -> new Unit("microseconds", "us", 1, false);
            default -> new Unit(u, u, 1, false);
        };
    }

    private static double finiteMax(FetchData data) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : data.getValues(0)) {
            if (Double.isFinite(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /**
     * Untrusted text as plain printable text for the image: no control characters, no backslash (RRD4J
     * reads {@code \l}, {@code \g}... at the end of legend text as layout markers), at most 90 characters.
     */
    static String plain(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || c == '\\' ? '?' : c));
        return b.length() <= MAX_TEXT ? b.toString() : b.substring(0, MAX_TEXT - 3) + "...";
    }
}
