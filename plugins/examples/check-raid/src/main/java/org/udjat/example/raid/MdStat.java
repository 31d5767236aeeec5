package org.udjat.example.raid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.udjat.api.RawOutput;
import org.udjat.api.Status;
import org.udjat.api.Text;

/**
 * Reads Linux's /proc/mdstat as {@code cat /proc/mdstat} prints it: a {@code Personalities}
 * line, one block per array ({@code md0 : active raid1 sdb1[1] sda1[0]}, then indented lines
 * with {@code [2/2] [UU]} and any {@code resync = 8.5%}), and a closing {@code unused devices}
 * line. The closing line is required: without it the output was cut and an array may be
 * missing. A host without the md driver has no /proc/mdstat at all; cat then fails with
 * "No such file or directory", which means no md arrays. Stateless; never throws.
 */
final class MdStat {
    static final String SOURCE = "/proc/mdstat";
    private static final Pattern ARRAY = Pattern.compile("(\\S+) : (active|inactive)\\b(.*)");
    private static final Pattern MEMBERS = Pattern.compile("\\[(\\d{1,4})/(\\d{1,4})\\]\\s+\\[([U_]{1,256})\\]");
    private static final Pattern SYNC = Pattern.compile(
            "\\b(resync|recovery|check|repair|reshape)\\s*=\\s*(?:(\\d{1,3}(?:\\.\\d{1,3})?)%|([A-Z]{1,16}))");
    private static final Pattern FINISH = Pattern.compile("\\bfinish=(\\S{1,32})");
    /** Levels with redundancy, whose status line must show {@code [n/m] [UU]}. */
    private static final Set<String> REDUNDANT = Set.of("raid1", "raid4", "raid5", "raid6", "raid10", "multipath");

    private MdStat() {
    }

    static Scan parse(RawOutput output) {
        String text = output.text();
        if (output.exitCode() != 0) {
            if (text.contains(SOURCE) && text.contains("No such file or directory")) {
                return Scan.read(List.of(), SOURCE, "no /proc/mdstat: the md driver is not loaded");
            }
            return Scan.unreadable(SOURCE, "cat /proc/mdstat failed (exit " + output.exitCode() + ")");
        }
        List<String> lines = output.lines();
        if (lines.stream().noneMatch(l -> l.startsWith("Personalities :"))) {
            return Scan.unreadable(SOURCE, "could not read /proc/mdstat: no \"Personalities\" line");
        }
        List<RaidArray> arrays = new ArrayList<>();
        Block block = null;
        boolean ended = false;
        for (String line : lines) {
            if (line.length() > RawOutput.MAX_LINE) {
                return Scan.unreadable(SOURCE, "could not read /proc/mdstat: a line is longer than " + RawOutput.MAX_LINE);
            }
            if (line.isBlank() || line.startsWith("Personalities :") || line.startsWith("read_ahead")) {
                continue;
            }
            if (line.startsWith("unused devices:")) {
                ended = true;
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (block != null) {
                    block.details.add(line.strip());
                }
                continue;
            }
            Matcher m = ARRAY.matcher(line);
            if (!m.matches()) {
                return Scan.unreadable(SOURCE, "could not read this line of /proc/mdstat: \"" + Text.printable(line) + "\"");
            }
            if (block != null) {
                arrays.add(block.toArray());
            }
            block = new Block(m.group(1), m.group(2).equals("active"), m.group(3));
        }
        if (block != null) {
            arrays.add(block.toArray());
        }
        if (!ended) {
            return Scan.unreadable(SOURCE, "/proc/mdstat ends before its \"unused devices\" line"
                    + (output.truncated() ? " (output truncated)" : ""));
        }
        for (RaidArray a : arrays) {
            if (a.state() == Status.UNKNOWN) {
                return Scan.unreadable(SOURCE, "could not read /proc/mdstat: " + a.stateReason());
            }
        }
        return Scan.read(arrays, SOURCE, "");
    }

    /** The lines of one array while they are read. */
    private static final class Block {
        private final String name;
        private final boolean active;
        private final List<String> members = new ArrayList<>();
        private final List<String> details = new ArrayList<>();
        private String level = "";
        private String mode = "";

        Block(String name, boolean active, String rest) {
            this.name = Text.printable(name);
            this.active = active;
            for (String token : rest.strip().split("\\s+")) {
                if (token.equals("(read-only)") || token.equals("(auto-read-only)")) {
                    mode = token;
                } else if (token.contains("[")) {
                    members.add(Text.printable(token));
                } else if (!token.isEmpty() && level.isEmpty() && members.isEmpty()) {
                    level = Text.printable(token);
                }
            }
        }

        RaidArray toArray() {
            Matcher status = null;
            Sync sync = null;
            for (String d : details) {
                Matcher m = MEMBERS.matcher(d);
                if (status == null && m.find()) {
                    status = m;
                }
                Matcher s = SYNC.matcher(d);
                if (sync == null && s.find()) {
                    Matcher f = FINISH.matcher(d);
                    String finish = f.find() ? "finish=" + Text.printable(f.group(1)) : "";
                    sync = s.group(2) != null ? new Sync(s.group(1), Double.parseDouble(s.group(2)), finish)
                            : new Sync(s.group(1), Double.NaN, s.group(3));
                }
            }
            int slots = status == null ? 0 : Integer.parseInt(status.group(1));
            int working = status == null ? 0 : Integer.parseInt(status.group(2));
            String description = (level.isEmpty() ? "" : level + " ")
                    + (status == null ? "" : "[" + slots + "/" + working + "] [" + status.group(3) + "] ")
                    + (mode.isEmpty() ? "" : mode + " ");
            long failed = members.stream().filter(t -> t.contains("(F)")).count();
            int missing = Math.max(0, slots - working);
            Status state = Status.OK;
            String reason = "";
            if (!active) {
                state = Status.CRITICAL;
                reason = "inactive";
            } else if (status == null && REDUNDANT.contains(level)) {
                state = Status.UNKNOWN;
                reason = "no member status ([n/m] [UU]) for " + name;
            } else if (failed > 0 && missing == 0) {
                state = Status.WARNING;
                reason = failed + (failed == 1 ? " failed device" : " failed devices");
            }
            return new RaidArray(name, description.strip(), status != null, slots, missing, sync, state, reason, members);
        }
    }
}
