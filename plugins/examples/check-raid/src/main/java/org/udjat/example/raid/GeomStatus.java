package org.udjat.example.raid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;
import org.udjat.api.Status;
import org.udjat.api.Text;

/**
 * Reads FreeBSD's {@code gmirror status} and {@code graid status}, each followed by the line
 * {@code gmirror exit N} / {@code graid exit N} that the command echoes. Both tools print the
 * GEOM status table of sbin/geom: a {@code Name  Status  Components} header, then one line per
 * array with its first component, and one indented line per further component:
 *
 * <pre>
 *       Name    Status  Components
 * mirror/gm0  DEGRADED  ada1 (ACTIVE)
 *                       ada0 (SYNCHRONIZING, 64%)
 * </pre>
 *
 * No arrays prints nothing. When the kernel class is not loaded the tool says
 * {@code Command 'status' not available.} and exits 1, which also means no arrays of that
 * kind. Stateless; never throws.
 */
final class GeomStatus {
    static final String SOURCE = "gmirror status and graid status";
    private static final Pattern EXIT = Pattern.compile("(gmirror|graid) exit (\\d{1,3})");
    private static final Pattern SYNC = Pattern.compile("\\b(SYNCHRONIZING|REBUILD|RESYNC)\\b,?\\s*(\\d{1,3})%");
    private static final String NOT_LOADED = "Command 'status' not available.";
    /** The states each tool reports for a whole array, and what they mean here. */
    private static final Map<String, Map<String, Status>> STATES = Map.of(
            "gmirror", Map.of("COMPLETE", Status.OK, "DEGRADED", Status.OK, "STARTING", Status.WARNING),
            "graid", Map.of("OPTIMAL", Status.OK, "DEGRADED", Status.OK, "SUBOPTIMAL", Status.WARNING,
                    "STARTING", Status.WARNING, "BROKEN", Status.CRITICAL));

    private GeomStatus() {
    }

    /** True when the output looks like this check's FreeBSD command printed it. */
    static boolean recognizes(RawOutput output) {
        return output.lines().stream().anyMatch(l -> EXIT.matcher(l).matches());
    }

    static Scan parse(RawOutput output) {
        List<RaidArray> arrays = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> section = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String line : output.lines()) {
            Matcher m = line.length() <= RawOutput.MAX_LINE ? EXIT.matcher(line) : null;
            if (m == null || !m.matches()) {
                section.add(line);
                continue;
            }
            String tool = m.group(1);
            int exit = Integer.parseInt(m.group(2));
            seen.add(tool);
            String problem = readSection(tool, exit, section, arrays, notes);
            if (!problem.isEmpty()) {
                return Scan.unreadable(SOURCE, problem);
            }
            section.clear();
        }
        if (!seen.equals(List.of("gmirror", "graid"))) {
            return Scan.unreadable(SOURCE, "expected the output of gmirror status and graid status, each with its exit"
                    + " status" + (output.truncated() ? " (output truncated)" : ""));
        }
        return Scan.read(arrays, SOURCE, String.join("; ", notes));
    }

    /** Reads one tool's lines into arrays; returns why they cannot be read, or empty. */
    private static String readSection(String tool, int exit, List<String> lines, List<RaidArray> arrays, List<String> notes) {
        if (exit != 0) {
            if (lines.stream().anyMatch(l -> l.strip().equals(NOT_LOADED))) {
                notes.add(tool + ": the kernel class is not loaded, so there are no " + tool + " arrays");
                return "";
            }
            String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("no output");
            return tool + " status failed (exit " + exit + "): " + Text.printable(first.strip());
        }
        List<String> rows = lines.stream().filter(l -> !l.isBlank()).toList();
        if (rows.isEmpty()) {
            return "";
        }
        int column = rows.get(0).indexOf("Components");
        if (column < 0 || !rows.get(0).contains("Name") || !rows.get(0).contains("Status")) {
            return "could not read " + tool + " status: no \"Name  Status  Components\" header";
        }
        String name = null;
        String state = null;
        List<String> components = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String head = row.substring(0, Math.min(column, row.length()));
            String component = row.length() > column ? row.substring(column).strip() : "";
            if (head.isBlank() && name != null) {
                components.add(component);
                continue;
            }
            String[] words = head.strip().split("\\s+");
            if (words.length != 2 || component.isEmpty()) {
                return "could not read this line of " + tool + " status: \"" + Text.printable(row) + "\"";
            }
            if (name != null) {
                arrays.add(array(tool, name, state, components));
            }
            name = words[0];
            state = words[1];
            components = new ArrayList<>(List.of(component));
        }
        if (name != null) {
            arrays.add(array(tool, name, state, components));
        }
        return "";
    }

    private static RaidArray array(String tool, String name, String state, List<String> components) {
        Status known = STATES.get(tool).get(state);
        Sync sync = null;
        int notActive = 0;
        for (String c : components) {
            Matcher m = SYNC.matcher(c);
            if (sync == null && m.find()) {
                sync = new Sync(m.group(1).toLowerCase(Locale.ROOT), Integer.parseInt(m.group(2)), "");
            }
            if (!c.endsWith(tool.equals("gmirror") ? "(ACTIVE)" : "(ACTIVE (ACTIVE))")) {
                notActive++;
            }
        }
        // a DEGRADED array may list only its working components: at least one is missing
        int missing = state.equals("DEGRADED") ? Math.max(1, notActive) : 0;
        Status floor = known == null ? Status.UNKNOWN : known;
        String reason = known == null ? "state " + state + " unknown to this check"
                : floor == Status.OK ? "" : state;
        List<String> shown = components.stream().map(Text::printable).toList();
        return new RaidArray(Text.printable(name), Text.printable(state), true, 0, missing, sync, floor,
                Text.printable(reason), shown);
    }
}
