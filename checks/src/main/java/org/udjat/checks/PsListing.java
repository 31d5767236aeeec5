package org.udjat.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.udjat.api.RawOutput;

/**
 * The process list printed by the {@code process} and {@code zombies} commands, read back.
 *
 * <p>The command prints the pid of the shell that runs the udjat script ({@code echo $$}), then
 * ps's table {@code PID PPID [UID] USER STAT COMMAND} and, for the process check, a second
 * listing {@code PID COMMAND} with the full command lines. Each listing has one free-text
 * column, the last, so names and command lines with spaces read back whole; ps's own header
 * line tells whether a UID column is there (BusyBox has none) and where the second listing
 * starts. The two listings are joined by pid.
 *
 * <p>Everything the script started is left out by {@link #others()}: the shell whose pid was
 * printed and all its descendants, which include the watchdog, the check's subshell and the
 * ps processes themselves.
 *
 * @param self          the pid of the shell running the script ({@code $$})
 * @param processes     every process of the table, in ps order, with its command line where known
 * @param tableComplete false when the output cap cut the table, so processes may be missing
 * @param argsComplete  true when the full command-line listing arrived, so every process has its
 *                      command line
 * @param otherLines    lines that are neither headers nor processes, e.g. warnings from ps
 */
record PsListing(long self, List<PsProcess> processes, boolean tableComplete, boolean argsComplete,
        List<String> otherLines) {
    private static final int MAX_PID_DIGITS = 10;

    PsListing {
        processes = List.copyOf(processes);
        otherLines = List.copyOf(otherLines);
    }

    /**
     * Reads the command's output; empty when it does not start with the script's pid followed
     * by a ps table header, i.e. when it is not a process listing at all. Never throws.
     */
    static Optional<PsListing> parse(RawOutput output) {
        List<String> lines = output.lines();
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i == lines.size() || !isPid(lines.get(i).strip())) {
            return Optional.empty();
        }
        long self = Long.parseLong(lines.get(i).strip());
        List<String> other = new ArrayList<>();
        int fixed = -1;
        for (i++; i < lines.size() && fixed < 0; i++) {
            List<String> header = List.of(lines.get(i).strip().split("\\s+"));
            if (header.size() >= 5 && header.get(0).equals("PID") && header.get(1).equals("PPID")) {
                fixed = header.get(2).equals("UID") ? 5 : 4;
            } else if (!lines.get(i).isBlank()) {
                other.add(lines.get(i));
            }
        }
        if (fixed < 0) {
            return Optional.empty();
        }
        Map<Long, PsProcess> table = new LinkedHashMap<>();
        for (; i < lines.size() && !lines.get(i).strip().startsWith("PID"); i++) {
            PsProcess p = row(lines.get(i), fixed);
            if (p != null) {
                table.putIfAbsent(p.pid(), p);
            } else if (!lines.get(i).isBlank()) {
                other.add(lines.get(i));
            }
        }
        boolean argsListed = i < lines.size();
        Map<Long, String> args = new HashMap<>();
        for (i++; i < lines.size(); i++) {
            if (!argsRow(lines.get(i), args) && !lines.get(i).isBlank()) {
                other.add(lines.get(i));
            }
        }
        boolean argsComplete = argsListed && !output.truncated();
        List<PsProcess> processes = new ArrayList<>();
        for (PsProcess p : table.values()) {
            String commandLine = args.get(p.pid());
            // with the whole second listing at hand, a process missing from it has exited meanwhile
            if (commandLine != null || !argsComplete) {
                processes.add(p.withArgs(commandLine));
            }
        }
        return Optional.of(new PsListing(self, processes, argsListed || !output.truncated(), argsComplete, other));
    }

    /** The processes that are not part of the udjat script's own process tree. */
    List<PsProcess> others() {
        Set<Long> own = ownTree();
        return processes.stream().filter(p -> !own.contains(p.pid())).toList();
    }

    /** The script's shell and every process descending from it, as far as the listing shows them. */
    Set<Long> ownTree() {
        Map<Long, Long> parent = new HashMap<>();
        processes.forEach(p -> parent.put(p.pid(), p.ppid()));
        Set<Long> own = new HashSet<>(Set.of(self));
        Set<Long> foreign = new HashSet<>();
        for (PsProcess p : processes) {
            List<Long> chain = new ArrayList<>();
            long cur = p.pid();
            boolean mine = false;
            // bounded walk: pid 0 is its own parent on BSD, and a cut listing may lack ancestors
            for (int depth = 0; depth <= processes.size(); depth++) {
                if (own.contains(cur) || foreign.contains(cur)) {
                    mine = own.contains(cur);
                    break;
                }
                chain.add(cur);
                Long up = parent.get(cur);
                if (up == null || up == cur) {
                    break;
                }
                cur = up;
            }
            (mine ? own : foreign).addAll(chain);
        }
        own.retainAll(parent.keySet());
        return own;
    }

    /** One table row: the fixed columns, then the command name as the rest of the line. */
    private static PsProcess row(String line, int fixed) {
        List<String> fields = new ArrayList<>();
        int pos = 0;
        for (int k = 0; k < fixed; k++) {
            pos = skipSpace(line, pos);
            int end = nextSpace(line, pos);
            if (end == pos) {
                return null;
            }
            fields.add(line.substring(pos, end));
            pos = end;
        }
        String comm = line.substring(skipSpace(line, pos)).strip();
        boolean hasUid = fixed == 5;
        if (!isPid(fields.get(0)) || !isPid(fields.get(1)) || hasUid && !isPid(fields.get(2))) {
            return null;
        }
        int u = hasUid ? 3 : 2;
        return new PsProcess(Long.parseLong(fields.get(0)), Long.parseLong(fields.get(1)),
                hasUid ? Long.parseLong(fields.get(2)) : -1, fields.get(u), fields.get(u + 1), comm, null);
    }

    /** One row of the command-line listing into the map; false when the line is not one. */
    private static boolean argsRow(String line, Map<Long, String> args) {
        int start = skipSpace(line, 0);
        int end = nextSpace(line, start);
        if (!isPid(line.substring(start, end))) {
            return false;
        }
        args.putIfAbsent(Long.parseLong(line.substring(start, end)), line.substring(skipSpace(line, end)).strip());
        return true;
    }

    private static boolean isPid(String s) {
        return !s.isEmpty() && s.length() <= MAX_PID_DIGITS && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int nextSpace(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
            i++;
        }
        return i;
    }
}
