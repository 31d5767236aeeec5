package org.udjat.remedy.kill;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.udjat.api.RawOutput;
import org.udjat.api.Text;

/**
 * What a {@link KillCommand} printed, read on the poller. Untrusted text: pids are taken only
 * when they are digits, messages are made printable and short.
 *
 * @param listed  how many processes ps showed, or -1 when the listing line is missing
 * @param killed  the processes signalled
 * @param failed  the processes that could not be signalled, each as "PID: message"
 * @param problem the pid file's trouble ({@code nopidfile}, {@code unreadable}, {@code badpid TEXT}), or empty
 */
record KillReport(int listed, List<String> killed, List<String> failed, String problem) {
    private static final int MESSAGE_CHARS = 200;

    static KillReport read(RawOutput output) {
        int listed = -1;
        List<String> killed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        String problem = "";
        for (String line : output.lines()) {
            String[] w = line.strip().split(" ", 3);
            switch (w[0]) {
                case "listed" -> listed = w.length > 1 && w[1].matches("[0-9]{1,9}") ? Integer.parseInt(w[1]) : listed;
                case "killed" -> pid(w).ifPresent(killed::add);
                case "failed" -> pid(w).ifPresent(p -> failed.add(p + ": " + message(w.length > 2 ? w[2] : "failed")));
                case "nopidfile", "unreadable" -> problem = w[0];
                case "badpid" -> problem = "badpid " + message(line.strip().substring("badpid".length()).strip());
                default -> {
                    // the rest of a multi-line error message of kill; the first line is enough
                }
            }
        }
        return new KillReport(listed, List.copyOf(killed), List.copyOf(failed), problem);
    }

    private static Optional<String> pid(String[] words) {
        return words.length > 1 && words[1].matches("[0-9]{1,10}") ? Optional.of(words[1]) : Optional.empty();
    }

    static String message(String text) {
        String m = Text.printable(text.strip());
        return m.length() > MESSAGE_CHARS ? m.substring(0, MESSAGE_CHARS) + "..." : m;
    }
}
