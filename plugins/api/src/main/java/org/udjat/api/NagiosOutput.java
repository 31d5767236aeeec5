package org.udjat.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of a Nagios-compatible plugin: the exit code gives the status, the first
 * line the summary, further lines the long output, and whatever follows a {@code |} (on the
 * first line, and from the first {@code |} of the long output to the end) is perfdata in the
 * form {@code 'label'=value[UOM];warn;crit;min;max}.
 *
 * <p>The output is untrusted text: {@link #parse} never throws. Perfdata items it cannot read
 * are left out and named in a note at the end of the long output, so nothing is lost
 * silently. Stateless and thread-safe.
 */
public final class NagiosOutput {

    /** A number as plugins write it: sign, decimal point or comma, exponent. */
    private static final String NUMBER = "[-+]?(?:\\d+(?:[.,]\\d*)?|[.,]\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern VALUE = Pattern.compile("(" + NUMBER + ")([\\p{L}%°/]*)");
    private static final Pattern PLAIN_NUMBER = Pattern.compile(NUMBER);
    private static final int MAX_FIELDS = 5;

    private NagiosOutput() {
    }

    /** Parses plugin output into an outcome; never throws. */
    public static CheckOutcome parse(RawOutput raw) {
        Status status = Status.fromExitCode(raw.exitCode());
        String text = raw.text().replace("\r\n", "\n");
        List<String> notes = new ArrayList<>();
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        String rest = newline < 0 ? "" : text.substring(newline + 1);

        StringBuilder perf = new StringBuilder();
        String summary = first;
        int bar = first.indexOf('|');
        if (bar >= 0) {
            summary = first.substring(0, bar);
            perf.append(first, bar + 1, first.length());
        }
        String longOutput = rest;
        int longBar = rest.indexOf('|');
        if (longBar >= 0) {
            // multi-line format: everything after the first '|' of the long output is perfdata
            longOutput = rest.substring(0, longBar);
            perf.append('\n').append(rest, longBar + 1, rest.length());
        }
        List<PerfDatum> data = new ArrayList<>();
        readPerfData(perf.toString(), data, notes);

        summary = summary.strip();
        if (summary.isEmpty()) {
            summary = text.isBlank() ? "(no output)" : "(no summary)";
        }
        if (raw.truncated()) {
            notes.add("(output truncated: the check printed more than its output cap; the rest was discarded)");
        }
        return new CheckOutcome(status, summary, withNotes(longOutput.stripTrailing(), notes), data);
    }

    private static String withNotes(String longOutput, List<String> notes) {
        if (notes.isEmpty()) {
            return longOutput;
        }
        StringBuilder b = new StringBuilder(longOutput);
        for (String note : notes) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(note);
        }
        return b.toString();
    }

    /** Splits perfdata into items at whitespace outside quoted labels. */
    private static void readPerfData(String s, List<PerfDatum> out, List<String> notes) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            String label;
            int valueStart;
            if (s.charAt(i) == '\'') {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char c = s.charAt(j);
                    if (c == '\'' && j + 1 < n && s.charAt(j + 1) == '\'') {
                        b.append('\'');
                        j += 2;
                    } else if (c == '\'') {
                        closed = true;
                        j++;
                        break;
                    } else {
                        b.append(c);
                        j++;
                    }
                }
                label = closed ? b.toString() : null;
                valueStart = closed ? j : nextSpace(s, start);
            } else {
                int end = nextSpace(s, start);
                int eq = s.indexOf('=', start);
                label = eq > start && eq < end ? s.substring(start, eq) : null;
                valueStart = label == null ? end : eq;
            }
            int end = nextSpace(s, valueStart);
            String item = s.substring(start, end);
            i = end;
            PerfDatum datum = null;
            if (label != null && !label.isEmpty() && s.startsWith("=", valueStart)) {
                datum = datum(label, s.substring(valueStart + 1, end));
            }
            if (datum == null) {
                notes.add("ignored malformed perfdata: \"" + item + "\"");
            } else {
                out.add(datum);
            }
        }
    }

    private static int nextSpace(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The datum for {@code value[UOM];warn;crit;min;max}, or null when any field is malformed. */
    private static PerfDatum datum(String label, String spec) {
        String[] f = spec.split(";", -1);
        for (int k = MAX_FIELDS; k < f.length; k++) {
            if (!f[k].isEmpty()) {
                return null;
            }
        }
        double value;
        String unit;
        if (f[0].equals("U")) {
            value = Double.NaN;
            unit = "";
        } else {
            Matcher m = VALUE.matcher(f[0]);
            if (!m.matches()) {
                return null;
            }
            value = number(m.group(1));
            unit = m.group(2);
        }
        try {
            Range warn = range(field(f, 1));
            Range crit = range(field(f, 2));
            Double min = optionalNumber(field(f, 3));
            Double max = optionalNumber(field(f, 4));
            if (Double.isInfinite(value)) {
                return null;
            }
            return new PerfDatum(label, value, unit, warn, crit, min, max);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String field(String[] f, int k) {
        return k < f.length ? f[k] : "";
    }

    private static Range range(String text) {
        // decimal commas are tolerated; ':' is the range separator, so ',' can only be a decimal mark
        return text.isEmpty() ? null : Range.parse(text.replace(',', '.'));
    }

    private static Double optionalNumber(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!PLAIN_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException(text);
        }
        double v = number(text);
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException(text);
        }
        return v;
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }
}
