package org.udjat.notify.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.udjat.api.Delivery;
import org.udjat.api.Text;

/**
 * What a program's exit status means for the message: 0 is delivered; the
 * <a href="https://man.freebsd.org/cgi/man.cgi?query=sysexits">sysexits(3)</a> codes that say the
 * message or the setup is wrong, and the shell's "cannot execute" and "not found", are rejected
 * (waiting will not help, so the channel's fallback gets the message); every other failure,
 * {@code EX_TEMPFAIL} (75) included, is retried later.
 */
final class ExitStatus {
    /** usage, dataerr, nouser, nohost, noperm, config; 126 and 127 as sh reports a program it cannot run. */
    static final Set<Integer> PERMANENT = Set.of(64, 65, 67, 68, 77, 78, 126, 127);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(64, "EX_USAGE"), Map.entry(65, "EX_DATAERR"), Map.entry(66, "EX_NOINPUT"),
            Map.entry(67, "EX_NOUSER"), Map.entry(68, "EX_NOHOST"), Map.entry(69, "EX_UNAVAILABLE"),
            Map.entry(70, "EX_SOFTWARE"), Map.entry(71, "EX_OSERR"), Map.entry(72, "EX_OSFILE"),
            Map.entry(73, "EX_CANTCREAT"), Map.entry(74, "EX_IOERR"), Map.entry(75, "EX_TEMPFAIL"),
            Map.entry(76, "EX_PROTOCOL"), Map.entry(77, "EX_NOPERM"), Map.entry(78, "EX_CONFIG"),
            Map.entry(126, "cannot execute"), Map.entry(127, "not found"));

    private ExitStatus() {
    }

    /** The delivery a finished or killed run stands for. */
    static Delivery delivery(String program, ProgramRun.Ending ending, Duration timeout, int outputCap) {
        String output = excerpt(ending.output(), ending.outputCut(), outputCap);
        if (ending.timedOut()) {
            int started = ending.killed() - 1;
            String killed = started == 0 ? "" : " with the " + started + (started == 1 ? " process" : " processes") + " it started";
            return Delivery.retryLater("timed out after " + format(timeout) + ": " + program + " killed" + killed
                    + "; output: " + output);
        }
        int code = ending.exitCode();
        if (code == 0) {
            return Delivery.ok();
        }
        String name = NAMES.get(code);
        String reason = program + " exited " + code + (name == null ? "" : " (" + name + ")") + ": " + output;
        return PERMANENT.contains(code) ? Delivery.rejected(reason) : Delivery.retryLater(reason);
    }

    /**
     * The output as one printable line of at most {@code cap} characters: lines joined with
     * {@code " | "}, control characters made {@code ?}, and a note when the program printed more
     * than was kept.
     */
    static String excerpt(byte[] output, boolean cut, int cap) {
        String text = new String(output, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return cut ? "(output not readable)" : "(no output)";
        }
        String joined = String.join(" | ", text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        String line = Text.printable(joined);
        if (line.length() > cap) {
            line = line.substring(0, Character.isHighSurrogate(line.charAt(cap - 1)) ? cap - 1 : cap);
            cut = true;
        }
        return line + (cut ? " [output cut at " + cap + " bytes]" : "");
    }

    /** {@code 3s}, {@code 1500ms}. */
    static String format(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
